import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import type { Invitation } from '../../contracts/invitations';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { restoreContact } from '../contacts/restore-contact';
import type { Ctx } from '../context';
import { mergeContacts } from '../duplicates/merge-contacts';
import { importLinkedin } from '../imports/import-linkedin';
import { undoImport } from '../imports/undo-import';
import { getOutreachItem } from '../outreach/get-outreach-item';
import { listOutreachQueue } from '../outreach/list-outreach-queue';
import { listInvitations } from './list-invitations';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../formats/linkedin/fixtures/${name}`, import.meta.url)));
const enc = (s: string) => new TextEncoder().encode(s);
const ROSA = 'https://www.linkedin.com/in/rosa-quintero';
const LEO = 'https://www.linkedin.com/in/leo-marsh';

/** Imports one Invitations.csv (the synthetic fixtures: 2025 with profile URLs, 2022 without). */
async function importInvitations(ctx: Ctx, bytes: Uint8Array) {
  const report = await importLinkedin(ctx, { source: { name: 'Invitations.csv', bytes }, dryRun: false });
  return report.id as string;
}

const connectionsWith = (row: string) =>
  enc(`First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${row}`);

const brief = (items: Invitation[]) =>
  items.map((i) => [i.direction, i.name, i.sentOn, i.message, i.contact?.displayName ?? null]);

describeEngines('LinkedIn invitations', (h) => {
  it('lists both directions newest first with their notes, and one direction alone', async () => {
    const { ctx } = await h.account();
    await importInvitations(ctx, fixture('invitations-2025-urls.csv'));
    await importInvitations(ctx, fixture('invitations-2022-no-urls.csv'));

    const all = await listInvitations(ctx, {});
    expect(brief(all.items)).toEqual([
      ['incoming', 'Leo Marsh', '2025-10-02', null, null],
      ['outgoing', 'Rosa Quintero', '2025-09-27', 'Hi Rosa, great talk at the meetup!', null],
      ['incoming', 'Hana Novak', '2022-03-14', null, null],
      ['outgoing', 'Tomás Ferreira', '2021-12-01', 'Olá Tomás', null],
    ]);
    expect(all.nextCursor).toBeNull();
    // The other person's profile, canonical; the 2022 file has none.
    expect(all.items.map((i) => i.profileUrl)).toEqual([LEO, ROSA, null, null]);

    const outgoing = await listInvitations(ctx, { direction: 'outgoing' });
    expect(outgoing.items.map((i) => i.name)).toEqual(['Rosa Quintero', 'Tomás Ferreira']);
    const incoming = await listInvitations(ctx, { direction: 'incoming' });
    expect(incoming.items.map((i) => i.name)).toEqual(['Leo Marsh', 'Hana Novak']);
    await expect(listInvitations(ctx, { direction: 'sideways' as never })).rejects.toMatchObject({
      code: 'validation',
    });
  });

  it("the outreach item of a person added after the import shows the invitation's note too", async () => {
    const { ctx } = await h.account(); // today is 2026-11-25
    await importInvitations(ctx, fixture('invitations-2025-urls.csv'));
    await createContact(
      ctx,
      { displayName: 'Rosa Quintero', urls: [{ value: ROSA }], connectedOn: '2026-11-24' },
      'web',
    );
    const queued = (await listOutreachQueue(ctx, { view: 'queued' })).items;
    expect(queued.map((i) => i.contact.displayName)).toEqual(['Rosa Quintero']);
    const item = await getOutreachItem(ctx, queued[0]?.id as string);
    expect(item.invitation).toEqual({
      direction: 'outgoing',
      message: 'Hi Rosa, great talk at the meetup!',
      sentOn: '2025-09-27',
    });
  });

  it('pages with a cursor: every invitation once, in order, also among several sent the same day', async () => {
    const { ctx } = await h.account();
    const sameDay = [
      'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
      ...['a', 'b', 'c', 'd', 'e'].map(
        (s) =>
          `Me,Person ${s.toUpperCase()},"5/4/25, 9:0${s.charCodeAt(0) - 97} AM",,OUTGOING,,https://www.linkedin.com/in/p-${s}`,
      ),
      'Someone,Me,"6/1/25, 10:00 AM",Hello,INCOMING,https://www.linkedin.com/in/someone,',
    ].join('\n');
    await importInvitations(ctx, enc(sameDay));
    const whole = (await listInvitations(ctx, {})).items.map((i) => i.id);
    expect(whole).toHaveLength(6);

    const walked: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listInvitations(ctx, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      walked.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(walked).toEqual(whole);
    expect(pages).toBe(3);
    await expect(listInvitations(ctx, { cursor: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'validation',
    });
  });

  it('shows the contact once the person is imported later or added by hand; a trashed one is not shown', async () => {
    const { ctx } = await h.account();
    await importInvitations(ctx, fixture('invitations-2025-urls.csv'));
    expect(brief((await listInvitations(ctx, {})).items).map((r) => r[4])).toEqual([null, null]);

    // Rosa accepted: she is in a later Connections.csv.
    const later = await importLinkedin(ctx, {
      source: {
        name: 'Connections.csv',
        bytes: connectionsWith(
          'Rosa,Quintero,https://www.linkedin.com/in/Rosa-Quintero/,,Meetup Co,Speaker,01 Oct 2025',
        ),
      },
      dryRun: false,
    });
    // Leo is added by hand, his profile typed loosely.
    const leo = await createContact(
      ctx,
      {
        givenName: 'Leo',
        familyName: 'Marsh',
        urls: [{ value: 'linkedin.com/in/Leo-Marsh/' }],
      },
      'web',
    );
    const matched = (await listInvitations(ctx, {})).items;
    expect(matched.map((i) => [i.name, i.contact?.displayName ?? null])).toEqual([
      ['Leo Marsh', 'Leo Marsh'],
      ['Rosa Quintero', 'Rosa Quintero'],
    ]);
    expect(matched[0]?.contact?.id).toBe(leo.id);

    // In the trash, Leo is nobody's match; restored, he is again.
    await deleteContact(ctx, leo.id);
    expect((await listInvitations(ctx, { direction: 'incoming' })).items[0]?.contact).toBeNull();
    await restoreContact(ctx, leo.id);
    expect((await listInvitations(ctx, { direction: 'incoming' })).items[0]?.contact?.id).toBe(leo.id);

    // Undoing the import that created Rosa takes the match away with her.
    await undoImport(ctx, later.id as string);
    expect((await listInvitations(ctx, { direction: 'outgoing' })).items[0]?.contact).toBeNull();
  });

  it('a merged-away contact is not the match: the kept one, which took the profile over, is', async () => {
    const { ctx } = await h.account();
    await importInvitations(ctx, fixture('invitations-2025-urls.csv'));
    const keep = await createContact(
      ctx,
      { displayName: 'Leo M.', emails: [{ value: 'leo@example.test' }] },
      'web',
    );
    const gone = await createContact(ctx, { displayName: 'Leo Marsh', urls: [{ value: LEO }] }, 'web');
    expect((await listInvitations(ctx, { direction: 'incoming' })).items[0]?.contact?.id).toBe(gone.id);
    await mergeContacts(ctx, keep.id, gone.id);
    expect((await listInvitations(ctx, { direction: 'incoming' })).items[0]?.contact).toEqual({
      id: keep.id,
      displayName: 'Leo M.',
    });
  });

  it("another account sees none of them, and its contacts are never the owner's match", async () => {
    const owner = await h.account();
    const other = await h.account();
    await importInvitations(owner.ctx, fixture('invitations-2025-urls.csv'));
    await createContact(other.ctx, { displayName: 'Rosa Quintero', urls: [{ value: ROSA }] }, 'web');
    expect(await listInvitations(other.ctx, {})).toEqual({ items: [], nextCursor: null });
    expect((await listInvitations(owner.ctx, { direction: 'outgoing' })).items[0]?.contact).toBeNull();
    await expect(listInvitations(h.ctx(), {})).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
