import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { DAY_MS } from '../clock';
import { type ContactSnapshot, captureContacts } from '../contacts/contact-snapshot';
import { createContact } from '../contacts/create-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import { updateContact } from '../contacts/update-contact';
import type { Ctx } from '../context';
import { importFile } from './import-file';
import { undoImport } from './undo-import';

const enc = (s: string) => new TextEncoder().encode(s);
const card = (lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n');
const importCards = (ctx: Ctx, fileName: string, cards: string[][]) =>
  importFile(ctx, { kind: 'vcard', fileName, source: enc(cards.map(card).join('\r\n')), dryRun: false });

// The address book as first imported.
const FIRST = [
  [
    'FN:Ada Lovelace',
    'N:Lovelace;Ada;;;',
    'EMAIL:ada@engines.example',
    'ORG:Analytical Engines',
    'TITLE:Mathematician',
    'CATEGORIES:alpha',
  ],
  [
    'FN:Grace Hopper',
    'N:Hopper;Grace;;;',
    'EMAIL:grace@navy.example',
    'ORG:US Navy',
    'TITLE:Rear Admiral',
    'NOTE:Compilers',
  ],
  ['FN:Alan Turing', 'N:Turing;Alan;;;', 'EMAIL:alan@bletchley.example', 'TEL:+44 20 7946 0018'],
];
// A newer copy of it: fields changed, channels and tags added, and the contact the owner made is in it too.
const NEWER = [
  [
    'FN:Ada Lovelace',
    'N:Lovelace;Ada;;;',
    'EMAIL:ada@engines.example',
    'EMAIL:ada@home.example',
    'TEL:+44 20 7946 0001',
    'ORG:Analytical Engines',
    'TITLE:Countess',
    'CATEGORIES:alpha,beta',
    'BDAY:1815-12-10',
  ],
  [
    'FN:Grace Hopper',
    'N:Hopper;Grace;;;',
    'EMAIL:grace@navy.example',
    'ORG:Yale',
    'TITLE:Professor',
    'NOTE:Compilers',
    'ADR;TYPE=work:;;1 Hillhouse Ave;New Haven;CT;06511;USA',
  ],
  [
    'FN:Alan Turing',
    'N:Turing;Alan;;;',
    'EMAIL:alan@bletchley.example',
    'TEL:+44 20 7946 0018',
    'NICKNAME:Prof',
    'URL:https://example.org/turing',
  ],
  [
    'FN:Olga Owner',
    'N:Owner;Olga;;;',
    'EMAIL:olga@example.org',
    'TEL:+1 202 555 0199',
    'TITLE:Editor',
    'CATEGORIES:gamma',
  ],
];

/** A snapshot without what every write stamps anew (ids of rows put back, the time of the undo). */
function comparable(s: ContactSnapshot | undefined) {
  if (!s) return s;
  const strip = <T extends { id?: string }>(rows: T[]) =>
    rows.map(({ id: _id, ...r }) => r).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    row: s.row,
    channels: strip(s.channels),
    tags: [...s.tags].sort((a, b) => a.tag_id.localeCompare(b.tag_id)),
    photo: s.photo,
    positions: strip(s.positions),
    sources: strip(s.sources),
    history: strip(s.history),
    interactions: s.interactions,
  };
}

describeEngines('undoing an import that updated contacts', (h) => {
  it('puts every updated contact back as it was, and keeps what the owner changed since', async () => {
    const { ctx, id: ownerId } = await h.account();
    const olga = await createContact(
      ctx,
      {
        displayName: 'Olga Owner',
        emails: [{ value: 'olga@example.org' }],
        tags: ['friends'],
        notes: 'Met at a fair',
      },
      'web',
    );
    const first = await importCards(ctx, 'contacts.vcf', FIRST);
    expect(first.stats).toMatchObject({ created: 3 });
    const idOf = async (q: string) => (await listContacts(ctx, { q })).items[0]?.id as string;
    const [ada, grace, alan] = [await idOf('ada'), await idOf('grace'), await idOf('alan')];
    const all = [ada, grace, alan, olga.id];
    ctx.clock.advance(DAY_MS);
    const before = await captureContacts(ctx, ownerId, all);

    const newer = await importCards(ctx, 'contacts.vcf', NEWER);
    expect(newer.stats).toMatchObject({ created: 0, updated: 4 });
    ctx.clock.advance(DAY_MS);
    // The owner's own edit of one of them after the import: a field, a channel taken away, a tag.
    const graceNow = await getContact(ctx, grace);
    await updateContact(
      ctx,
      grace,
      { notes: 'Compilers, COBOL', emails: [], tags: [...graceNow.tags, 'navy'] },
      'web',
    );
    ctx.clock.advance(DAY_MS);

    expect(await undoImport(ctx, newer.id as string)).toEqual({ removed: 0, restored: 4, trashed: 0 });
    const after = await captureContacts(ctx, ownerId, all);
    // Untouched since: exactly as before the import, row (its time of change too), channels, tags, history.
    for (const id of [ada, alan, olga.id])
      expect(comparable(after.get(id))).toEqual(comparable(before.get(id)));
    // Edited since: what the import changed goes back, the owner's edit stays.
    expect(await getContact(ctx, grace)).toMatchObject({
      organisation: { name: 'US Navy' },
      title: 'Rear Admiral',
      notes: 'Compilers, COBOL',
      emails: [],
      addresses: [],
      tags: ['navy'],
    });
    const graceRow = after.get(grace)?.row;
    expect(graceRow).toMatchObject({ title: 'Rear Admiral', notes: 'Compilers, COBOL' });
    expect(graceRow?.updated_at).not.toBe(before.get(grace)?.row.updated_at);
    // Found by what they say again, not by what the import brought.
    expect((await listContacts(ctx, { q: 'countess' })).items).toEqual([]);
    expect((await listContacts(ctx, { q: 'mathematician' })).items.map((c) => c.id)).toEqual([ada]);
    expect((await listContacts(ctx, { q: 'cobol' })).items.map((c) => c.id)).toEqual([grace]);
  });
});
