import type { KyselyPlugin } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import type { Ctx } from '../context';
import { importLinkedin } from './import-linkedin';
import { undoImport } from './undo-import';

/** A Connections.csv of `n` people, all connected in `year`. */
function connections(n: number, year: number): Uint8Array {
  const rows = Array.from(
    { length: n },
    (_, i) =>
      `Person,Number ${i},https://www.linkedin.com/in/person-${i},,Acme ${i % 3},Engineer,07 Feb ${year}`,
  );
  return new TextEncoder().encode(
    ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\n'),
  );
}

/** `ctx` with every statement it runs counted, those written as SQL text too (they skip transformQuery). */
function counting(ctx: Ctx): { ctx: Ctx; count: () => number } {
  let n = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      n++;
      return args.result;
    },
  };
  return { ctx: { ...ctx, db: ctx.db.withPlugin(plugin) }, count: () => n };
}

describeEngines('undoing an import of many contacts', (h) => {
  /** Statements the undo of an import that updated `n` contacts (a later export, every date changed) runs. */
  async function undoUpdateStatements(n: number): Promise<number> {
    const { ctx } = await h.account();
    const source = (year: number) => ({ name: 'Connections.csv', bytes: connections(n, year) });
    await importLinkedin(ctx, { source: source(2024), dryRun: false });
    const later = await importLinkedin(ctx, { source: source(2023), dryRun: false });
    expect(later.stats.updated).toBe(n);
    const counted = counting(ctx);
    const undone = await undoImport(counted.ctx, later.id as string);
    expect(undone).toEqual({ removed: 0, restored: n, trashed: 0 });
    return counted.count();
  }

  it('puts the contacts an import updated back set-based: not a statement per contact and table', async () => {
    const few = await undoUpdateStatements(3);
    const many = await undoUpdateStatements(43);
    // None per contact: its own row goes back with a thousand others in one UPDATE (before: one UPDATE each), its
    // channels, sources, history… a table at a time (before: nine more statements each), its relationship state
    // with two hundred others.
    expect(many - few).toBeLessThan(5);
  });
});
