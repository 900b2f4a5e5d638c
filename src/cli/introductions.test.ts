import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markEmailVerified, seedConnection } from '../../test/network';
import type { Ask } from '../contracts/asks';
import type { Introduction } from '../contracts/introductions';
import { connect } from '../core/db/connect';
import { type SmtpSink, startSmtpSink } from '../core/mail/smtp-sink.test-support';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js`; the tests share one data directory and run in order.
const SLOW = 120_000;
const WHY = 'I am looking for a guest speaker on supply chain for March';

describe('rapport CLI: introductions and asks', () => {
  let cli: Cli;
  let sink: SmtpSink;
  const ids: Record<string, string> = {};
  let taraId: string;
  let tomId: string;
  const as = (who: string) => ['--account', `${who}@example.test`];
  const env = () => ({ SMTP_URL: `smtp://127.0.0.1:${sink.port}`, BASE_URL: 'https://rapport.example.test' });
  const run = (who: string, args: string[]) => cli.run([...as(who), ...args], { env: env() });
  const json = <T>(who: string, args: string[]) => cli.json<T>([...as(who), ...args], { env: env() });

  beforeAll(async () => {
    sink = await startSmtpSink();
    cli = await tempCli();
    for (const [who, name] of [
      ['rita', 'Rita Requester'],
      ['bruno', 'Bruno Broker'],
      ['tom', 'Tom Target'],
    ] as const) {
      ids[who] = await cli.createAccount(`${who}@example.test`, name);
    }
    const add = async (args: string[]) => (await json<{ id: string }>('bruno', ['add', ...args])).id;
    taraId = await add([
      'Tara Target',
      '--email',
      'tara.secret@private-mail.test',
      '--phone',
      '+44 7700 900123',
    ]);
    tomId = await add(['Tom', '--email', 'tom@example.test', '--notes', 'NOTE-SECRET-tom']);
    const ritaOfBruno = await add(['Rita', '--email', 'rita@example.test']);
    // Connecting, sharing and verifying have their own commands; here the rows are arranged directly.
    const h = connect({ engine: 'sqlite', file: join(cli.dir, 'rapport.sqlite') });
    await seedConnection(h.db, ids.bruno as string, ids.rita as string, { aContact: ritaOfBruno });
    await h.db
      .updateTable('contacts')
      .set({ share: 'findable' })
      .where('id', 'in', [taraId, tomId])
      .execute();
    await markEmailVerified(h.db, ids.tom as string);
    await h.close();
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
    await sink.close();
  });

  it('request → the broker accepts → the person (an account) shares their e-mail → introduced', {
    timeout: SLOW,
  }, async () => {
    const created = await json<Introduction>('rita', ['intro', 'request', tomId, '--why', WHY]);
    expect(created).toMatchObject({
      role: 'requester',
      state: 'requested',
      broker: { name: 'Bruno Broker' },
    });
    const id = created.id;

    const inbox = await run('bruno', ['intro', 'list', '--as', 'broker', '--open']);
    expect(inbox.code).toBe(0);
    expect(inbox.stdout).toMatch(new RegExp(`${id}\\s+broker\\s+waiting on you\\s+Rita Requester → Tom`));
    const shown = await run('bruno', ['intro', 'show', id]);
    // "asked" alone read like a date.
    expect(shown.stdout).toMatch(/^how they are asked\s+in Rapport \(they have an account\)$/m);
    expect(shown.stdout).not.toMatch(/^asked\s/m);
    expect(shown.stdout).toMatch(new RegExp(`^why\\s+${WHY}$`, 'm'));

    // The requester cannot decide; the broker accepts with a note.
    const own = await run('rita', ['intro', 'accept', id]);
    expect([own.code, own.stderr.trim()]).toEqual([
      6,
      'error: you asked for this introduction: the broker and the person decide',
    ]);
    const accepted = await run('bruno', ['intro', 'accept', id, '--message', 'You two should talk']);
    expect([accepted.code, accepted.stdout.trim()]).toEqual([0, 'accepted: Tom is asked now']);
    expect(sink.to('tom@example.test').length).toBeGreaterThan(0);

    const tomSees = await run('tom', ['intro', 'show', id]);
    expect(tomSees.stdout).toMatch(/^you may share\s+email \(tom@example\.test\)$/m);
    expect(tomSees.stdout).toMatch(/^message\s+You two should talk$/m);
    expect(tomSees.stdout).not.toContain('NOTE-SECRET');
    const bad = await run('tom', ['intro', 'accept', id, '--share', 'fax']);
    expect(bad.code).toBe(2);
    const yes = await run('tom', ['intro', 'accept', id, '--share', 'email']);
    expect([yes.code, yes.stdout.trim()]).toEqual([
      0,
      'introduced to Rita Requester: everyone gets the introduction e-mail',
    ]);

    const done = await json<Introduction>('rita', ['intro', 'show', id]);
    expect(done).toMatchObject({
      state: 'introduced',
      shared: { email: 'tom@example.test', phone: null, linkedinUrl: null },
    });
    const contact = await json<{ displayName: string; howWeMet: string; notes: string | null }>('rita', [
      'show',
      done.target.contactId as string,
    ]);
    expect(contact).toMatchObject({
      displayName: 'Tom',
      howWeMet: 'Introduced by Bruno Broker',
      notes: null,
    });
    const outcome = await run('rita', ['intro', 'outcome', id, 'We meet on Friday']);
    expect(outcome.stdout.trim()).toBe('noted the outcome of your introduction to Tom');
    const mine = await run('rita', ['intro', 'list']);
    expect(mine.stdout).toMatch(new RegExp(`${id}\\s+requester\\s+introduced\\s+Tom via Bruno Broker`));
  });

  it('a broker declines with a private reason: the requester sees only "declined"; refusals exit by kind', {
    timeout: SLOW,
  }, async () => {
    const created = await json<Introduction>('rita', ['intro', 'request', taraId, '--why', WHY]);
    const declined = await run('bruno', ['intro', 'decline', created.id, '--reason', 'PRIVATE-REASON-busy']);
    expect(declined.code).toBe(0);
    const seen = await run('rita', ['intro', 'show', created.id]);
    expect(seen.stdout).toMatch(/^state\s+declined$/m);
    const all = `${seen.stdout}${(await run('rita', ['--json', 'intro', 'list'])).stdout}`;
    expect(all).not.toMatch(/PRIVATE-REASON|tara\.secret|7700|broker-declined/);
    // Paged like the other lists: --limit is a page, --all follows the cursor to the end.
    const first = await run('rita', ['intro', 'list', '--limit', '1']);
    expect(first.stdout.trim().split('\n')).toHaveLength(2);
    expect(first.stderr).toContain('(more introductions: use --all or a larger --limit)');
    const every = await json<{ items: Introduction[]; nextCursor: string | null }>('rita', [
      'intro',
      'list',
      '--all',
    ]);
    expect(every.nextCursor).toBeNull();
    expect(every.items.map((i) => i.id)).toContain(created.id);
    expect(every.items).toHaveLength(2);

    // Again within 90 days: conflict (6); an unknown contact: not found (5); a short why: validation (2).
    const again = await run('rita', ['intro', 'request', taraId, '--why', WHY]);
    expect(again.code).toBe(6);
    expect(again.stderr).toContain('was declined recently');
    const unknown = await run('rita', [
      'intro',
      'request',
      '01900000-0000-7000-8000-000000000000',
      '--why',
      WHY,
    ]);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      5,
      "error: person not found among your connections' findable contacts",
    ]);
    const short = await run('rita', ['intro', 'request', taraId, '--why', 'hi']);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('error: --why: say in a sentence or two why');
    // Someone who is not a party sees nothing.
    expect((await run('tom', ['intro', 'show', created.id])).code).toBe(5);
  });

  it('asks: post, a connection answers, close with thanks', { timeout: SLOW }, async () => {
    const posted = await json<Ask>('rita', ['ask', 'post', 'A venue for 40 people in Leeds', '--days', '10']);
    expect(posted.expiresOn).toMatch(/^\d{4}-\d\d-\d\d$/);
    const board = await run('bruno', ['ask', 'list']);
    expect(board.stdout).toMatch(
      new RegExp(`${posted.id}\\s+Rita Requester\\s+A venue for 40 people in Leeds`),
    );
    expect(board.stderr).not.toContain('more asks');
    expect(
      await json<{ items: Ask[]; nextCursor: string | null }>('bruno', ['ask', 'list', '--all']),
    ).toEqual({
      items: [expect.objectContaining({ id: posted.id })],
      nextCursor: null,
    });
    expect((await run('tom', ['ask', 'list'])).stdout.trim()).toBe('no open asks from your connections');
    expect((await run('tom', ['ask', 'show', posted.id])).code).toBe(5);
    const answered = await run('bruno', ['ask', 'answer', posted.id, 'Our office has room']);
    expect([answered.code, answered.stdout.trim()]).toEqual([0, 'answered Rita Requester’s ask']);
    const mine = await json<Ask>('rita', ['ask', 'show', posted.id]);
    const answerId = mine.answers[0]?.id as string;
    expect(mine.answers.map((a) => [a.responder.name, a.note])).toEqual([
      ['Bruno Broker', 'Our office has room'],
    ]);
    const closed = await run('rita', [
      'ask',
      'close',
      posted.id,
      '--thank',
      answerId,
      '--thanks',
      'Perfect!',
    ]);
    expect(closed.code).toBe(0);
    expect(closed.stdout.trim()).toBe('closed "A venue for 40 people in Leeds"');
    // Rita had no contact for Bruno: the introduction created the connection's contact, and both favours he did
    // her (the introduction, the ask) are on it.
    expect(closed.stderr).not.toContain('no favour recorded');
    const { items: favours } = await json<{
      items: { contact: { id: string; displayName: string }; direction: string; what: string }[];
    }>('rita', ['favours']);
    expect(favours.map((f) => [f.contact.displayName, f.direction, f.what]).sort()).toEqual([
      ['Bruno Broker', 'received', 'Helped with my ask: A venue for 40 people in Leeds'],
      ['Bruno Broker', 'received', 'Introduced me to Tom'],
    ]);
    expect(new Set(favours.map((f) => f.contact.id)).size).toBe(1);
    expect((await run('bruno', ['ask', 'list'])).stdout.trim()).toBe('no open asks from your connections');
  });
});
