import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  OutreachItemDetail,
  OutreachQueuePage,
  OutreachSendResult,
  OutreachStats,
} from '../contracts/outreach';
import { type SmtpSink, startSmtpSink } from '../core/mail/smtp-sink.test-support';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js`; the steps share one account and run in order.
const SLOW = 120_000;
const today = () => new Date().toISOString().slice(0, 10);
const TEMPLATE = 'Hi {firstName},\n\nThanks for connecting!\n\nBest,\n{myName}';
const LINE = 'Your note on the Analytical Engine was the best thing I read this year.';

describe('rapport outreach: queue, templates, send by email (SMTP), replied, stats', () => {
  let cli: Cli;
  let sink: SmtpSink;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    sink = await startSmtpSink();
    env = { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: 'Rapport <rapport@cli.example.test>' };
    cli = await tempCli();
    await cli.createAccount('bram@example.test', 'Bram Okonkwo');
    for (const args of [
      [
        'add',
        '--given',
        'Ada',
        '--family',
        'Lovelace',
        '--email',
        'ada@engines.example',
        '--connected',
        today(),
      ],
      ['add', '--given', 'Grace', '--family', 'Hopper', '--connected', today()],
      ['add', '--given', 'Alan', '--family', 'Turing', '--connected', '2019-05-01'],
    ]) {
      const added = await cli.run(args);
      if (added.code !== 0) throw new Error(added.stderr);
    }
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
    await sink.close();
  });

  it('lists new connections, not old ones; adds an old one by hand', { timeout: SLOW }, async () => {
    const page = await cli.json<OutreachQueuePage>(['outreach', 'queue']);
    expect(page.items.map((i) => i.contact.displayName).sort()).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(await cli.json(['outreach', 'add', 'Alan Turing'])).toEqual({ added: 1, alreadyQueued: 0 });
    const human = await cli.run(['outreach', 'queue']);
    expect(human.stdout).toContain('Alan Turing');
    expect(human.stderr).toContain('3 queued');
    // A big queue (thousands of new connections) is read a page at a time, or whole with --all.
    const first = await cli.run(['outreach', 'queue', '--limit', '1']);
    expect(first.stderr).toContain('(more in this view: use --all or a larger --limit)');
    const all = await cli.json<OutreachQueuePage>(['outreach', 'queue', '--limit', '1', '--all']);
    expect(all.items).toHaveLength(3);
    expect(all.nextCursor).toBeNull();
  });

  it('refuses a template-only message and sends a personal one by email, once', {
    timeout: SLOW,
  }, async () => {
    const t = await cli.run([
      'outreach',
      'templates',
      'add',
      'New connection',
      '--subject',
      'Great to connect, {firstName}',
      '--body',
      TEMPLATE,
    ]);
    expect(t.code, t.stderr).toBe(0);
    const noEmail = await cli.run([
      'outreach',
      'send',
      'Ada Lovelace',
      '--template',
      'New connection',
      '--line',
      LINE,
    ]);
    expect(noEmail.code).toBe(2);
    expect(noEmail.stderr).toContain('email is not configured on this server (SMTP_URL is not set)');

    const bare = await cli.run(
      ['outreach', 'send', 'Ada Lovelace', '--template', 'New connection', '--message', TEMPLATE],
      { env },
    );
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('this is the template alone');

    const dry = await cli.run(
      ['outreach', 'send', 'Ada', '--template', 'New connection', '--line', LINE, '--dry-run'],
      { env },
    );
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Subject: Great to connect, Ada');
    expect(dry.stdout).toContain(`Hi Ada,\n\n${LINE}\n\nThanks for connecting!`);
    expect(dry.stdout).toContain('ok: this message may be sent');
    expect(sink.received).toHaveLength(0);

    const args = ['outreach', 'send', 'Ada', '--template', 'New connection', '--line', LINE];
    const sent = await cli.json<OutreachSendResult>(args, { env });
    expect(sent.message).toMatchObject({ status: 'sent', channel: 'email', to: 'ada@engines.example' });
    const again = await cli.json<OutreachSendResult>(args, { env });
    expect(again.message.id).toBe(sent.message.id);
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]?.parsed;
    expect(mail?.subject).toBe('Great to connect, Ada');
    expect(mail?.text).toContain(LINE);
    expect(mail?.replyTo?.value[0]).toMatchObject({ address: 'bram@example.test', name: 'Bram Okonkwo' });
    expect(mail?.from?.value[0]?.address).toBe('rapport@cli.example.test');

    // The same personal line to Grace is refused, saying why.
    const copy = await cli.run([
      'outreach',
      'send',
      'Grace',
      '--channel',
      'linkedin',
      '--template',
      'New connection',
      '--line',
      LINE,
    ]);
    expect(copy.code).toBe(2);
    expect(copy.stderr).toContain('already went to Ada Lovelace');
    const human = await cli.run([
      'outreach',
      'send',
      'Grace',
      '--channel',
      'linkedin',
      '--message',
      'Hi {firstName}, your COBOL lecture changed how I teach programming.',
    ]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('message to Grace Hopper (linkedin, marked sent)');
  });

  it('records a reply and shows the response rate', { timeout: SLOW }, async () => {
    const replied = await cli.json<{ state: string }>([
      'outreach',
      'replied',
      'Ada Lovelace',
      '--note',
      'Would love to!',
    ]);
    expect(replied.state).toBe('replied');
    const detail = await cli.json<OutreachItemDetail>(['outreach', 'show', 'Ada Lovelace']);
    expect(detail.messages.map((m) => m.status)).toEqual(['sent']);
    const stats = await cli.json<OutreachStats>(['outreach', 'stats']);
    expect(stats.total).toMatchObject({ sent: 2, replied: 1, rate: 0.5 });
    const human = await cli.run(['outreach', 'stats', '--who']);
    expect(human.stdout).toContain('response rate 50% (1 of 2), baseline 25%');
    expect(human.stdout).toMatch(/who replied[\s\S]*Ada Lovelace/);
  });
});

describe('rapport outreach send --channel rapport: a message on Rapport to a connection', () => {
  let cli: Cli;
  let sink: SmtpSink;
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
  const MESSAGE =
    'Hi {firstName},\n\nYour talk on cold chains in Rotterdam changed how I plan routes.\n\n{myFirstName}';

  beforeAll(async () => {
    sink = await startSmtpSink();
    cli = await tempCli();
    for (const [who, name] of [
      ['bram', 'Bram Okonkwo'],
      ['ines', 'Ines Duarte'],
    ] as const) {
      await cli.createAccount(`${who}@example.test`, name);
      await ok(who, ['account', 'verify-email', `${who}@example.test`]);
    }
    await ok('bram', [
      'add',
      '--given',
      'Ines',
      '--family',
      'Duarte',
      '--email',
      'ines@example.test',
      '--connected',
      today(),
    ]);
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
    await sink.close();
  });

  it('refuses a stranger, sends to a connection once, and notices the reply in the thread', {
    timeout: SLOW,
  }, async () => {
    const stranger = await run('bram', [
      'outreach',
      'send',
      'Ines',
      '--channel',
      'rapport',
      '--message',
      MESSAGE,
    ]);
    expect(stranger.code).toBe(2);
    expect(stranger.stderr).toContain('Ines Duarte is not an account you are connected with on Rapport');

    await ok('bram', ['connect', 'Ines Duarte']);
    expect(await ok('ines', ['connections', 'accept', 'Bram'])).toBe('connected with Bram Okonkwo\n');
    expect(await ok('bram', ['outreach', 'show', 'Ines'])).toMatch(
      /on Rapport\s+connected as Ines Duarte \(--channel rapport\)/,
    );

    const args = ['outreach', 'send', 'Ines', '--channel', 'rapport', '--message', MESSAGE];
    expect(await ok('bram', args)).toMatch(/^message to Ines Duarte as a Rapport message \(/);
    // Rerunning the same command sends nothing more.
    const again = await json<OutreachSendResult>('bram', args);
    expect(again.message).toMatchObject({ channel: 'rapport', status: 'sent' });
    const thread = await ok('ines', ['messages', 'Bram']);
    expect(thread.match(/cold chains in Rotterdam/g)).toHaveLength(1);
    const notices = sink.received.filter(
      (m) => m.parsed.subject === 'New message from Bram Okonkwo on Rapport',
    );
    expect(notices).toHaveLength(1);

    await ok('ines', ['message', 'Bram', 'Thank you! Coffee next week?']);
    const item = await json<OutreachItemDetail>('bram', ['outreach', 'show', 'Ines']);
    expect(item.state).toBe('replied');
    const stats = await json<OutreachStats>('bram', ['outreach', 'stats']);
    expect(stats.byChannel).toMatchObject([{ key: 'rapport', sent: 1, replied: 1 }]);
  });
});

describe('rapport outreach: --at, undo-sent, written outside outreach, no follow-up once replied, no LinkedIn subject', () => {
  let cli: Cli;
  /** A day `n` days before today (UTC: the account's zone by default). */
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  const names = async (view = 'queued') =>
    (await cli.json<OutreachQueuePage>(['outreach', 'queue', '--view', view])).items.map(
      (i) => i.contact.displayName,
    );
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('bram@example.test', 'Bram Okonkwo');
    for (const [given, family, connected] of [
      ['Maya', 'Okafor', day(10)],
      ['Cole', 'Tran', day(9)],
      ['Noah', 'Klein', day(8)],
    ] as const) {
      const added = await cli.run(['add', '--given', given, '--family', family, '--connected', connected]);
      if (added.code !== 0) throw new Error(added.stderr);
    }
    const t = await cli.run([
      'outreach',
      'templates',
      'add',
      'New connection',
      '--subject',
      'Great to connect, {firstName}',
      '--body',
      TEMPLATE,
    ]);
    if (t.code !== 0) throw new Error(t.stderr);
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('a message logged by hand takes the person out of the queue, without a send in the stats', {
    timeout: SLOW,
  }, async () => {
    expect(await names()).toEqual(['Noah Klein', 'Cole Tran', 'Maya Okafor']);
    const logged = await cli.run([
      'log',
      'Noah Klein',
      'emailed',
      '--out',
      '--note',
      'Hi Noah, great to meet you',
    ]);
    expect(logged.code, logged.stderr).toBe(0);
    expect(await names()).toEqual(['Cole Tran', 'Maya Okafor']);
    const all = await cli.run(['outreach', 'queue', '--view', 'all']);
    expect(all.stdout).toMatch(/Noah Klein.*written \d{4}-\d{2}-\d{2} outside outreach \(email, cli\)/);
    expect((await cli.json<OutreachStats>(['outreach', 'stats'])).total.sent).toBe(0);
  });

  it('--at dates a message sent last week; LinkedIn keeps no subject; undo-sent puts it back', {
    timeout: SLOW,
  }, async () => {
    const args = [
      'outreach',
      'send',
      'Maya',
      '--channel',
      'linkedin',
      '--template',
      'New connection',
      '--line',
      LINE,
    ];
    const future = await cli.run([...args, '--at', 'tomorrow']);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('error: --at: is in the future');
    const early = await cli.run([...args, '--at', day(11)]);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain(`is before you connected with Maya Okafor (${day(10)})`);

    const sent = await cli.json<OutreachSendResult>([...args, '--at', day(3)]);
    expect(sent.message).toMatchObject({
      channel: 'linkedin',
      subject: null,
      sentAt: `${day(3)}T12:00:00.000Z`,
    });
    expect(sent.item).toMatchObject({ state: 'sent', followUpOn: day(-4) });
    expect(await names()).toEqual(['Cole Tran']);

    const undone = await cli.run(['outreach', 'undo-sent', 'Maya']);
    expect(undone.code, undone.stderr).toBe(0);
    expect(undone.stdout).toBe('Maya Okafor is back in the queue\n');
    expect(await names()).toEqual(['Cole Tran', 'Maya Okafor']);
    expect((await cli.json<OutreachStats>(['outreach', 'stats'])).total.sent).toBe(0);
    const nothing = await cli.run(['outreach', 'undo-sent', 'Maya']);
    expect(nothing.code).not.toBe(0);
    expect(nothing.stderr).toContain('nothing has been sent to Maya Okafor yet');
  });

  it('once they replied, the queue shows no follow-up date', { timeout: SLOW }, async () => {
    const sent = await cli.json<OutreachSendResult>([
      'outreach',
      'send',
      'Cole',
      '--channel',
      'other',
      '--message',
      'Hi {firstName}, your talk on harbour logistics in Oslo was the best of the conference.',
    ]);
    const followUp = sent.item.followUpOn as string;
    expect(followUp).toBe(day(-7));
    expect((await cli.run(['outreach', 'queue', '--view', 'awaiting'])).stdout).toContain(followUp);
    const replied = await cli.run(['outreach', 'replied', 'Cole', '--at', 'now']);
    expect(replied.code, replied.stderr).toBe(0);
    const all = await cli.json<OutreachQueuePage>(['outreach', 'queue', '--view', 'all']);
    expect(all.items.find((i) => i.contact.displayName === 'Cole Tran')).toMatchObject({
      state: 'replied',
      followUpOn: null,
    });
    const human = await cli.run(['outreach', 'queue', '--view', 'all']);
    expect(human.stdout).toMatch(/Cole Tran.*replied/);
    expect(human.stdout).not.toContain(followUp);
  });
});
