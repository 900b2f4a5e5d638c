import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { listContacts } from '../contacts/list-contacts';
import { exportBackup } from './export-backup';
import { restoreBackup } from './restore-backup';

// The HTTP server takes one restore at a time (ADR 26), so this race is only reached by several server processes
// sharing one database, or the CLI restoring while the server does: the account lock decides it.
describeEngines('one backup restored twice at once', (h) => {
  it('is restored once; the other finds the account no longer empty', async () => {
    const a = await h.account();
    await createContact(a.ctx, { displayName: 'Backed Up', tags: ['kept'] }, 'web');
    const backup = JSON.parse(JSON.stringify(await exportBackup(a.ctx)));
    const b = await h.account();
    const outcomes = await Promise.allSettled([restoreBackup(b.ctx, backup), restoreBackup(b.ctx, backup)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      reason: { code: 'conflict', message: expect.stringMatching(/^this account already has 1 contact/) },
    });
    expect((await listContacts(b.ctx, { q: 'backed' })).items).toHaveLength(1);
  });
});
