/**
 * The same state-changing request several times at once, as double clicks, retries on a flaky network, the CLI
 * beside the web app and API clients in parallel send them. On PostgreSQL concurrent transactions interleave (read
 * committed, a pool of connections); on SQLite the server's one connection runs one transaction at a time, but
 * awaits between statements outside a transaction still interleave.
 *
 * The last test runs the CLI as another process on the web app's SQLite file, both writing.
 *
 * For each operation where a race is plausible: no answer is a 5xx, every answer is the success or a clean 4xx in
 * the project's error shape, and the final state is what one request (or the same requests one after another)
 * would have left: no duplicate tag, organisation, channel, favour, agenda action, connection or interaction; counts
 * and ledgers right.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, testSettings } from '../../../test/engines';
import { appForTests, Client, type Reply, serveForTests, type TestServer } from '../../../test/http';
import { connectedUsers, markEmailVerified, seedConnection } from '../../../test/network';
import { tempCli } from '../../cli/testing';
import { VERIFICATIONS_PER_DAY } from '../../core/accounts/request-email-verification';
import { MAX_OPEN_ASKS } from '../../core/asks/post-ask';
import { connect } from '../../core/db/connect';
import { INTRO_WEEKLY_QUOTA } from '../../core/introductions/introduction';
import { MAX_INVITES_PER_DAY, MAX_PENDING_INVITES } from '../../core/network/connection';
import { MESSAGES_PER_DAY, MESSAGES_PER_HOUR } from '../../core/network/send-direct-message';

type User = Client & { accountId: string; email: string };

/** How many copies of one request go out at once. */
const N = 8;

function burst<T = any>(n: number, send: (i: number) => Promise<Reply<T>>): Promise<Reply<T>[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => send(i)));
}

const errorShape = {
  error: { code: expect.any(String), message: expect.any(String), details: expect.any(Object) },
};

/**
 * Every reply is one of `ok` or one of `refused` (a 4xx in the error shape), never a 5xx. Returns the replies that
 * succeeded.
 */
function answered(replies: Reply[], ok: number[], refused: number[] = [409]): Reply[] {
  for (const r of replies) {
    const what = `${r.status} ${JSON.stringify(r.body)}`;
    expect(r.status, what).toBeLessThan(500);
    if (ok.includes(r.status)) continue;
    expect(refused, what).toContain(r.status);
    expect(r.body, what).toEqual(errorShape);
  }
  return replies.filter((r) => ok.includes(r.status));
}

/** How many replies had each status. */
function statuses(replies: Reply[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of replies) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

/** A 5xx is logged as "request failed" with its error: none may have happened. */
function expectNoFailures(server: TestServer) {
  const failed = server.logs
    .filter((l) => l.includes('"request failed"'))
    .map((l) => {
      const err = (JSON.parse(l) as { err?: { message?: string; stack?: string } }).err;
      return `${err?.message} ${/\(\/.*?src\/(core\/[^)]*)\)/.exec(err?.stack ?? '')?.[1] ?? ''}`;
    });
  server.logs.length = 0;
  expect(failed).toEqual([]);
}

/**
 * A quota with `left` uses left, asked N times at once: exactly `left` succeed with `ok`, every other reply is
 * `refused` (429 unless told) saying `message`.
 */
function withinQuota(replies: Reply[], ok: number, left: number, message: RegExp | string, refused = 429) {
  answered(replies, [ok], [refused]);
  expect(statuses(replies)).toEqual({ [ok]: left, [refused]: replies.length - left });
  for (const r of replies.filter((x) => x.status === refused)) expect(r.body.error.message).toMatch(message);
}

/** `n` ISO times spread evenly from `fromMs` to `toMs` ago. */
function timesAgo(n: number, fromMs: number, toMs: number): string[] {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) =>
    new Date(now - fromMs - ((toMs - fromMs) * i) / Math.max(1, n - 1)).toISOString(),
  );
}

const LINKEDIN = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@engines.example,Analytical Engines,Countess,07 Feb 2024',
  'Grace,Hopper,https://www.linkedin.com/in/grace-hopper,,US Navy,Rear Admiral,08 Feb 2024',
  'Alan,Turing,https://www.linkedin.com/in/alan-turing,alan@bletchley.example,Bletchley Park,Cryptanalyst,09 Feb 2024',
  '',
].join('\n');

describe.each(ENGINES)('the same request several times at once [%s]', (engine) => {
  const server = serveForTests(engine);
  const db = () => server.handle().db;

  afterEach(() => expectNoFailures(server));

  async function count(table: 'tags' | 'organisations', ownerId: string, nameNorm?: string): Promise<number> {
    let q = db()
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', ownerId)
      .where('deleted_at', 'is', null);
    if (nameNorm !== undefined) q = q.where('name_norm', '=', nameNorm);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  async function liveContactsNamed(ownerId: string, displayName: string) {
    return db()
      .selectFrom('contacts')
      .select(['id', 'source'])
      .where('owner_id', '=', ownerId)
      .where('display_name', '=', displayName)
      .where('deleted_at', 'is', null)
      .execute();
  }

  async function channelsOf(contactId: string) {
    return db()
      .selectFrom('contact_channels')
      .select(['kind', 'value', 'position'])
      .where('contact_id', '=', contactId)
      .orderBy('kind')
      .orderBy('position')
      .execute();
  }

  // --- Tags and organisations by name --------------------------------------------------------------------

  it('creates contacts with a new tag and a new organisation at once: every contact, one tag, one organisation', async () => {
    const u = await server.user();
    for (let round = 0; round < 3; round++) {
      const created = answered(
        await burst(N, (i) =>
          u.post('/api/v1/contacts', {
            displayName: `Person ${round}.${i}`,
            organisation: `Round ${round} Logistics`,
            // Two new tags, named in either order and spelt differently: one tag each all the same.
            tags:
              i % 2 ? [`alumni-${round}`, `Speakers ${round}`] : [`speakers  ${round}`, `Alumni-${round}`],
          }),
        ),
        [201],
        [],
      );
      expect(created).toHaveLength(N);
      expect(await count('organisations', u.accountId, `round ${round} logistics`)).toBe(1);
      expect(await count('tags', u.accountId, `alumni-${round}`)).toBe(1);
      expect(await count('tags', u.accountId, `speakers ${round}`)).toBe(1);
      const orgIds = new Set(created.map((r) => r.body.organisation.id));
      expect(orgIds.size).toBe(1);
      const tags = (await u.get('/api/v1/tags')).body.items.filter((t: { name: string }) =>
        t.name.endsWith(String(round)),
      );
      expect(tags.map((t: { contactCount: number }) => t.contactCount)).toEqual([N, N]);
      const org = await u.get(`/api/v1/organisations/${[...orgIds][0]}`);
      expect(org.body.contactCount).toBe(N);
    }
  });

  it('creates the same tag, organisation or purpose by name at once: one is created, the others are told it exists', async () => {
    const u = await server.user();
    for (let round = 0; round < 3; round++) {
      for (const [path, name, table] of [
        ['/api/v1/tags', `board ${round}`, 'tags'],
        ['/api/v1/organisations', `Acme ${round}`, 'organisations'],
        ['/api/v1/purposes', `Hiring ${round}`, 'purposes'],
      ] as const) {
        const replies = await burst(N, () => u.post(path, { name }));
        expect(answered(replies, [201]), path).toHaveLength(1);
        expect(statuses(replies)).toEqual({ 201: 1, 409: N - 1 });
        const rows = await db()
          .selectFrom(table)
          .select('id')
          .where('owner_id', '=', u.accountId)
          .where('name', '=', name)
          .where('deleted_at', 'is', null)
          .execute();
        expect(rows).toHaveLength(1);
      }
    }
  });

  it('renames different tags and organisations onto one name at once, and restores one while another takes its name', async () => {
    const u = await server.user();
    for (let round = 0; round < 2; round++) {
      for (const kind of ['tags', 'organisations'] as const) {
        const ids: string[] = [];
        for (let i = 0; i < N; i++)
          ids.push((await u.post(`/api/v1/${kind}`, { name: `${kind} ${round} old ${i}` })).body.id);
        const replies = await burst(N, (i) =>
          u.patch(`/api/v1/${kind}/${ids[i]}`, { name: `Same ${round}` }),
        );
        expect(answered(replies, [200])).toHaveLength(1);
        expect(await count(kind, u.accountId, `same ${round}`)).toBe(1);

        // A trashed one comes back while others take its name: one of them has it, the rest are conflicts.
        const trashed = (await u.post(`/api/v1/${kind}`, { name: `Back ${round}` })).body.id;
        expect((await u.delete(`/api/v1/${kind}/${trashed}`)).status).toBe(200);
        const race = await burst(N, (i) =>
          i % 2
            ? u.post(`/api/v1/${kind}/${trashed}/restore`)
            : u.post(`/api/v1/${kind}`, { name: `back ${round}` }),
        );
        answered(race, [200, 201], [404, 409]);
        expect(await count(kind, u.accountId, `back ${round}`)).toBe(1);
      }
    }
  });

  it('merges one tag into another several times at once: merged once, each contact tagged once', async () => {
    const u = await server.user();
    for (let round = 0; round < 2; round++) {
      const from = await u.post('/api/v1/tags', { name: `from ${round}` });
      const into = await u.post('/api/v1/tags', { name: `into ${round}` });
      for (let i = 0; i < 3; i++)
        await u.post('/api/v1/contacts', {
          displayName: `Tagged ${round}.${i}`,
          tags: i ? [`from ${round}`, `into ${round}`] : [`from ${round}`],
        });
      const replies = await burst(N, () =>
        u.post(`/api/v1/tags/${from.body.id}/merge`, { into: into.body.id }),
      );
      expect(answered(replies, [200], [404])).toHaveLength(1);
      expect((await u.get(`/api/v1/tags/${into.body.id}`)).body.contactCount).toBe(3);
      const links = await db()
        .selectFrom('contact_tags')
        .select('contact_id')
        .where('tag_id', '=', into.body.id)
        .execute();
      expect(links).toHaveLength(3);
    }
  });

  it('signs up with one address several times at once: one account', async () => {
    const email = `twice.${Date.now()}@example.test`;
    const replies = await burst(N, () =>
      server.anonymous().post('/api/v1/auth/signup', { email, password: 'a long password', name: 'Twice' }),
    );
    expect(answered(replies, [201])).toHaveLength(1);
    const rows = await db().selectFrom('accounts').select('id').where('email_norm', '=', email).execute();
    expect(rows).toHaveLength(1);
  });

  it('changes different settings and profile fields at once: every change kept', async () => {
    const u = await server.user();
    const settings = await burst(4, (i) =>
      u.patch(
        '/api/v1/settings',
        [{ todayLimit: 12 }, { timeZone: 'Europe/Paris' }, { digestHour: 9 }, { digestEnabled: true }][i],
      ),
    );
    answered(settings, [200], []);
    expect((await u.get('/api/v1/settings')).body).toMatchObject({
      todayLimit: 12,
      timeZone: 'Europe/Paris',
      digestHour: 9,
      digestEnabled: true,
    });
    const profile = await burst(4, (i) =>
      u.patch(
        '/api/v1/profile',
        [
          { headline: 'Teacher' },
          { offers: ['Guest lectures'] },
          { needs: ['A venue'] },
          { location: 'Leeds' },
        ][i],
      ),
    );
    answered(profile, [200], []);
    expect((await u.get('/api/v1/profile')).body).toMatchObject({
      headline: 'Teacher',
      offers: ['Guest lectures'],
      needs: ['A venue'],
      location: 'Leeds',
    });
  });

  it('creates calendar feeds at once: no more than the ten an account may have', async () => {
    const u = await server.user();
    const replies = await burst(12, () => u.post('/api/v1/feeds'));
    expect(answered(replies, [201])).toHaveLength(10);
    expect((await u.get('/api/v1/feeds')).body.items).toHaveLength(10);
  });

  // --- One contact changed by several requests at once ---------------------------------------------------

  it('PATCHes one contact several times at once: the last write wins whole, nothing doubles', async () => {
    const u = await server.user();
    for (let round = 0; round < 3; round++) {
      const c = await u.post('/api/v1/contacts', {
        displayName: `Patched ${round}`,
        organisation: `First Employer ${round}`,
        title: 'Engineer',
        emails: [{ value: `first-${round}@example.org` }],
        tags: [`start-${round}`],
      });
      const id = c.body.id as string;
      const replies = await burst(N, (i) =>
        u.patch(`/api/v1/contacts/${id}`, {
          notes: `note ${i}`,
          organisation: `Employer ${round}.${i}`,
          title: `Title ${i}`,
          emails: [{ value: `p${i}-${round}@example.org` }, { value: `shared-${round}@example.org` }],
          phones: [{ value: `+44 20 7946 010${i}` }],
          tags: [`t${i}-${round}`, `common-${round}`],
          connectedOn: new Date().toISOString().slice(0, 10),
        }),
      );
      answered(replies, [200], []);
      const after = (await u.get(`/api/v1/contacts/${id}`)).body;
      // Every field from the same request: the one that wrote last.
      const k = Number(/note (\d)/.exec(after.notes)?.[1]);
      expect(after).toMatchObject({
        notes: `note ${k}`,
        organisation: { name: `Employer ${round}.${k}` },
        title: `Title ${k}`,
        emails: [{ value: `p${k}-${round}@example.org` }, { value: `shared-${round}@example.org` }],
        phones: [{ value: `+44 20 7946 010${k}` }],
        tags: [`common-${round}`, `t${k}-${round}`],
      });
      expect(await channelsOf(id)).toHaveLength(3);
      // Each write saw the one before it: the past positions are a chain, not the first employer eight times.
      const past = after.pastPositions.map((p: { organisation: { name: string } }) => p.organisation.name);
      expect(past).toHaveLength(N);
      expect(new Set(past).size).toBe(N);
      expect(past).toContain(`First Employer ${round}`);
      expect(await count('tags', u.accountId, `common-${round}`)).toBe(1);
      // A connection made today enters the outreach queue once.
      const items = await db()
        .selectFrom('outreach_items')
        .select('id')
        .where('contact_id', '=', id)
        .where('closed_at', 'is', null)
        .execute();
      expect(items).toHaveLength(1);
    }
  });

  // --- Duplicates and merges -------------------------------------------------------------------------------

  async function twins(u: User, name: string) {
    const keep = await u.post('/api/v1/contacts', {
      displayName: name,
      emails: [{ value: `${name.replace(/\W/g, '')}@one.example` }],
      tags: ['twin'],
    });
    const merge = await u.post('/api/v1/contacts', {
      displayName: name,
      emails: [
        { value: `${name.replace(/\W/g, '')}@two.example` },
        { value: `${name.replace(/\W/g, '')}@one.example` },
      ],
      phones: [{ value: '+44 20 7946 0999' }],
      tags: ['twin', 'other'],
    });
    await u.post('/api/v1/favours', {
      contactId: merge.body.id,
      direction: 'given',
      what: 'A favour',
      size: 2,
    });
    return { keep: keep.body.id as string, merge: merge.body.id as string };
  }

  it('merges the same pair several times at once: one merge, nothing moved twice', async () => {
    const u = await server.user();
    for (let round = 0; round < 3; round++) {
      const t = await twins(u, `Twin ${round}`);
      const replies = await burst(N, () => u.post('/api/v1/merges', { keep: t.keep, merge: t.merge }));
      expect(answered(replies, [201], [404, 409])).toHaveLength(1);
      const merges = await db().selectFrom('merges').selectAll().where('merged_id', '=', t.merge).execute();
      expect(merges).toHaveLength(1);
      expect((await channelsOf(t.keep)).map((c) => c.value)).toEqual([
        `Twin${round}@one.example`,
        `Twin${round}@two.example`,
        '+44 20 7946 0999',
      ]);
      const kept = (await u.get(`/api/v1/contacts/${t.keep}`)).body;
      expect(kept.tags).toEqual(['other', 'twin']);
      const favours = await db()
        .selectFrom('favours')
        .select('id')
        .where('contact_id', '=', t.keep)
        .execute();
      expect(favours).toHaveLength(1);

      // Undo several times at once: one undo, both contacts back as they were.
      const undone = await burst(N, () => u.post(`/api/v1/merges/${merges[0]?.id}/undo`));
      expect(answered(undone, [200])).toHaveLength(1);
      expect(await channelsOf(t.keep)).toHaveLength(1);
      expect(await channelsOf(t.merge)).toHaveLength(3);
      expect((await u.get(`/api/v1/contacts/${t.merge}`)).body.tags).toEqual(['other', 'twin']);
    }
  });

  it('races a merge with the undo of the same pair, and with merges of the pair the other way round', async () => {
    const u = await server.user();
    for (let round = 0; round < 3; round++) {
      const t = await twins(u, `Racer ${round}`);
      const first = await u.post('/api/v1/merges', { keep: t.keep, merge: t.merge });
      expect(first.status).toBe(201);
      const race = await burst(N, (i) =>
        i % 2
          ? u.post(`/api/v1/merges/${first.body.mergeId}/undo`)
          : u.post(
              '/api/v1/merges',
              i % 4 ? { keep: t.merge, merge: t.keep } : { keep: t.keep, merge: t.merge },
            ),
      );
      answered(race, [200, 201], [404, 409]);
      // Whatever the order, the pair is one merge (or none), each channel once, the favour once.
      const live = await db()
        .selectFrom('merges')
        .selectAll()
        .where('owner_id', '=', u.accountId)
        .where('undone_at', 'is', null)
        .where((eb) => eb.or([eb('merged_id', 'in', [t.keep, t.merge])]))
        .execute();
      expect(live.length).toBeLessThanOrEqual(1);
      const contacts = await db()
        .selectFrom('contacts')
        .select(['id', 'merged_into', 'deleted_at'])
        .where('id', 'in', [t.keep, t.merge])
        .execute();
      const alive = contacts.filter((c) => c.merged_into === null);
      expect(alive).toHaveLength(live.length === 1 ? 1 : 2);
      const values = (await Promise.all(alive.map((c) => channelsOf(c.id)))).flat().map((c) => c.value);
      if (live.length === 1) expect(new Set(values).size).toBe(values.length);
      else expect(values).toHaveLength(4);
      const favours = await db()
        .selectFrom('favours')
        .select('id')
        .where('contact_id', 'in', [t.keep, t.merge])
        .execute();
      expect(favours).toHaveLength(1);
    }
  });

  it('dismisses one duplicate pair several times at once: dismissed once', async () => {
    const u = await server.user();
    const t = await twins(u, 'Dismissed Twin');
    const oa = await u.post('/api/v1/organisations', { name: 'Twin Org' });
    const ob = await u.post('/api/v1/organisations', { name: 'Twin Org Ltd Group' });
    const replies = await burst(N, (i) =>
      i % 2
        ? u.post('/api/v1/duplicates/dismiss', { a: t.keep, b: t.merge })
        : u.post('/api/v1/organisations/duplicates/dismiss', { a: oa.body.id, b: ob.body.id }),
    );
    answered(replies, [204], []);
    const pairs = await db()
      .selectFrom('duplicate_dismissals')
      .selectAll()
      .where('owner_id', '=', u.accountId)
      .execute();
    expect(pairs).toHaveLength(1);
    const orgPairs = await db()
      .selectFrom('organisation_dismissals')
      .selectAll()
      .where('owner_id', '=', u.accountId)
      .execute();
    expect(orgPairs).toHaveLength(1);
  });

  it('merges the same pair of organisations at once, and undoes the merge at once: once each', async () => {
    const u = await server.user();
    for (let round = 0; round < 2; round++) {
      const a = await u.post('/api/v1/organisations', {
        name: `Globex ${round}`,
        website: 'https://globex.example',
      });
      const b = await u.post('/api/v1/organisations', {
        name: `Globex Corporation ${round}`,
        notes: 'B notes',
      });
      await u.post('/api/v1/contacts', {
        displayName: `At B ${round}`,
        organisation: `Globex Corporation ${round}`,
      });
      const replies = await burst(N, () =>
        u.post(`/api/v1/organisations/${b.body.id}/merge`, { into: a.body.id }),
      );
      const done = answered(replies, [200, 201], [404, 409]);
      expect(done).toHaveLength(1);
      const merges = await db()
        .selectFrom('organisation_merges')
        .selectAll()
        .where('merged_id', '=', b.body.id)
        .execute();
      expect(merges).toHaveLength(1);
      expect((await u.get(`/api/v1/organisations/${a.body.id}`)).body).toMatchObject({
        contactCount: 1,
        notes: 'B notes',
      });
      const undone = await burst(N, () => u.post(`/api/v1/organisations/merges/${merges[0]?.id}/undo`));
      expect(answered(undone, [200])).toHaveLength(1);
      expect((await u.get(`/api/v1/organisations/${b.body.id}`)).body.contactCount).toBe(1);
      expect((await u.get(`/api/v1/organisations/${a.body.id}`)).body).toMatchObject({
        contactCount: 0,
        notes: null,
      });
    }
  });

  // --- Today ---------------------------------------------------------------------------------------------

  it('marks the same Today item done or snoozed several times at once: one action; my promise kept once', async () => {
    const u = await server.user();
    const c = await u.post('/api/v1/contacts', { displayName: 'Promised' });
    const today = (await u.get('/api/v1/today')).body.date as string;
    const promise = await u.post('/api/v1/promises', {
      contactId: c.body.id,
      direction: 'mine',
      what: 'Send the slides',
      dueOn: today,
    });
    const later = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    for (let round = 0; round < 3; round++) {
      const key = `keep-in-touch:${c.body.id}:2026-0${round + 1}-01`;
      const replies = await burst(N, (i) =>
        u.post(
          '/api/v1/today/actions',
          i % 2 ? { key, action: 'done' } : { key, action: 'snooze', until: later },
        ),
      );
      answered(replies, [200, 204], []);
      const rows = await db()
        .selectFrom('agenda_actions')
        .selectAll()
        .where('owner_id', '=', u.accountId)
        .where('item_key', '=', key)
        .execute();
      expect(rows).toHaveLength(1);
    }
    const kept = await burst(N, (i) =>
      i % 2
        ? u.post('/api/v1/today/actions', { key: `promise:${promise.body.id}`, action: 'done' })
        : u.patch(`/api/v1/promises/${promise.body.id}`, { status: 'kept' }),
    );
    answered(kept, [200, 204], []);
    const after = (await u.get(`/api/v1/promises?contact=${c.body.id}`)).body.items;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ status: 'kept', resolvedOn: today });
    expect((await u.get('/api/v1/promises/stats')).status).toBe(200);
  });

  // --- Favours and relationship strength -------------------------------------------------------------------

  it('records favours and interactions for one contact at once: each counted once in the balance and the strength', async () => {
    const u = await server.user();
    const c = await u.post('/api/v1/contacts', { displayName: 'Generous' });
    const replies = await burst(N, (i) =>
      i % 2
        ? u.post('/api/v1/favours', {
            contactId: c.body.id,
            direction: i % 4 === 1 ? 'given' : 'received',
            what: `Favour ${i}`,
            size: 2,
          })
        : u.post('/api/v1/interactions', { kind: 'meeting', contactIds: [c.body.id], summary: `Met ${i}` }),
    );
    answered(replies, [201], []);
    const balance = (await u.get('/api/v1/favours/balance')).body;
    expect(balance.people).toEqual([
      expect.objectContaining({
        contact: expect.objectContaining({ id: c.body.id }),
        given: 4,
        received: 4,
        balance: 0,
      }),
    ]);
    // The state kept up one event at a time is what a full recompute from the history gives.
    const incremental = (await u.get(`/api/v1/contacts/${c.body.id}/relationship`)).body;
    expect((await u.post('/api/v1/relationships/recompute')).status).toBe(200);
    const recomputed = (await u.get(`/api/v1/contacts/${c.body.id}/relationship`)).body;
    expect(incremental.score).toBeCloseTo(recomputed.score, 3);
    expect(incremental.factors).toEqual(recomputed.factors);
  });

  it('corrects who took part in one interaction several times at once: one set of people, strengths right', async () => {
    const u = await server.user();
    const people: string[] = [];
    for (let i = 0; i < N; i++)
      people.push((await u.post('/api/v1/contacts', { displayName: `Guest ${i}` })).body.id);
    const common = (await u.post('/api/v1/contacts', { displayName: 'Host' })).body.id as string;
    const logged = await u.post('/api/v1/interactions', { kind: 'meeting', contactIds: [common] });
    const replies = await burst(N, (i) =>
      u.patch(`/api/v1/interactions/${logged.body.id}`, { contactIds: [people[i], common] }),
    );
    answered(replies, [200], []);
    const links = await db()
      .selectFrom('interaction_contacts')
      .select('contact_id')
      .where('interaction_id', '=', logged.body.id)
      .execute();
    expect(links).toHaveLength(2);
    const scores = () =>
      Promise.all(
        [...people, common].map(
          async (id) => (await u.get(`/api/v1/contacts/${id}/relationship`)).body.score,
        ),
      );
    const incremental = await scores();
    expect((await u.post('/api/v1/relationships/recompute')).status).toBe(200);
    expect(await scores()).toEqual(incremental);
  });

  // --- Introductions -----------------------------------------------------------------------------------------

  /** A requester connected to a broker (each with a contact for the other), and people the broker knows. */
  async function introWorld(s: TestServer) {
    const [requester, broker] = await connectedUsers(s, 'Rita Requester', 'Bruno Broker');
    /** A findable contact of the broker's that is an account (verified e-mail), so the person answers in the app. */
    const person = async (name: string) => {
      const target = await s.user(name);
      await markEmailVerified(db(), target.accountId);
      const contact = await broker.post('/api/v1/contacts', {
        displayName: name,
        emails: [{ value: target.email }],
      });
      await db()
        .updateTable('contacts')
        .set({ share: 'findable' })
        .where('id', '=', contact.body.id)
        .execute();
      return { target, contactId: contact.body.id as string };
    };
    const request = async (contactId: string) => {
      const r = await requester.post('/api/v1/introductions', {
        brokerId: broker.accountId,
        contactId,
        why: 'A reason that is long enough to ask',
      });
      expect(r.status).toBe(201);
      return r.body.id as string;
    };
    return { requester, broker, person, request };
  }

  it('requests the same introduction several times at once: one request', async () => {
    const w = await introWorld(server);
    const p = await w.person('Tess Twice');
    const replies = await burst(N, () =>
      w.requester.post('/api/v1/introductions', {
        brokerId: w.broker.accountId,
        contactId: p.contactId,
        why: 'A reason that is long enough to ask',
      }),
    );
    expect(answered(replies, [201], [409, 429])).toHaveLength(1);
    const rows = await db()
      .selectFrom('introductions')
      .select('id')
      .where('requester_id', '=', w.requester.accountId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('broker and person accept twice at once: one favour, one set of interactions, one contact', async () => {
    const w = await introWorld(server);
    const p = await w.person('Tom Target');
    const id = await w.request(p.contactId);
    const brokerSaid = await burst(N, () =>
      w.broker.post(`/api/v1/introductions/${id}/broker-decision`, { decision: 'accept' }),
    );
    expect(answered(brokerSaid, [200])).toHaveLength(1);
    expect((await w.broker.get(`/api/v1/introductions/${id}`)).body.state).toBe('awaiting-target');
    const personSaid = await burst(N, () =>
      p.target.post(`/api/v1/introductions/${id}/target-decision`, { decision: 'accept', share: ['email'] }),
    );
    expect(answered(personSaid, [200])).toHaveLength(1);
    expect((await w.requester.get(`/api/v1/introductions/${id}`)).body.state).toBe('introduced');
    expect(await liveContactsNamed(w.requester.accountId, 'Tom Target')).toHaveLength(1);
    const favours = (u: Client) => u.get('/api/v1/favours').then((r) => r.body.items);
    expect(await favours(w.requester)).toEqual([
      expect.objectContaining({ direction: 'received', source: 'introduction' }),
    ]);
    expect(await favours(w.broker)).toEqual([
      expect.objectContaining({ direction: 'given', source: 'introduction' }),
    ]);
    const logged = await db()
      .selectFrom('interactions')
      .select(['owner_id'])
      .where('source', '=', 'introduction')
      .where('owner_id', 'in', [w.requester.accountId, w.broker.accountId])
      .execute();
    expect(logged.map((r) => r.owner_id).sort()).toEqual([w.requester.accountId, w.broker.accountId].sort());
    expect((await w.requester.get('/api/v1/favours/balance')).body).toMatchObject({ given: 0, received: 2 });
  });

  it('withdraws a request while the broker and the person accept it', async () => {
    const w = await introWorld(server);
    for (let round = 0; round < 2; round++) {
      const p = await w.person(`Wanda ${round}`);
      const id = await w.request(p.contactId);
      const early = await burst(N, (i) =>
        i % 2
          ? w.requester.post(`/api/v1/introductions/${id}/withdraw`)
          : w.broker.post(`/api/v1/introductions/${id}/broker-decision`, { decision: 'accept' }),
      );
      answered(early, [200]);
      expect((await w.requester.get(`/api/v1/introductions/${id}`)).body.state).toBe('withdrawn');

      const q = await w.person(`Vera ${round}`);
      const other = await w.request(q.contactId);
      await w.broker.post(`/api/v1/introductions/${other}/broker-decision`, { decision: 'accept' });
      const late = await burst(N, (i) =>
        i % 2
          ? w.requester.post(`/api/v1/introductions/${other}/withdraw`)
          : q.target.post(`/api/v1/introductions/${other}/target-decision`, {
              decision: 'accept',
              share: [],
            }),
      );
      answered(late, [200], [404, 409]);
      const state = (await w.requester.get(`/api/v1/introductions/${other}`)).body.state;
      expect(['withdrawn', 'introduced']).toContain(state);
      // Introduced: the contact and the favour once; withdrawn: neither.
      const made = await liveContactsNamed(w.requester.accountId, `Vera ${round}`);
      expect(made).toHaveLength(state === 'introduced' ? 1 : 0);
    }
    const received = (await w.requester.get('/api/v1/favours')).body.items.filter(
      (f: { source: string }) => f.source === 'introduction',
    );
    expect(received.length).toBeLessThanOrEqual(2);
  });

  // --- Asks ------------------------------------------------------------------------------------------------------

  it('answers one ask many times at once: at most five answers from one person', async () => {
    const w = await introWorld(server);
    const ask = await w.requester.post('/api/v1/asks', { title: 'A venue for 40 people' });
    const replies = await burst(N, (i) =>
      w.broker.post(`/api/v1/asks/${ask.body.id}/answers`, { kind: 'help', note: `Offer ${i}` }),
    );
    expect(answered(replies, [201])).toHaveLength(5);
    const answers = await db()
      .selectFrom('ask_answers')
      .select('id')
      .where('ask_id', '=', ask.body.id)
      .execute();
    expect(answers).toHaveLength(5);
  });

  it('closes an ask with thanks several times at once: one favour per person thanked, on both sides', async () => {
    const w = await introWorld(server);
    const helper = await server.user('Hal Helper');
    // A connection without linked contacts: closing creates the contact that stands for each side, once.
    await seedConnection(db(), w.requester.accountId, helper.accountId);
    for (let round = 0; round < 2; round++) {
      const ask = await w.requester.post('/api/v1/asks', { title: `A need ${round}` });
      // Two answers from the broker and one from the helper: thanked, that is one favour each way per person.
      await w.broker.post(`/api/v1/asks/${ask.body.id}/answers`, { kind: 'help', note: 'one' });
      await w.broker.post(`/api/v1/asks/${ask.body.id}/answers`, { kind: 'help', note: 'two' });
      await helper.post(`/api/v1/asks/${ask.body.id}/answers`, { kind: 'help', note: 'three' });
      const answers = (await w.requester.get(`/api/v1/asks/${ask.body.id}`)).body.answers.map(
        (a: { id: string }) => a.id,
      );
      expect(answers).toHaveLength(3);
      const replies = await burst(N, () =>
        w.requester.post(`/api/v1/asks/${ask.body.id}/close`, { thank: answers, thanks: 'Thank you both' }),
      );
      expect(answered(replies, [200])).toHaveLength(1);
    }
    const mine = (await w.requester.get('/api/v1/favours')).body.items.filter(
      (f: { source: string }) => f.source === 'ask',
    );
    expect(mine).toHaveLength(4);
    expect((await w.broker.get('/api/v1/favours')).body.items).toHaveLength(2);
    expect((await helper.get('/api/v1/favours')).body.items).toHaveLength(2);
    expect(await liveContactsNamed(w.requester.accountId, 'Hal Helper')).toHaveLength(1);
    expect(await liveContactsNamed(helper.accountId, 'Rita Requester')).toHaveLength(1);
  });

  // --- The network ---------------------------------------------------------------------------------------------

  async function contactsFor(ownerId: string, name: string) {
    return (await liveContactsNamed(ownerId, name)).length;
  }

  it('accepts the same invitation link several times at once: one connection, one contact each side', async () => {
    for (let round = 0; round < 2; round++) {
      const a = await server.user(`Inviter ${round}`);
      const b = await server.user(`Invitee ${round}`);
      const link = await a.post('/api/v1/network/invites', {});
      const token = link.body.invite.token as string;
      const replies = await burst(N, () => b.post('/api/v1/network/invites/accept', { token }));
      expect(answered(replies, [200], [404])).toHaveLength(1);
      const rows = await db()
        .selectFrom('connections')
        .selectAll()
        .where((eb) => eb.or([eb('account_lo', '=', a.accountId), eb('account_hi', '=', a.accountId)]))
        .execute();
      expect(rows).toHaveLength(1);
      expect(await contactsFor(a.accountId, `Invitee ${round}`)).toBe(1);
      expect(await contactsFor(b.accountId, `Inviter ${round}`)).toBe(1);
    }
  });

  it('connects both ways at once, by links and in the app: one accepted connection, one contact each side', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await server.user(`Ann ${round}`);
      const b = await server.user(`Ben ${round}`);
      await markEmailVerified(db(), a.accountId);
      await markEmailVerified(db(), b.accountId);
      const viaLinks = round === 0;
      let replies: Reply[];
      if (viaLinks) {
        const la = (await a.post('/api/v1/network/invites', {})).body.invite.token;
        const lb = (await b.post('/api/v1/network/invites', {})).body.invite.token;
        replies = await Promise.all([
          a.post('/api/v1/network/invites/accept', { token: lb }),
          b.post('/api/v1/network/invites/accept', { token: la }),
        ]);
        answered(replies, [200], []);
      } else {
        replies = await burst(N, (i) =>
          i % 2
            ? a.post('/api/v1/network/invites', { email: b.email })
            : b.post('/api/v1/network/invites', { email: a.email }),
        );
        answered(replies, [201]);
      }
      const rows = await db()
        .selectFrom('connections')
        .selectAll()
        .where((eb) => eb.or([eb('account_lo', '=', a.accountId), eb('account_hi', '=', a.accountId)]))
        .execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.status).toBe('accepted');
      expect(await contactsFor(a.accountId, `Ben ${round}`)).toBe(1);
      expect(await contactsFor(b.accountId, `Ann ${round}`)).toBe(1);
    }
  });

  it('sends several messages at once on a new connection: one contact each side, every message logged once', async () => {
    const a = await server.user('Mia Messenger');
    const b = await server.user('Noah Reader');
    await seedConnection(db(), a.accountId, b.accountId);
    const replies = await burst(N, (i) =>
      a.post(`/api/v1/network/messages/${b.accountId}`, { body: `Hello ${i}` }),
    );
    answered(replies, [201], []);
    const mine = await liveContactsNamed(a.accountId, 'Noah Reader');
    const theirs = await liveContactsNamed(b.accountId, 'Mia Messenger');
    expect([mine.length, theirs.length]).toEqual([1, 1]);
    const logged = await db()
      .selectFrom('interaction_contacts')
      .select('interaction_id')
      .where('contact_id', 'in', [mine[0]?.id ?? '', theirs[0]?.id ?? ''])
      .execute();
    expect(logged).toHaveLength(2 * N);
  });

  // --- Quotas: counted per account, checked and written one request at a time ----------------------------------

  it('sends messages at once with two left in the hour, then one left in the day: exactly the limit sent', async () => {
    for (const window of ['hour', 'day'] as const) {
      const a = await server.user(`Quota Sender ${window}`);
      const b = await server.user(`Quota Reader ${window}`);
      const connectionId = await seedConnection(db(), a.accountId, b.accountId);
      const limit = window === 'hour' ? MESSAGES_PER_HOUR : MESSAGES_PER_DAY;
      const left = window === 'hour' ? 2 : 1;
      // The day's messages sent over an hour ago, so only the daily limit is near.
      const sentAt =
        window === 'hour'
          ? timesAgo(limit - left, 60_000, 1_800_000)
          : timesAgo(limit - left, 7_200_000, 72_000_000);
      await db()
        .insertInto('direct_messages')
        .values(
          sentAt.map((at, i) => ({
            id: randomUUID(),
            connection_id: connectionId,
            sender_id: a.accountId,
            body: `Earlier ${i}`,
            created_at: at,
            read_at: at,
          })),
        )
        .execute();
      const replies = await burst(N, (i) =>
        a.post(`/api/v1/network/messages/${b.accountId}`, { body: `Hello ${i}` }),
      );
      withinQuota(replies, 201, left, `at most ${limit} messages a${window === 'hour' ? 'n hour' : ' day'}`);
      const sent = await db()
        .selectFrom('direct_messages')
        .select('id')
        .where('sender_id', '=', a.accountId)
        .execute();
      expect(sent).toHaveLength(limit);
    }
  });

  it('sends messages both ways at once with one left in the hour on each side: one each, no deadlock', async () => {
    const a = await server.user('Quota Ping');
    const b = await server.user('Quota Pong');
    const connectionId = await seedConnection(db(), a.accountId, b.accountId);
    const earlier = timesAgo(MESSAGES_PER_HOUR - 1, 60_000, 1_800_000);
    await db()
      .insertInto('direct_messages')
      .values(
        [a, b].flatMap((u) =>
          earlier.map((at, i) => ({
            id: randomUUID(),
            connection_id: connectionId,
            sender_id: u.accountId,
            body: `Earlier ${i}`,
            created_at: at,
            read_at: at,
          })),
        ),
      )
      .execute();
    // Each sender's account is locked, then the connection and both sides' contacts: the two directions must not wait
    // on each other forever.
    const replies = await burst(N, (i) =>
      i % 2
        ? a.post(`/api/v1/network/messages/${b.accountId}`, { body: `Ping ${i}` })
        : b.post(`/api/v1/network/messages/${a.accountId}`, { body: `Pong ${i}` }),
    );
    withinQuota(replies, 201, 2, `at most ${MESSAGES_PER_HOUR} messages an hour`);
    expect(replies.filter((r, i) => i % 2 && r.status === 201)).toHaveLength(1);
    const sent = await db()
      .selectFrom('direct_messages')
      .select('id')
      .where('connection_id', '=', connectionId)
      .execute();
    expect(sent).toHaveLength(2 * MESSAGES_PER_HOUR);
  });

  it('searches the network and looks for warm paths at once with one search left: one runs, the rest 429', async () => {
    const u = await server.user();
    const limit = testSettings.networkSearchesPerDay;
    await db()
      .insertInto('network_searches')
      .values(
        timesAgo(limit - 1, 60_000, 3_600_000).map((at) => ({
          id: randomUUID(),
          account_id: u.accountId,
          kind: 'search',
          query: 'earlier',
          result_count: 0,
          created_at: at,
        })),
      )
      .execute();
    const replies = await burst(N, (i) =>
      u.get(i % 2 ? '/api/v1/network/search?q=acme' : '/api/v1/network/paths?q=acme'),
    );
    withinQuota(replies, 200, 1, `network search limit reached: ${limit} searches per 24 hours`);
    const searches = await db()
      .selectFrom('network_searches')
      .select('id')
      .where('account_id', '=', u.accountId)
      .execute();
    expect(searches).toHaveLength(limit);
  });

  async function seedInvites(fromId: string, createdAt: string[]) {
    await db()
      .insertInto('connection_invites')
      .values(
        createdAt.map((at) => ({
          id: randomUUID(),
          from_account_id: fromId,
          email_norm: null,
          token_hash: randomUUID(),
          message: null,
          created_at: at,
          expires_at: new Date(Date.parse(at) + 14 * 86_400_000).toISOString(),
          used_at: null,
          used_by: null,
          revoked_at: null,
        })),
      )
      .execute();
  }

  async function openInvites(fromId: string) {
    const links = await db()
      .selectFrom('connection_invites')
      .select('id')
      .where('from_account_id', '=', fromId)
      .execute();
    const requests = await db()
      .selectFrom('connections')
      .select('id')
      .where('requested_by', '=', fromId)
      .where('status', '=', 'pending')
      .execute();
    return links.length + requests.length;
  }

  it('invites at once with one invitation left today, then one left waiting: one made, the rest 429', async () => {
    // 24 made today: one more today.
    const today = await server.user('Daily Inviter');
    await seedInvites(today.accountId, timesAgo(MAX_INVITES_PER_DAY - 1, 60_000, 3_600_000));
    withinQuota(
      await burst(N, () => today.post('/api/v1/network/invites', {})),
      201,
      1,
      `at most ${MAX_INVITES_PER_DAY} invitations a day`,
    );
    expect(await openInvites(today.accountId)).toBe(MAX_INVITES_PER_DAY);

    // 49 waiting from earlier days: one more, whether a link or a request in the app to an account.
    const waiting = await server.user('Waiting Inviter');
    await seedInvites(waiting.accountId, timesAgo(MAX_PENDING_INVITES - 1, 2 * 86_400_000, 3 * 86_400_000));
    const invitees = await Promise.all(
      Array.from({ length: N / 2 }, async (_, i) => {
        const v = await server.user(`Invitee Quota ${i}`);
        await markEmailVerified(db(), v.accountId);
        return v;
      }),
    );
    withinQuota(
      await burst(N, (i) =>
        waiting.post('/api/v1/network/invites', i % 2 ? {} : { email: invitees[i / 2]?.email }),
      ),
      201,
      1,
      `you have ${MAX_PENDING_INVITES} invitations waiting`,
    );
    expect(await openInvites(waiting.accountId)).toBe(MAX_PENDING_INVITES);
  });

  it('requests introductions to different people at once with one left this week: one request, the rest 429', async () => {
    const w = await introWorld(server);
    for (let i = 0; i < INTRO_WEEKLY_QUOTA - 1; i++)
      await w.request((await w.person(`Earlier ${i}`)).contactId);
    const people: string[] = [];
    for (let i = 0; i < N; i++) people.push((await w.person(`Wanted ${i}`)).contactId);
    const replies = await burst(N, (i) =>
      w.requester.post('/api/v1/introductions', {
        brokerId: w.broker.accountId,
        contactId: people[i],
        why: 'A reason that is long enough to ask',
      }),
    );
    withinQuota(replies, 201, 1, `at most ${INTRO_WEEKLY_QUOTA} introduction requests in 7 days`);
    const rows = await db()
      .selectFrom('introductions')
      .select('id')
      .where('requester_id', '=', w.requester.accountId)
      .execute();
    expect(rows).toHaveLength(INTRO_WEEKLY_QUOTA);
  });

  it('posts asks at once with two of the five open asks left: two posted, the rest 409', async () => {
    const u = await server.user();
    for (let i = 0; i < MAX_OPEN_ASKS - 2; i++) {
      expect((await u.post('/api/v1/asks', { title: `Earlier need ${i}` })).status).toBe(201);
    }
    const replies = await burst(N, (i) => u.post('/api/v1/asks', { title: `Need ${i}` }));
    withinQuota(replies, 201, 2, `at most ${MAX_OPEN_ASKS} open asks at once`, 409);
    const open = await db()
      .selectFrom('asks')
      .select('id')
      .where('owner_id', '=', u.accountId)
      .where('state', '=', 'open')
      .execute();
    expect(open).toHaveLength(MAX_OPEN_ASKS);
  });

  describe('on a server that sends e-mail', () => {
    // Verification links are only made where mail goes out; this mailer accepts every message.
    const mailing = serveForTests(engine, { app: { mailer: { send: async () => ({ messageId: 'sent' }) } } });
    afterEach(() => expectNoFailures(mailing));

    it('asks for e-mail verification links at once with one left today: one link, the rest 429', async () => {
      // A few rounds: this request is short, so one burst alone does not always overlap.
      for (let round = 0; round < 3; round++) {
        const u = await mailing.user();
        // An address not verified yet (signing up through the mailed link verifies it).
        await mailing
          .handle()
          .db.updateTable('accounts')
          .set({ email_verified_at: null })
          .where('id', '=', u.accountId)
          .execute();
        await mailing
          .handle()
          .db.insertInto('email_verifications')
          .values(
            timesAgo(VERIFICATIONS_PER_DAY - 1, 60_000, 3_600_000).map((at) => ({
              id: randomUUID(),
              account_id: u.accountId,
              email_norm: u.email,
              token_hash: randomUUID(),
              created_at: at,
              expires_at: new Date(Date.parse(at) + 2 * 86_400_000).toISOString(),
              used_at: null,
            })),
          )
          .execute();
        const replies = await burst(N, () => u.post('/api/v1/network/email-verification'));
        withinQuota(replies, 202, 1, `at most ${VERIFICATIONS_PER_DAY} verification e-mails a day`);
        const links = await mailing
          .handle()
          .db.selectFrom('email_verifications')
          .select('id')
          .where('account_id', '=', u.accountId)
          .execute();
        expect(links).toHaveLength(VERIFICATIONS_PER_DAY);
      }
    });
  });

  // --- Imports -----------------------------------------------------------------------------------------------------

  async function importedContacts(ownerId: string) {
    return db()
      .selectFrom('contacts')
      .select(['id', 'display_name'])
      .where('owner_id', '=', ownerId)
      .where('deleted_at', 'is', null)
      .execute();
  }

  it('imports the same LinkedIn file several times at once: no duplicate contacts', async () => {
    const u = await server.user();
    const replies = await burst(4, () =>
      u.upload('/api/v1/imports?kind=linkedin', 'Connections.csv', LINKEDIN),
    );
    const done = answered(replies, [201]);
    expect(done.length).toBeGreaterThanOrEqual(1);
    const contacts = await importedContacts(u.accountId);
    expect(contacts.map((c) => c.display_name).sort()).toEqual([
      'Ada Lovelace',
      'Alan Turing',
      'Grace Hopper',
    ]);
    expect(done.map((r) => r.body.stats.created).sort()).toEqual([...done.map(() => 0).slice(1), 3]);
    expect(await count('organisations', u.accountId)).toBe(3);
    const channels = await db()
      .selectFrom('contact_channels')
      .select('id')
      .where('owner_id', '=', u.accountId)
      .execute();
    expect(channels).toHaveLength(5);

    // Undone several times at once: once.
    const first = done.find((r) => r.body.stats.created === 3)?.body.id;
    const undone = await burst(4, () => u.post(`/api/v1/imports/${first}/undo`));
    expect(answered(undone, [200])).toHaveLength(1);
    expect(await importedContacts(u.accountId)).toEqual([]);
  });

  it('races an import with the undo of the same file: the contacts are there once or not at all', async () => {
    for (let round = 0; round < 2; round++) {
      const u = await server.user();
      const first = await u.upload('/api/v1/imports?kind=linkedin', 'Connections.csv', LINKEDIN);
      expect(first.status).toBe(201);
      const replies = await burst(4, (i) =>
        i % 2
          ? u.post(`/api/v1/imports/${first.body.id}/undo`)
          : u.upload('/api/v1/imports?kind=linkedin', 'Connections.csv', LINKEDIN),
      );
      answered(replies, [200, 201]);
      const names = (await importedContacts(u.accountId)).map((c) => c.display_name).sort();
      expect([0, 3]).toContain(names.length);
      expect(new Set(names).size).toBe(names.length);
      const channels = await db()
        .selectFrom('contact_channels')
        .select('id')
        .where('owner_id', '=', u.accountId)
        .execute();
      expect(channels).toHaveLength(names.length === 3 ? 5 : 0);
    }
  });

  // --- Purposes, outreach, address books --------------------------------------------------------------------

  it('places one contact on a purpose several times at once: one place on the board', async () => {
    const u = await server.user();
    const purpose = await u.post('/api/v1/purposes', { name: 'Guest speakers' });
    const c = await u.post('/api/v1/contacts', { displayName: 'Speaker' });
    const replies = await burst(N, () =>
      u.post(`/api/v1/purposes/${purpose.body.id}/items`, { contactIds: [c.body.id] }),
    );
    answered(replies, [200, 201], []);
    const items = await db()
      .selectFrom('purpose_items')
      .select('id')
      .where('purpose_id', '=', purpose.body.id)
      .execute();
    expect(items).toHaveLength(1);
    const itemId = items[0]?.id as string;
    const moves = () =>
      db().selectFrom('purpose_stage_moves').select('to_stage').where('item_id', '=', itemId).execute();
    expect(await moves()).toHaveLength(1);
    const stages = (await u.get(`/api/v1/purposes/${purpose.body.id}`)).body.purpose.stages as {
      id: string;
    }[];
    const moved = await burst(N, () =>
      u.post(`/api/v1/purposes/${purpose.body.id}/items/${itemId}/move`, { stageId: stages[1]?.id }),
    );
    answered(moved, [200], []);
    expect((await moves()).map((m) => m.to_stage)).toEqual([stages[0]?.id, stages[1]?.id]);
  });

  it('restores one backup twice at once: restored once', async () => {
    const a = await server.user();
    await a.post('/api/v1/contacts', { displayName: 'Backed Up', tags: ['kept'] });
    const backup = await a.get('/api/v1/exports/backup');
    const b = await server.user();
    const replies = await burst(2, () => b.post('/api/v1/imports/backup', backup.body));
    // One restore at a time (ADR 26): the other is refused with 503 before its body is read, or, when the first has
    // already finished, finds the account no longer empty (the race itself: core/backup/restore-twice-at-once.test.ts).
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of replies.filter((r) => r.status !== 200)) expect([409, 503]).toContain(r.status);
    expect(await liveContactsNamed(b.accountId, 'Backed Up')).toHaveLength(1);
  });

  it('queues one contact and marks one message sent several times at once: one item, one message', async () => {
    const u = await server.user();
    const c = await u.post('/api/v1/contacts', { displayName: 'Outreached' });
    const queued = await burst(N, () => u.post('/api/v1/outreach/items', { contactIds: [c.body.id] }));
    answered(queued, [200, 201], []);
    const items = await db()
      .selectFrom('outreach_items')
      .select('id')
      .where('contact_id', '=', c.body.id)
      .execute();
    expect(items).toHaveLength(1);
    const itemId = items[0]?.id as string;
    const sent = await burst(N, () =>
      u.post(`/api/v1/outreach/items/${itemId}/mark-sent`, {
        channel: 'other',
        body: 'Hi Outreached, great to meet you at the fair!',
        sendKey: 'outreach-key-1',
      }),
    );
    answered(sent, [200, 201]);
    const messages = await db()
      .selectFrom('outreach_messages')
      .select('id')
      .where('item_id', '=', itemId)
      .execute();
    expect(messages).toHaveLength(1);
    const interactions = await db()
      .selectFrom('interaction_contacts')
      .select('interaction_id')
      .where('contact_id', '=', c.body.id)
      .execute();
    expect(interactions).toHaveLength(1);

    // A dismissed connection put back by hand and restored at the same moment: one open item.
    for (let round = 0; round < 3; round++) {
      const d = await u.post('/api/v1/contacts', { displayName: `Dismissed ${round}` });
      await u.post('/api/v1/outreach/items', { contactIds: [d.body.id] });
      const item = await db()
        .selectFrom('outreach_items')
        .select('id')
        .where('contact_id', '=', d.body.id)
        .executeTakeFirstOrThrow();
      expect((await u.post(`/api/v1/outreach/items/${item.id}/dismiss`)).status).toBe(200);
      const race = await burst(N, (i) =>
        i % 2
          ? u.post(`/api/v1/outreach/items/${item.id}/restore`)
          : u.post('/api/v1/outreach/items', { contactIds: [d.body.id] }),
      );
      answered(race, [200, 201]);
      const open = await db()
        .selectFrom('outreach_items')
        .select('id')
        .where('contact_id', '=', d.body.id)
        .where('closed_at', 'is', null)
        .execute();
      expect(open).toHaveLength(1);
    }
  });

  it('PUTs one address-book card several times at once: created once; one write per ETag', async () => {
    const u = await server.user('Card Owner');
    const token = (await u.post('/api/v1/tokens', { name: 'phone' })).body.token as string;
    const auth = `Basic ${Buffer.from(`${u.email}:${token}`).toString('base64')}`;
    const book = `${server.base()}/dav/addressbooks/${u.accountId}/contacts/`;
    const card = (org: string) =>
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'UID:card-1',
        'FN:Katherine Johnson',
        `ORG:${org}`,
        'END:VCARD',
        '',
      ].join('\r\n');
    const put = (body: string, headers: Record<string, string>) =>
      fetch(`${book}card-1.vcf`, {
        method: 'PUT',
        headers: { authorization: auth, 'content-type': 'text/vcard', ...headers },
        body,
      }).then(async (r) => ({ status: r.status, text: await r.text() }));
    const created = await Promise.all(
      Array.from({ length: N }, () => put(card('NASA'), { 'if-none-match': '*' })),
    );
    for (const r of created) expect(r.status, r.text).toBeLessThan(500);
    expect(created.filter((r) => r.status === 201)).toHaveLength(1);
    expect(created.filter((r) => r.status !== 201).map((r) => r.status)).toEqual(Array(N - 1).fill(412));
    expect(await liveContactsNamed(u.accountId, 'Katherine Johnson')).toHaveLength(1);

    const etag = (await fetch(`${book}card-1.vcf`, { headers: { authorization: auth } })).headers.get(
      'etag',
    ) as string;
    const edits = await Promise.all(
      Array.from({ length: N }, (_, i) => put(card(`Langley ${i}`), { 'if-match': etag })),
    );
    for (const r of edits) expect(r.status, r.text).toBeLessThan(500);
    expect(edits.filter((r) => r.status === 204)).toHaveLength(1);
    expect(edits.filter((r) => r.status === 412)).toHaveLength(N - 1);
    // Without preconditions every write lands, the last one wins, and the card is still one contact.
    const blind = await Promise.all(Array.from({ length: N }, (_, i) => put(card(`Blind ${i}`), {})));
    for (const r of blind) expect(r.status, r.text).toBe(204);
    expect(await liveContactsNamed(u.accountId, 'Katherine Johnson')).toHaveLength(1);

    // Two clients (or one, twice) listing the changed address book at once: one change number for the change.
    await u.post('/api/v1/contacts', { displayName: 'Seen Once' });
    const listed = await Promise.all(
      Array.from({ length: N }, () =>
        fetch(book, {
          method: 'PROPFIND',
          headers: { authorization: auth, depth: '1', 'content-type': 'application/xml; charset=utf-8' },
          body: '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:sync-token/></d:prop></d:propfind>',
        }).then(async (r) => ({ status: r.status, text: await r.text() })),
      ),
    );
    for (const r of listed) expect(r.status, r.text).toBe(207);
    const tokens = new Set(listed.map((r) => /<d:sync-token>([^<]+)</.exec(r.text)?.[1]));
    expect(tokens.size).toBe(1);
  });
});

describe('the CLI writing while the web app is open on the same SQLite file', () => {
  it('imports in the CLI while the web app adds contacts with the same organisations and tag: all of it, once', async () => {
    const cli = await tempCli();
    const email = 'both@example.test';
    await cli.createAccount(email, 'Both Ways');
    const handle = connect({ engine: 'sqlite', file: join(cli.dir, 'rapport.sqlite') });
    const logs: string[] = [];
    const app = await appForTests(handle, logs, { logLevel: 'warn' });
    try {
      const web = new Client(await app.listen({ port: 0, host: '127.0.0.1' }));
      expect(
        (await web.post('/api/v1/auth/login', { email, password: 'a long enough password' })).status,
      ).toBe(200);
      const rows = Array.from(
        { length: 1500 },
        (_, i) =>
          `First${i},Last${i},https://www.linkedin.com/in/person-${i},,Shared Org ${i % 10},Role,07 Feb 2024`,
      );
      await writeFile(
        join(cli.dir, 'Connections.csv'),
        ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows, ''].join('\n'),
      );
      let cliDone = false;
      const imported = cli.run(['import', 'linkedin', 'Connections.csv']).finally(() => {
        cliDone = true;
      });
      const replies: Reply[] = [];
      let round = 0;
      // The web app keeps writing for as long as the CLI runs (its start-up included), then once more.
      while (!cliDone || round < 3) {
        const k = round++;
        replies.push(
          ...(await burst(4, (i) =>
            web.post('/api/v1/contacts', {
              displayName: `Web ${k}.${i}`,
              organisation: `Shared Org ${(k + i) % 10}`,
              tags: ['both', `web ${k % 3}`],
            }),
          )),
        );
      }
      const result = await imported;
      expect(result.code, result.stderr).toBe(0);
      answered(replies, [201], []);
      expect(logs.filter((l) => l.includes('"request failed"'))).toEqual([]);
      const db = handle.db;
      const n = async (table: 'contacts' | 'organisations' | 'tags') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await n('contacts')).toBe(1500 + replies.length);
      expect(await n('organisations')).toBe(10);
      expect(await n('tags')).toBe(4);
    } finally {
      await app.close();
      await handle.close();
      await cli.cleanup();
    }
  }, 60_000);
});
