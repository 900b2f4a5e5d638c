import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { importLinkedin } from '../imports/import-linkedin';
import { listInvitations } from './list-invitations';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../formats/linkedin/fixtures/${name}`, import.meta.url)));

describeEngines('LinkedIn invitations accepted since the export', (h) => {
  it('an invitation whose person is a connection since it was sent says accepted; the others stay pending', async () => {
    const { ctx } = await h.account('Nadia Rahman');
    // Friday: Zainab has not accepted yet; Ravi invited Nadia.
    await importLinkedin(ctx, {
      source: { name: 'Invitations.csv', bytes: fixture('weekly-invitations-accepted.csv') },
      dryRun: false,
    });
    const pending = await listInvitations(ctx, {});
    expect(pending.items.map((i) => [i.name, i.acceptedOn])).toEqual([
      ['Ravi Kapoor', null],
      ['Zainab Qureshi', null],
    ]);
    // Next Friday: Zainab is in Connections.csv, connected on 22 Nov, after the invitation of 18 Nov.
    await importLinkedin(ctx, {
      source: { name: 'Connections.csv', bytes: fixture('weekly-connections.csv') },
      dryRun: false,
    });
    const later = await listInvitations(ctx, {});
    expect(later.items.map((i) => [i.name, i.contact?.displayName ?? null, i.acceptedOn])).toEqual([
      ['Ravi Kapoor', null, null],
      ['Zainab Qureshi', 'Zainab Qureshi', '2026-11-22'],
    ]);
  });
});
