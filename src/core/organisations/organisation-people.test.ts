import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { updateContact } from '../contacts/update-contact';
import { AppError } from '../errors';
import { recordInteraction } from '../interactions/record-interaction';
import { getRelationship } from '../relationships/get-relationship';
import { createOrganisation } from './create-organisation';
import { getOrganisation } from './get-organisation';
import { listOrganisationPastPeople } from './list-organisation-past-people';
import { mergeOrganisations } from './merge-organisations';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describeEngines('the people of an organisation', (h) => {
  it('shows how well I know each one, now and before: strength, tier and last contact, as their own page does', async () => {
    const { ctx } = await h.account();
    await createOrganisation(ctx, { name: 'Acme' });
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace', organisation: 'Acme' }, 'web');
    const bob = await createContact(ctx, { displayName: 'Bob Stranger', organisation: 'Acme' }, 'web');
    const cy = await createContact(ctx, { displayName: 'Cy Former', organisation: 'Acme' }, 'web');
    const meeting = '2026-01-10T10:00:00.000Z';
    await recordInteraction(ctx, { kind: 'meeting', contactIds: [ada.id], occurredAt: meeting });
    await recordInteraction(ctx, { kind: 'call', contactIds: [ada.id, cy.id], answered: true });
    const called = ctx.clock.now().toISOString();
    await updateContact(ctx, cy.id, { organisation: 'Initech' }, 'web');

    const org = await getOrganisation(ctx, ada.organisation?.id ?? '');
    const [adaRel, cyRel] = [await getRelationship(ctx, ada.id), await getRelationship(ctx, cy.id)];
    expect(adaRel.score).toBeGreaterThan(0);
    expect(org.people.current).toEqual([
      {
        id: ada.id,
        displayName: 'Ada Lovelace',
        title: null,
        score: adaRel.score,
        tier: adaRel.tier,
        lastContactAt: adaRel.lastContactAt,
      },
      {
        id: bob.id,
        displayName: 'Bob Stranger',
        title: null,
        score: 0,
        tier: 'dormant',
        lastContactAt: null,
      },
    ]);
    expect(Date.parse(adaRel.lastContactAt ?? '')).toBe(Date.parse(called));
    expect(org.people.past).toEqual([
      {
        id: cy.id,
        displayName: 'Cy Former',
        title: null,
        score: cyRel.score,
        tier: cyRel.tier,
        lastContactAt: cyRel.lastContactAt,
        endedOn: expect.any(String),
      },
    ]);
    expect(cyRel.score).toBeGreaterThan(0);
    expect(org.people).toMatchObject({ pastTotal: 1, pastNextCursor: null });
  });

  it('pages through everyone who was there before: no one is left out past the first page', async () => {
    const { ctx } = await h.account();
    const org = await createOrganisation(ctx, { name: 'Globex' });
    // 130 people left Globex over three days (most on one day: the position id orders those).
    const ids: string[] = [];
    for (let i = 0; i < 130; i++) {
      const c = await createContact(
        ctx,
        { displayName: `Person ${String(i).padStart(3, '0')}`, organisation: 'Globex' },
        'web',
      );
      ids.push(c.id);
    }
    const start = ctx.clock.now().getTime();
    for (const [i, id] of ids.entries()) {
      ctx.clock.set(new Date(start + (i % 10 === 0 ? 2 : i % 7 === 0 ? 1 : 0) * 86_400_000));
      await updateContact(ctx, id, { organisation: 'Initech' }, 'web');
    }
    ctx.clock.set(new Date(start));
    await deleteContact(ctx, ids[5] as string); // the trashed are not counted or listed

    const detail = await getOrganisation(ctx, org.id);
    expect(detail.people.pastTotal).toBe(129);
    expect(detail.people.past).toHaveLength(100);
    const seen = detail.people.past.map((p) => p.id);
    let cursor = detail.people.pastNextCursor;
    while (cursor) {
      const page = await listOrganisationPastPeople(ctx, org.id, { cursor, limit: 7 });
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(129);
    expect(new Set(seen)).toEqual(new Set(ids.filter((_, i) => i !== 5)));
    // Most recently left first.
    const all = [...detail.people.past];
    const rest = await listOrganisationPastPeople(ctx, org.id, { limit: 200 });
    expect(rest.items.map((p) => p.id)).toEqual(seen);
    expect(rest.nextCursor).toBeNull();
    const ended = rest.items.map((p) => p.endedOn ?? '');
    expect(ended).toEqual([...ended].sort().reverse());
    expect(all.map((p) => p.id)).toEqual(seen.slice(0, 100));
  });

  it('answers for my live organisations only, and its cursor for that organisation only', async () => {
    const me = await h.account();
    const other = await h.account();
    const mine = await createOrganisation(me.ctx, { name: 'Hooli' });
    const theirs = await createOrganisation(other.ctx, { name: 'Hooli' });
    for (const n of ['A', 'B', 'C']) {
      const c = await createContact(me.ctx, { displayName: n, organisation: 'Hooli' }, 'web');
      await updateContact(me.ctx, c.id, { organisation: 'Pied Piper' }, 'web');
    }
    expect(await code(listOrganisationPastPeople(other.ctx, mine.id))).toBe('not_found');
    expect(await code(listOrganisationPastPeople(me.ctx, theirs.id))).toBe('not_found');
    const first = await listOrganisationPastPeople(me.ctx, mine.id, { limit: 1 });
    expect(first.items).toHaveLength(1);
    const cursor = first.nextCursor ?? '';
    expect(await code(listOrganisationPastPeople(other.ctx, theirs.id, { cursor }))).toBe('validation');
    const twin = await createOrganisation(me.ctx, { name: 'Hooli Two' });
    expect(await code(listOrganisationPastPeople(me.ctx, twin.id, { cursor }))).toBe('validation');
    // Merged away: not found, naming where its people went.
    await mergeOrganisations(me.ctx, twin.id, { into: mine.id });
    await expect(listOrganisationPastPeople(me.ctx, twin.id)).rejects.toMatchObject({
      code: 'not_found',
      details: { mergedInto: mine.id },
    });
  });
});
