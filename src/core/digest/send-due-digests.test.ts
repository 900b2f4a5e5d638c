import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines, type Harness } from '../../../test/engines';
import { forgeToken } from '../../../test/forge-token';
import { getSettings } from '../agenda/get-settings';
import { updateSettings } from '../agenda/update-settings';
import { createContact } from '../contacts/create-contact';
import type { Ctx } from '../context';
import { recordInteraction } from '../interactions/record-interaction';
import type { Mailer } from '../mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../mail/smtp-sink.test-support';
import { createPromise } from '../promises/create-promise';
import { claimDigestDay, digestSendsOf } from './digest.queries';
import { sendDueDigests } from './send-due-digests';
import { unsubscribeFromDigest } from './unsubscribe-from-digest';

// 2026-11-25 in New York is UTC-5: 07:00 local is 12:00Z.
const ny = (hhmm: string, day = '2026-11-25') => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.parse(`${day}T00:00:00Z`) + ((h + 5) * 60 + m) * 60_000);
};
const BASE = 'https://rapport.example.test';

/** An account in New York with the digest on at 07:00 and four things on its Today list. */
async function busyAccount(h: Harness, opts: { timeZone?: string; digest?: boolean } = {}) {
  const a = await h.account('Ada Lovelace');
  const grace = await createContact(a.ctx, { displayName: 'Grace Hopper' }, 'web');
  const alan = await createContact(a.ctx, { displayName: 'Alan Turing' }, 'web');
  const linus = await createContact(a.ctx, { displayName: 'Linus <Pauling> & Co' }, 'web');
  await createPromise(a.ctx, {
    contactId: grace.id,
    direction: 'mine',
    what: 'Send the COBOL paper',
    dueOn: '2026-11-23',
  });
  await createPromise(a.ctx, {
    contactId: alan.id,
    direction: 'mine',
    what: 'Write a reference letter',
    dueOn: '2026-11-25',
  });
  await createPromise(a.ctx, {
    contactId: alan.id,
    direction: 'theirs',
    what: 'Share the Enigma notes',
    dueOn: '2026-11-20',
  });
  await recordInteraction(a.ctx, {
    kind: 'message',
    direction: 'inbound',
    contactIds: [linus.id],
    occurredAt: '2026-11-24T15:00:00.000Z',
    summary: 'Can you review my draft?',
  });
  await updateSettings(a.ctx, {
    timeZone: opts.timeZone ?? 'America/New_York',
    digestEnabled: opts.digest ?? true,
    digestHour: 7,
  });
  return a;
}

const TITLES = [
  'Send the COBOL paper — for Grace Hopper',
  'Write a reference letter — for Alan Turing',
  'Alan Turing promised: Share the Enigma notes',
  'Reply to Linus <Pauling> & Co',
];

function inOrder(haystack: string, needles: string[]) {
  const at = needles.map((n) => haystack.indexOf(n));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((x, y) => x - y)).toEqual(at);
}

describeEngines('daily digest e-mail', (h) => {
  let sink: SmtpSink;
  let mailer: Mailer;
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = smtpTestMailer(sink.port);
  });
  afterAll(async () => {
    await sink.close();
  });
  const mailTo = (email: string) => sink.to(email);
  const run = (now: Date, m: Mailer = mailer) => sendDueDigests(h.ctx(), m, now, { baseUrl: BASE });

  it('sends one e-mail with every Today item in order, in text and HTML, with the right headers', async () => {
    const a = await busyAccount(h);
    await run(ny('07:00'));
    const mails = mailTo(a.email);
    expect(mails).toHaveLength(1);
    const { parsed, raw, envelope } = mails[0] as (typeof mails)[number];
    expect(envelope.mailFrom).toMatchObject({ address: 'rapport@rapport.example.test' });
    expect(parsed.subject).toBe('Today: 4 things for your relationships');
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value).toEqual([{ name: 'Ada Lovelace', address: a.email }]);
    expect(parsed.from?.value).toEqual([{ name: 'Rapport', address: 'rapport@rapport.example.test' }]);
    expect(parsed.date?.toISOString()).toBe(ny('07:00').toISOString());
    expect(parsed.messageId).toMatch(/^<.+@rapport\.example\.test>$/);
    // Long headers are folded on the wire: unfold before comparing.
    const header = (k: string) =>
      (parsed.headerLines.find((l) => l.key === k)?.line ?? '').replace(/\r\n(?=[ \t])/g, '');
    expect(header('list-unsubscribe')).toMatch(
      new RegExp(`^List-Unsubscribe: <${BASE}/digest/unsubscribe/${a.id}/[A-Za-z0-9_-]{43}>$`),
    );
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header('auto-submitted')).toBe('Auto-Submitted: auto-generated');
    expect(raw).toMatch(/^Content-Type: multipart\/alternative/m);

    const text = parsed.text ?? '';
    inOrder(
      text,
      TITLES.map((t, i) => `${i + 1}. ${t}`),
    );
    expect(text).toContain('overdue: it was due 2 days ago');
    expect(text).toContain('it was due 5 days ago: a friendly nudge?');
    // A promise is marked kept on Today (one click there, with Undo), and the link says so: the contact's page
    // has no such button at hand.
    expect(text).toContain(`Mark kept on Today: ${BASE}/\n`);
    expect(text).not.toMatch(/Mark kept: /);
    expect(text).toContain(`${BASE}/settings`);
    expect(text).toContain('Wednesday 25 November 2026');

    const html = parsed.html || '';
    inOrder(
      html,
      TITLES.map(
        (t) =>
          `<strong>${t.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</strong>`,
      ),
    );
    expect(html).not.toContain('<Pauling>');
    expect(html).toContain(`href="${BASE}/contacts/`);
    expect(html).toContain(`<a href="${BASE}/">Mark kept on Today</a>`);
    expect(html).toContain('overdue: it was due 2 days ago');

    const [row] = await digestSendsOf(h.ctx().db, a.id);
    expect(row).toMatchObject({
      day: '2026-11-25',
      status: 'sent',
      items: 4,
      message_id: parsed.messageId,
      error: null,
    });
  });

  it('sends at the chosen local hour only, once a day, even with two runs at once', async () => {
    const a = await busyAccount(h);
    const tokyo = await busyAccount(h, { timeZone: 'Asia/Tokyo' });
    await run(ny('06:00'));
    await run(ny('06:59'));
    expect(mailTo(a.email)).toHaveLength(0);
    expect(await digestSendsOf(h.ctx().db, a.id)).toEqual([]);

    // Two server processes wake up at the same moment: the day's row lets only one of them send.
    await Promise.all([run(ny('07:00')), run(ny('07:00')), run(ny('07:01'))]);
    expect(mailTo(a.email)).toHaveLength(1);
    await run(ny('08:00'));
    await run(ny('09:30'));
    expect(mailTo(a.email)).toHaveLength(1);

    // 07:00 in New York is 21:00 in Tokyo; Tokyo's 07:00 comes at 17:00 in New York (the 26th there).
    expect(mailTo(tokyo.email)).toHaveLength(0);
    await run(ny('17:00'));
    expect(mailTo(tokyo.email)).toHaveLength(1);
    expect((await digestSendsOf(h.ctx().db, tokyo.id)).map((r) => r.day)).toEqual(['2026-11-26']);

    // The next day brings the next digest.
    await run(ny('07:05', '2026-11-26'));
    expect(mailTo(a.email)).toHaveLength(2);
    expect((await digestSendsOf(h.ctx().db, a.id)).map((r) => [r.day, r.status])).toEqual([
      ['2026-11-26', 'sent'],
      ['2026-11-25', 'sent'],
    ]);
  });

  it('catches up within three hours when the server was down at the digest hour, not later', async () => {
    const late = await busyAccount(h);
    await run(ny('09:59'));
    expect(mailTo(late.email)).toHaveLength(1);
    const missed = await busyAccount(h);
    await run(ny('10:00'));
    expect(mailTo(missed.email)).toHaveLength(0);
  });

  it('catches up past midnight for a late digest hour, as that evening’s digest, once', async () => {
    const late = await busyAccount(h);
    await updateSettings(late.ctx, { digestHour: 23 });
    // The server was down from 22:50 to 00:30 in New York.
    await run(ny('22:50'));
    await run(ny('00:30', '2026-11-26'));
    await run(ny('01:15', '2026-11-26'));
    expect(mailTo(late.email)).toHaveLength(1);
    expect((await digestSendsOf(h.ctx().db, late.id)).map((r) => [r.day, r.status])).toEqual([
      ['2026-11-25', 'sent'],
    ]);
    // Too late by 02:00; that evening brings the 26th's own digest.
    const later = await busyAccount(h);
    await updateSettings(later.ctx, { digestHour: 23 });
    await run(ny('02:00', '2026-11-26'));
    expect(mailTo(later.email)).toHaveLength(0);
    await run(ny('23:05', '2026-11-26'));
    expect(mailTo(late.email)).toHaveLength(2);
    expect((await digestSendsOf(h.ctx().db, late.id)).map((r) => r.day)).toEqual([
      '2026-11-26',
      '2026-11-25',
    ]);
  });

  it('sends nothing to accounts with the digest off, and nothing for an empty Today', async () => {
    const off = await busyAccount(h, { digest: false });
    const stopped = await busyAccount(h);
    await updateSettings(stopped.ctx, { digestEnabled: false });
    const empty = await h.account('Nobody Yet');
    await updateSettings(empty.ctx, { timeZone: 'America/New_York', digestEnabled: true, digestHour: 7 });
    await run(ny('07:00'));
    await run(ny('07:30'));
    expect(mailTo(off.email)).toEqual([]);
    expect(mailTo(stopped.email)).toEqual([]);
    expect(mailTo(empty.email)).toEqual([]);
    expect(await digestSendsOf(h.ctx().db, off.id)).toEqual([]);
    // The empty day counts as done: no e-mail later that day even if something turns up.
    expect(await digestSendsOf(h.ctx().db, empty.id)).toMatchObject([
      { day: '2026-11-25', status: 'sent', items: 0, message_id: null },
    ]);
  });

  it('records a refused send as failed and retries it on the next run, sending exactly once', async () => {
    const a = await busyAccount(h);
    sink.refuse({ code: 451, message: 'Mailbox busy, try later' });
    try {
      const first = await run(ny('07:00'));
      expect(first.failed).toBeGreaterThanOrEqual(1);
    } finally {
      sink.refuse(null);
    }
    expect(mailTo(a.email)).toHaveLength(0);
    expect(await digestSendsOf(h.ctx().db, a.id)).toMatchObject([
      { status: 'failed', error: expect.stringContaining('Mailbox busy') },
    ]);
    await run(ny('07:05'));
    await run(ny('07:10'));
    expect(mailTo(a.email)).toHaveLength(1);
    expect(await digestSendsOf(h.ctx().db, a.id)).toMatchObject([
      { status: 'sent', items: 4, error: null, message_id: expect.any(String) },
    ]);
  });

  it('Settings says whether this server mails at all, and how the last digest ended', async () => {
    const a = await busyAccount(h);
    // The runtime hands the context its mailer (SMTP_URL) or null: the digest's switch alone says nothing.
    expect(await getSettings(a.ctx)).toMatchObject({
      digestEnabled: true,
      mailConfigured: false,
      lastDigest: null,
    });
    expect(await getSettings({ ...a.ctx, mailer })).toMatchObject({ mailConfigured: true, lastDigest: null });

    sink.refuse({ code: 550, message: 'Relay access denied' });
    try {
      await run(ny('07:00'));
    } finally {
      sink.refuse(null);
    }
    expect((await getSettings(a.ctx)).lastDigest).toEqual({
      day: '2026-11-25',
      status: 'failed',
      items: 0,
      at: ny('07:00').toISOString(),
      error: expect.stringContaining('Relay access denied'),
    });
    // Changing a setting answers with the same report.
    expect((await updateSettings(a.ctx, { digestHour: 7 })).lastDigest).toMatchObject({ status: 'failed' });

    await run(ny('07:05'));
    expect((await getSettings(a.ctx)).lastDigest).toEqual({
      day: '2026-11-25',
      status: 'sent',
      items: 4,
      at: ny('07:05').toISOString(),
      error: null,
    });
    // The newest day is the one reported.
    await run(ny('07:00', '2026-11-26'));
    expect((await getSettings(a.ctx)).lastDigest).toMatchObject({ day: '2026-11-26', status: 'sent' });
  });

  it('retries after the SMTP server was unreachable', async () => {
    const a = await busyAccount(h);
    const gone = await startSmtpSink();
    const deadPort = gone.port;
    await gone.close();
    await run(ny('07:00'), smtpTestMailer(deadPort));
    expect(await digestSendsOf(h.ctx().db, a.id)).toMatchObject([
      { status: 'failed', error: expect.any(String) },
    ]);
    await run(ny('07:05'));
    expect(mailTo(a.email)).toHaveLength(1);
  });

  it('takes over a day left "sending" by a process that died, but not one still in progress', async () => {
    const a = await busyAccount(h);
    expect(
      await claimDigestDay(
        h.ctx().db,
        a.id,
        '2026-11-25',
        ny('07:00').toISOString(),
        ny('06:30').toISOString(),
      ),
    ).toBe(true);
    await run(ny('07:05'));
    expect(mailTo(a.email)).toHaveLength(0);
    await run(ny('07:31'));
    expect(mailTo(a.email)).toHaveLength(1);
  });

  it('without BASE_URL, every link names the server’s own address (PORT), not a default port', async () => {
    const a = await busyAccount(h);
    const own = 'http://localhost:4161';
    const ctx: Ctx = { ...h.ctx(), settings: { ...h.ctx().settings, publicUrl: own } };
    // As the server runs it when BASE_URL is unset.
    await sendDueDigests(ctx, mailer, ny('07:00'), { baseUrl: undefined });
    const [mail] = mailTo(a.email);
    const text = mail?.parsed.text ?? '';
    const html = mail?.parsed.html || '';
    const links = [...`${text} ${html}`.matchAll(/https?:\/\/[^\s"<>]+/g)].map((m) => m[0]);
    expect(links.length).toBeGreaterThan(4);
    for (const link of links) expect(link.startsWith(`${own}/`)).toBe(true);
    expect(text).toContain(`${own}/settings`);
    expect(text).toMatch(new RegExp(`${own}/digest/unsubscribe/${a.id}/`));
  });

  it('the one-click link turns the digest off; a wrong link changes nothing', async () => {
    const a = await busyAccount(h);
    await run(ny('07:00'));
    const line = mailTo(a.email)[0]?.parsed.headerLines.find((l) => l.key === 'list-unsubscribe')?.line ?? '';
    const token = /\/([A-Za-z0-9_-]{43})>$/.exec(line)?.[1] as string;
    const other = await busyAccount(h);
    const ctx: Ctx = h.ctx();
    await expect(unsubscribeFromDigest(ctx, other.id, token)).rejects.toMatchObject({ code: 'not_found' });
    const wrong = forgeToken(token);
    await expect(unsubscribeFromDigest(ctx, a.id, wrong)).rejects.toMatchObject({
      code: 'not_found',
    });
    await unsubscribeFromDigest(ctx, a.id, token);
    await run(ny('07:00', '2026-11-26'));
    expect(mailTo(a.email)).toHaveLength(1);
    expect(mailTo(other.email)).toHaveLength(1);
  });
});
