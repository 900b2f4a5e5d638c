import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { DAY_MS } from '../clock';
import { authenticateSession } from './authenticate';
import { changePassword } from './change-password';
import { endOtherSession } from './end-other-session';
import { endSession } from './end-session';
import { findSessionEndReason } from './find-session-end-reason';
import { purgeExpiredSessions } from './purge-expired-sessions';
import { setPassword } from './set-password';
import { startSession } from './start-session';

describeEngines('telling a signed-out browser why', (h) => {
  it('says a password change ended it, whether the owner or the operator changed it', async () => {
    const ada = await h.account('Ada');
    const other = await startSession(ada.ctx, ada.id, 'other');
    await changePassword(ada.ctx, { currentPassword: 'a long password', newPassword: 'a new long password' });
    expect(await authenticateSession(ada.ctx, other.token)).toBeNull();
    expect(await findSessionEndReason(ada.ctx, other.token)).toBe('password_changed');

    const later = await startSession(ada.ctx, ada.id, 'later');
    await setPassword(h.ctx(), ada.email, 'the operator’s choice');
    expect(await authenticateSession(ada.ctx, later.token)).toBeNull();
    expect(await findSessionEndReason(ada.ctx, later.token)).toBe('password_changed');
  });

  it('has nothing to say about a browser that signed itself out, or a token it never issued', async () => {
    const ada = await h.account('Ada');
    const own = await startSession(ada.ctx, ada.id, 'own');
    await endSession(ada.ctx, own.token);
    expect(await findSessionEndReason(ada.ctx, own.token)).toBeNull();
    expect(await findSessionEndReason(ada.ctx, 'never-issued')).toBeNull();
    const live = await startSession(ada.ctx, ada.id, 'live');
    expect(await findSessionEndReason(ada.ctx, live.token)).toBeNull();
  });

  it('keeps an ended session for a week only: housekeeping then forgets it', async () => {
    const ada = await h.account('Ada');
    // Early enough that the purge below, on the shared database, touches no other test's sessions.
    ada.ctx.clock.set('2026-11-10T09:00:00.000Z');
    const early = await startSession(ada.ctx, ada.id, 'early');
    const live = await startSession(ada.ctx, ada.id, 'live');
    await endOtherSession(
      ada.ctx,
      (await authenticateSession(ada.ctx, early.token))?.sessionId as string,
      null,
    );
    ada.ctx.clock.advance(2 * DAY_MS);
    const late = await startSession(ada.ctx, ada.id, 'late');
    await endOtherSession(
      ada.ctx,
      (await authenticateSession(ada.ctx, late.token))?.sessionId as string,
      null,
    );

    ada.ctx.clock.advance(6 * DAY_MS); // the first ended 8 days ago, the second 6
    expect(await findSessionEndReason(ada.ctx, early.token)).toBeNull();
    expect(await findSessionEndReason(ada.ctx, late.token)).toBe('signed_out_elsewhere');
    expect(await purgeExpiredSessions(ada.ctx)).toBeGreaterThanOrEqual(1);
    const rows = await h
      .handle()
      .db.selectFrom('sessions')
      .select('user_agent')
      .where('account_id', '=', ada.id)
      .orderBy('user_agent')
      .execute();
    expect(rows.map((r) => r.user_agent)).toEqual(['late', 'live']);
    expect(await authenticateSession(ada.ctx, live.token)).not.toBeNull();
  });
});
