import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines, type Harness } from '../../../test/engines';
import { seedConnection } from '../../../test/network';
import { getToday } from '../agenda/get-today';
import { answerAsk } from '../asks/answer-ask';
import { listAsks } from '../asks/list-asks';
import { postAsk } from '../asks/post-ask';
import { createContact } from '../contacts/create-contact';
import type { Ctx } from '../context';
import { recordFavour } from '../favours/record-favour';
import { recordInteraction } from '../interactions/record-interaction';
import { listIntroductions } from '../introductions/list-introductions';
import { requestIntroduction } from '../introductions/request-introduction';
import { networkChanged } from '../network/index/load-network-index';
import { networkVersion } from '../network/index/network-index.queries';
import { listAccessLog } from '../network/list-access-log';
import { listConnections } from '../network/list-connections';
import { listThreads } from '../network/read-messages';
import { searchNetwork } from '../network/search-network';
import { sendDirectMessage } from '../network/send-direct-message';
import { createPromise } from '../promises/create-promise';
import { createPurpose } from '../purposes/create-purpose';
import { deleteAccount, deleteAccountAsOperator } from './delete-account';
import { logIn } from './log-in';

const PASSWORD = 'a long password'; // what the harness signs every account up with

/** Every table of the schema (read from the database, so a table added later is covered too). */
async function tablesOf(h: Harness): Promise<{ name: string; columns: string[] }[]> {
  const tables = await h.handle().db.introspection.getTables();
  return tables
    .filter((t) => !t.name.startsWith('kysely_') && !t.name.startsWith('sqlite_'))
    .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }));
}

/** Each table's rows in which any column mentions `id` (an owner column, a foreign key, a JSON payload), as JSON. */
async function rowsNaming(h: Harness, id: string): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const t of await tablesOf(h)) {
    const rows = await h
      .handle()
      .db.selectFrom(t.name as never)
      .selectAll()
      .where(({ or }) =>
        or(t.columns.map((c) => sql<boolean>`cast(${sql.ref(c)} as text) like ${`%${id}%`}`)),
      )
      .execute();
    if (rows.length > 0) found.set(t.name, rows.map((r) => JSON.stringify(r)).sort());
  }
  return found;
}

/** Two connected accounts, each with a rolodex, favours, promises, a purpose, messages, an ask and an introduction. */
async function twoConnectedAccounts(h: Harness) {
  const ada = await h.account('Ada Leaving');
  const bea = await h.account('Bea Staying');
  const own = async (ctx: Ctx, name: string, organisation: string, share = false) => {
    const c = await createContact(ctx, { displayName: name, organisation, tags: ['circle'] }, 'web');
    if (share)
      await ctx.db.updateTable('contacts').set({ share: 'findable' }).where('id', '=', c.id).execute();
    return c.id;
  };
  const adaOfBea = await own(ada.ctx, 'Bea Staying', 'Keepco');
  const beaOfAda = await own(bea.ctx, 'Ada Leaving', 'Quillcorp');
  const adaFindable = await own(ada.ctx, 'Zed Quillmaker', 'Quillcorp', true);
  await own(bea.ctx, 'Yara Keepsake', 'Keepco', true);
  await seedConnection(h.handle().db, ada.id, bea.id, { aContact: adaOfBea, bContact: beaOfAda });
  await networkChanged(h.ctx());

  for (const [who, contactId] of [
    [ada, adaOfBea],
    [bea, beaOfAda],
  ] as const) {
    await recordInteraction(who.ctx, { kind: 'meeting', contactIds: [contactId], summary: 'coffee' });
    await recordFavour(who.ctx, { contactId, direction: 'given', what: 'an introduction' });
    await createPromise(who.ctx, {
      contactId,
      direction: 'mine',
      what: 'send the deck',
      dueOn: '2026-12-01',
    });
    await createPurpose(who.ctx, { name: 'Find a co-founder' });
  }
  await sendDirectMessage(ada.ctx, { toAccountId: bea.id, body: 'Hello Bea' });
  await sendDirectMessage(bea.ctx, { toAccountId: ada.id, body: 'Hello Ada' });
  const adaAsk = await postAsk(ada.ctx, { title: 'A designer for a week' });
  await answerAsk(bea.ctx, adaAsk.id, { kind: 'help', note: 'I can do Tuesday' });
  const beaAsk = await postAsk(bea.ctx, { title: 'A venue in Leeds' });
  await answerAsk(ada.ctx, beaAsk.id, { kind: 'help', note: 'Ask the guild hall' });
  // Each searches the other's findable contacts: a row in the other's access log with them as actor.
  expect((await searchNetwork(bea.ctx, { q: 'quillcorp' })).people.map((p) => p.displayName)).toEqual([
    'Zed Quillmaker',
  ]);
  expect((await searchNetwork(ada.ctx, { q: 'keepco' })).people.map((p) => p.displayName)).toEqual([
    'Yara Keepsake',
  ]);
  // Zed has no account: asking about him needs a mail server (ADR 15), here one that sends nowhere.
  const mailer = { send: async () => ({ messageId: 'not-sent' }) };
  await requestIntroduction(
    { ...bea.ctx, mailer },
    {
      contactId: adaFindable,
      brokerId: ada.id,
      why: 'Zed makes quills and I need some for the shop',
    },
  );
  // Ada signed up with Bea's invite (a column without a foreign key: the deletion must clear it itself).
  await h
    .handle()
    .db.insertInto('signup_invites')
    .values({
      id: h.ctx().ids.next(),
      created_by: bea.id,
      code_hash: `hash-${h.ctx().ids.next()}`,
      email_norm: null,
      created_at: '2026-11-20T09:00:00.000Z',
      expires_at: '2026-12-04T09:00:00.000Z',
      used_at: '2026-11-21T09:00:00.000Z',
      used_by: ada.id,
    })
    .execute();
  return { ada, bea };
}

describeEngines('deleting an account', (h) => {
  it('erases every row naming the account, keeps the other account’s own records, and takes it off the network', async () => {
    const { ada, bea } = await twoConnectedAccounts(h);
    const before = await rowsNaming(h, ada.id);
    // The fixture reaches every kind of data the brief names, so the sweep below is not vacuous.
    for (const table of [
      'contacts',
      'tags',
      'interactions',
      'favours',
      'promises',
      'purposes',
      'connections',
      'direct_messages',
      'asks',
      'ask_answers',
      'introductions',
      'access_log',
      'signup_invites',
    ]) {
      expect([table, before.has(table)]).toEqual([table, true]);
    }
    const beasOwn = await rowsNaming(h, bea.id);
    const version = await networkVersion(h.handle().db);

    await deleteAccount(ada.ctx, { password: PASSWORD });

    expect(Object.fromEntries(await rowsNaming(h, ada.id))).toEqual({});
    // Bea's rows are all there, unchanged, except those naming Ada or hanging off one of her records (Bea's answer
    // to Ada's ask went with the ask).
    const adasRecords = [ada.id, ...[...before.values()].flat().map((r) => String(JSON.parse(r).id))];
    const after = await rowsNaming(h, bea.id);
    for (const [table, rows] of beasOwn) {
      const kept = rows.filter((r) => !adasRecords.some((id) => r.includes(id)));
      expect([table, after.get(table) ?? []]).toEqual([table, expect.arrayContaining(kept)]);
    }
    expect(await networkVersion(h.handle().db)).not.toBe(version);

    // Bea's pages that referred to Ada still answer, without her.
    expect((await listConnections(bea.ctx, {})).items).toEqual([]);
    expect((await searchNetwork(bea.ctx, { q: 'quillcorp' })).people).toEqual([]);
    expect((await listThreads(bea.ctx)).items).toEqual([]);
    expect((await listIntroductions(bea.ctx)).items).toEqual([]);
    expect((await listAsks(bea.ctx)).items).toEqual([]);
    const mine = await listAsks(bea.ctx, { from: 'mine' });
    expect(mine.items.map((a) => a.title)).toEqual(['A venue in Leeds']);
    const log = await listAccessLog(bea.ctx, {});
    expect(log.items).toHaveLength(1);
    expect(JSON.stringify(log.items)).not.toContain(ada.id);
    await getToday(bea.ctx, { limit: 50 });
    // Bea keeps her own record of Ada: the contact, its interactions (messages included), favour and promise.
    const beaContacts = await bea.ctx.db
      .selectFrom('contacts')
      .select('display_name')
      .where('owner_id', '=', bea.id)
      .orderBy('display_name')
      .execute();
    expect(beaContacts.map((c) => c.display_name)).toEqual(['Ada Leaving', 'Yara Keepsake']);

    await expect(logIn(h.ctx(), { email: ada.email, password: PASSWORD })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('deletes nothing on a wrong password, and names the field', async () => {
    const { ada } = await twoConnectedAccounts(h);
    const before = await rowsNaming(h, ada.id);
    await expect(deleteAccount(ada.ctx, { password: 'not the password' })).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'password', message: 'is wrong' }] },
    });
    expect(await rowsNaming(h, ada.id)).toEqual(before);
    expect((await logIn(h.ctx(), { email: ada.email, password: PASSWORD })).id).toBe(ada.id);
  });

  it('lets the operator preview, then delete, by email', async () => {
    const { ada } = await twoConnectedAccounts(h);
    const preview = await deleteAccountAsOperator(h.ctx(), ada.email.toUpperCase(), { confirmed: false });
    expect(preview).toEqual({
      id: ada.id,
      email: ada.email,
      deleted: false,
      owned: {
        contacts: 2,
        interactions: 3,
        favours: 1,
        promises: 1,
        purposes: 1,
        imports: 0,
        connections: 1,
      },
    });
    expect((await rowsNaming(h, ada.id)).size).toBeGreaterThan(0);
    expect((await deleteAccountAsOperator(h.ctx(), ada.email, { confirmed: true })).deleted).toBe(true);
    expect((await rowsNaming(h, ada.id)).size).toBe(0);
    await expect(deleteAccountAsOperator(h.ctx(), ada.email, { confirmed: true })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
