import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, type watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Nadia Rahman', email: 'nadia@example.test', password: 'weekly-outreach-2026' };
const NADIA = 'https://www.linkedin.com/in/nadia-rahman';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = 86_400_000;
/** The day `n` days ago at hh:00 UTC. */
const ago = (n: number, hh = 9) => new Date(Math.floor(Date.now() / DAY - n) * DAY + hh * 3_600_000);
const connected = (n: number) => {
  const d = ago(n);
  return `${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};
const messageDate = (d: Date) => `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
const inviteDate = (d: Date) =>
  `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}, 8:41 AM`;

const person = (first: string, last: string) => ({
  name: `${first} ${last}`,
  url: `https://www.linkedin.com/in/${first.toLowerCase()}-${last.toLowerCase()}`,
});
const AMARA = person('Amara', 'Okafor');
const BASTIAN = person('Bastian', 'Volkov');
const CHIARA = person('Chiara', 'Romano');
const ZAINAB = person('Zainab', 'Qureshi');
const RAVI = person('Ravi', 'Kapoor');
const LINES = {
  amara:
    'Hi {firstName}, your note on cold-chain audits in Rotterdam reminded me of our pharma pilot last spring.',
  bastian: 'Hi {firstName}, your post on yard slotting at the Gdansk terminal was the clearest I have read.',
};

/** One Friday's LinkedIn export: each week's holds the last one's and more (the synthetic quirks of FORMATS.md). */
function weeklyExport(week: 1 | 2): Uint8Array {
  const enc = (s: string) => new TextEncoder().encode(s);
  const connections = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    `Amara,Okafor,${AMARA.url}/,,Acme Logistics,Supply Chain Lead,${connected(8)}`,
    `Bastian,Volkov,${BASTIAN.url},,Globex,Planner,${connected(8)}`,
    `Chiara,Romano,${CHIARA.url},,Initech,Buyer,${connected(7)}`,
    ...(week === 2 ? [`Zainab,Qureshi,${ZAINAB.url},,Initech,Head of Procurement,${connected(3)}`] : []),
    `,,,,,,${connected(2)}`,
  ];
  const msg = (
    conv: string,
    from: typeof AMARA | null,
    to: (typeof AMARA | null)[],
    at: Date,
    text: string,
  ) => {
    const who = (p: typeof AMARA | null) => p ?? { name: ME.name, url: NADIA };
    const names = to.map((p) => who(p).name).join(', ');
    const urls = to.map((p) => who(p).url).join(',');
    return `${conv},,${who(from).name},${who(from).url},"${names}","${urls}",${messageDate(at)},,"${text}",INBOX,No`;
  };
  const messages = [
    'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT',
    // An old conversation with Chiara, so that Nadia is the one person in every conversation.
    msg('2-Y2hpYXJh', null, [CHIARA], ago(20), 'Hi Chiara, see you at the fair.'),
    ...(week === 2
      ? [
          msg('2-YW1hcmE=', null, [AMARA], ago(6, 9), LINES.amara.replace('{firstName}', 'Amara')),
          msg('2-YW1hcmE=', AMARA, [null], ago(5, 11), 'Thanks Nadia &amp; happy to chat!'),
          msg('2-YmFzdGlhbg==', null, [BASTIAN], ago(6, 10), LINES.bastian.replace('{firstName}', 'Bastian')),
          msg('2-Z3JvdXA=', null, [BASTIAN, CHIARA], ago(5, 10), 'Hi both, shall we meet at the roundtable?'),
          msg('2-Z3JvdXA=', CHIARA, [null, BASTIAN], ago(5, 12), 'Count me in.'),
        ]
      : []),
  ];
  const invitations = [
    'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
    `${RAVI.name},${ME.name},"${inviteDate(ago(6))}","Hi Nadia, fellow logistics nerd here.",INCOMING,${RAVI.url},${NADIA}`,
    ...(week === 1
      ? [
          `${ME.name},${ZAINAB.name},"${inviteDate(ago(10))}","Hi Zainab, we met at the procurement summit.",OUTGOING,${NADIA},${ZAINAB.url}`,
        ]
      : []),
  ];
  return zipSync({
    'Connections.csv': enc(`\ufeff${connections.join('\r\n')}`),
    'messages.csv': enc(messages.join('\n')),
    'Invitations.csv': enc(invitations.join('\n')),
  });
}

describe.skipIf(!chromiumPath)(
  chromiumPath
    ? 'web app: a weekly LinkedIn export and the outreach queue'
    : `web app: weekly: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';
    let dir = '';
    const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
    const api = async <T>(path: string) => (await (await page.request.get(`/api/v1${path}`)).json()) as T;

    async function importWeek(week: 1 | 2, done: string) {
      const file = join(dir, `Complete_LinkedInDataExport_week${week}.zip`);
      writeFileSync(file, weeklyExport(week));
      await page.goto('/import');
      await heading('Import').waitFor();
      await page.getByLabel('File to import').setInputFiles(file);
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('status').filter({ hasText: done }).waitFor();
    }

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'rapport-e2e-weekly-'));
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
      ));
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('week 1: the new connections wait; she writes to two on LinkedIn and marks them sent', async () => {
      await importWeek(1, 'Done: 3 new');
      const queue = await api<{ items: { id: string; contact: { displayName: string } }[] }>(
        '/outreach/queue',
      );
      // Chiara was written to (an old conversation is not since she connected, so she waits too).
      expect(queue.items.map((i) => i.contact.displayName).sort()).toEqual([
        'Amara Okafor',
        'Bastian Volkov',
        'Chiara Romano',
      ]);
      // Working through the week's backlog: who waited longest comes first on request.
      await page.goto('/outreach');
      await heading('Outreach').waitFor();
      const list = page.getByRole('list', { name: 'Waiting for a message' });
      await list.getByRole('link', { name: 'Chiara Romano', exact: true }).waitFor();
      expect((await list.locator('.outreach-row__name').allTextContents())[0]).toBe('Chiara Romano');
      await page.getByLabel('Order').selectOption('oldest');
      await expect
        .poll(async () => (await list.locator('.outreach-row__name').allTextContents()).at(-1))
        .toBe('Chiara Romano');
      expect(page.url()).toContain('order=oldest');

      for (const [name, body, at] of [
        [AMARA.name, LINES.amara, ago(6, 9)],
        [BASTIAN.name, LINES.bastian, ago(6, 10)],
      ] as const) {
        const item = queue.items.find((i) => i.contact.displayName === name);
        const sent = await page.request.post(`/api/v1/outreach/items/${item?.id}/mark-sent`, {
          data: { channel: 'linkedin', body, sendKey: `weekly-${name}`, sentAt: at.toISOString() },
          headers: { 'X-CSRF-Token': csrf },
        });
        expect(sent.status()).toBe(200);
      }
    });

    it('week 2: no message twice, the group answer is nobody else’s reply, the week’s rate and the accepted invitation say so', async () => {
      await importWeek(2, 'Done: 1 new');

      // The queue: Zainab (accepted since) waits; so does Chiara: a message to a group is not a personal one to her.
      await page.goto('/outreach');
      await heading('Outreach').waitFor();
      const list = page.getByRole('list', { name: 'Waiting for a message' });
      await list.getByRole('link', { name: 'Zainab Qureshi', exact: true }).waitFor();
      expect(await list.locator('.outreach-row__name').allTextContents()).toEqual([
        'Zainab Qureshi',
        'Chiara Romano',
      ]);

      // Amara's message marked sent and the same one in the export are one interaction; her answer the other.
      const contacts = await api<{ items: { id: string; displayName: string }[] }>('/contacts?q=Okafor');
      const amara = contacts.items[0]?.id as string;
      const log = await api<{ items: { direction: string }[] }>(`/interactions?contact=${amara}`);
      expect(log.items.map((i) => i.direction)).toEqual(['inbound', 'outbound']);

      // Replied: Amara only. Chiara's answer in the group is not Bastian's.
      await page.getByRole('button', { name: /^Replied/ }).click();
      const replied = page.getByRole('list', { name: 'Replied' });
      await replied.getByRole('link', { name: 'Amara Okafor', exact: true }).waitFor();
      expect(await replied.locator('.outreach-row__name').allTextContents()).toEqual(['Amara Okafor']);

      // The response rate by week: two sent, one reply, one still waiting; what a reply is, in words.
      await page.goto('/outreach/stats');
      await heading('Response rates').waitFor();
      await expect
        .poll(() => page.getByTestId('reply-rule').textContent())
        .toMatch(/counted once per person.*1 still waiting count as not replied/);
      const week = page.getByRole('region', { name: 'By week' }).getByRole('row').nth(1);
      expect((await week.getByRole('cell').allTextContents()).slice(0, 3)).toEqual(['2', '1', '1']);
      await expectAccessible(page, 'response rates by week');

      // Invitations: Zainab's is accepted and links to her contact; Ravi's is still pending, with his note.
      await page.goto('/outreach/invitations');
      await heading('LinkedIn invitations').waitFor();
      const zainab = page.getByRole('listitem').filter({ hasText: 'Zainab Qureshi' });
      await zainab.getByRole('link', { name: 'Zainab Qureshi', exact: true }).waitFor();
      expect(await zainab.textContent()).toMatch(/accepted: connected on/);
      const ravi = page.getByRole('listitem').filter({ hasText: 'Ravi Kapoor' });
      expect(await ravi.textContent()).toMatch(/pending · not in your contacts yet/);
      await expect
        .poll(() => ravi.getByRole('blockquote').textContent())
        .toBe('Hi Nadia, fellow logistics nerd here.');
      expect(consoleLog.take()).toEqual([]);
    });
  },
);
