import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Invite, SharingOverview } from '../contracts/network';
import { type SmtpSink, startSmtpSink } from '../core/mail/smtp-sink.test-support';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js`; the tests share one data directory and run in order.
const SLOW = 120_000;

describe('rapport CLI: connect, connections, messages, share, access-log', () => {
  let cli: Cli;
  let sink: SmtpSink;
  const ids: Record<string, string> = {};
  const env = () => ({ SMTP_URL: `smtp://127.0.0.1:${sink.port}`, BASE_URL: 'https://rapport.example.test' });
  const run = (who: string, args: string[]) =>
    cli.run(['--account', `${who}@example.test`, ...args], { env: env() });
  const ok = async (who: string, args: string[]) => {
    const r = await run(who, args);
    if (r.code !== 0) throw new Error(`rapport ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  };
  const json = <T>(who: string, args: string[]) =>
    cli.json<T>(['--account', `${who}@example.test`, ...args], { env: env() });

  beforeAll(async () => {
    sink = await startSmtpSink();
    cli = await tempCli();
    for (const [who, name] of [
      ['ada', 'Ada Lovelace'],
      ['grace', 'Grace Hopper'],
      ['eve', 'Eve Newcomer'],
    ] as const) {
      ids[who] = await cli.createAccount(`${who}@example.test`, name);
    }
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
    await sink.close();
  });

  it('connects two accounts by a contact once the address is verified, and they message', {
    timeout: SLOW,
  }, async () => {
    // Unverified, Grace is not "on Rapport": inviting her contact mails a link instead.
    await ok('ada', ['add', 'Grace Hopper', '--email', 'grace@example.test', '--tag', 'speakers']);
    const linked = await ok('ada', ['connect', 'Grace Hopper']);
    expect(linked).toMatch(
      /^invitation mailed to grace@example\.test\nhttps:\/\/rapport\.example\.test\/connect\/[A-Za-z0-9_-]{32}\n/,
    );
    const invites = await json<Invite[]>('ada', ['connections', '--invites']);
    await ok('ada', ['connections', 'remove', invites[0]?.id as string]);

    expect(await ok('ada', ['account', 'verify-email', 'grace@example.test'])).toMatch(
      /^grace@example\.test is verified \(since \d{4}-/,
    );
    const asked = await ok('ada', ['connect', 'Grace Hopper', '--message', 'From the meetup']);
    expect(asked).toMatch(/^asked Grace Hopper to connect; waiting for their answer \(/);
    const mail = sink.received.at(-1);
    expect(mail?.parsed.subject).toBe('Ada Lovelace wants to connect with you on Rapport');

    const incoming = await json<Connection[]>('grace', ['connections', '--incoming']);
    expect(incoming).toEqual([
      expect.objectContaining({
        status: 'incoming',
        account: { id: ids.ada, name: 'Ada Lovelace' },
        email: 'ada@example.test',
        emailVerified: false,
        message: 'From the meetup',
      }),
    ]);
    const listed = await ok('grace', ['connections']);
    expect(listed).toMatch(
      /Ada Lovelace\s+asks you\s+\d{4}-\d\d-\d\d\s+ada@example\.test \(unverified\) From the meetup/,
    );
    expect(await ok('grace', ['connections', 'accept', 'ada'])).toBe('connected with Ada Lovelace\n');
    const mine = await json<Connection[]>('ada', ['connections']);
    expect(mine.map((c) => [c.account.name, c.status])).toEqual([['Grace Hopper', 'accepted']]);

    expect(await ok('ada', ['message', 'Grace', 'Coffee next week?'])).toMatch(/^sent to Grace Hopper \(/);
    // By the id `rapport search` shows for my contact of her, as other commands take it.
    const [graceContact] = (await json<{ items: { id: string }[] }>('ada', ['search', 'Grace Hopper'])).items;
    expect(await ok('ada', ['message', graceContact?.id as string, 'Thursday?'])).toMatch(
      /^sent to Grace Hopper \(/,
    );
    expect(await ok('grace', ['messages'])).toMatch(
      /Ada Lovelace\s+2\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+Thursday\?/,
    );
    expect(await ok('grace', ['messages', 'Ada Lovelace'])).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d {2}Ada Lovelace: Coffee next week\?\n\d{4}-\d\d-\d\d \d\d:\d\d {2}Ada Lovelace: Thursday\?\n$/,
    );
    expect(await ok('grace', ['messages'])).toMatch(/Ada Lovelace\s+0\s+/);
    // The message is an interaction with the contact that stands for Grace.
    expect(await ok('ada', ['interactions', 'Grace Hopper'])).toMatch(/message/);

    const stranger = await run('eve', ['message', 'Ada', 'hello']);
    expect(stranger.code).toBe(5);
    expect(stranger.stderr).toContain('no connection or request matches "Ada"');
  });

  it('shares a tag and a contact, and says what is shared', { timeout: SLOW }, async () => {
    await ok('ada', ['add', 'Linus Pauling', '--tag', 'speakers']);
    await ok('ada', ['add', 'Marie Curie']);
    const before = await json<SharingOverview>('ada', ['share', 'status']);
    expect(before.findableCount).toBe(0);
    expect(await ok('ada', ['share', 'tag', 'speakers', 'on'])).toBe(
      'speakers: findable; 2 findable contacts in all\n',
    );
    expect(await ok('ada', ['share', 'contact', 'Linus', 'private'])).toBe(
      'Linus Pauling: private; 1 findable contacts in all\n',
    );
    expect(await ok('ada', ['share', 'contact', 'Marie Curie', 'findable'])).toBe(
      'Marie Curie: findable; 2 findable contacts in all\n',
    );
    await ok('ada', ['share', 'tier', 'on']);
    await ok('ada', ['share', 'linkedin', 'off']);
    const after = await json<SharingOverview>('ada', ['share']);
    expect(after).toMatchObject({
      findableCount: 2,
      settings: { shareTier: true, shareLinkedin: false },
      contacts: {
        findable: { total: 1, items: [{ displayName: 'Marie Curie' }] },
        private: { total: 1, items: [{ displayName: 'Linus Pauling' }] },
      },
    });
    const status = await ok('ada', ['share']);
    expect(status).toMatch(/findable contacts\s+2 \(your connections can find them/);
    expect(status).toMatch(/findable tags\s+speakers \(2\)/);
    expect(status).toMatch(/private contacts\s+Linus Pauling/);
    await ok('ada', ['share', 'contact', 'Linus', 'default']);
    expect((await json<SharingOverview>('ada', ['share'])).findableCount).toBe(3);

    const bad = await run('ada', ['share', 'tag', 'speakers', 'maybe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('<on|off>: must be on or off');
    expect((await run('ada', ['share', 'tag', 'no-such-tag', 'on'])).code).toBe(5);
    expect((await run('ada', ['share', 'contact', 'Marie Curie', 'public'])).code).toBe(2);
    expect(await ok('ada', ['access-log'])).toBe('nobody has seen your contacts yet\n');
  });

  it('invites with a one-time link, which works once; then the connection is removed', {
    timeout: SLOW,
  }, async () => {
    const link = await ok('ada', ['connect', '--message', 'Join us']);
    const url = /https:\/\/rapport\.example\.test\/connect\/[A-Za-z0-9_-]{32}/.exec(link)?.[0] as string;
    expect(link).toMatch(/^one-time invitation link: send it to the person you mean\n/);
    expect(await ok('eve', ['connections', 'accept', url])).toBe('connected with Ada Lovelace\n');
    const again = await run('grace', ['connections', 'accept', url]);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('this invitation link does not work');
    const invites = await json<Invite[]>('ada', ['connections', '--invites']);
    expect(invites[0]).toMatchObject({ status: 'used', usedBy: { id: ids.eve, name: 'Eve Newcomer' } });
    expect(await ok('eve', ['connections', 'remove', 'Ada'])).toBe(
      'removed your connection with Ada Lovelace\n',
    );
    expect((await json<Connection[]>('ada', ['connections'])).map((c) => c.account.name)).toEqual([
      'Grace Hopper',
    ]);
  });
});
