import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { authenticateApiToken, authenticateSession } from './authenticate';
import { createApiToken } from './create-api-token';
import { logIn } from './log-in';
import { setPassword } from './set-password';
import { startSession } from './start-session';

describeEngines('the operator sets a forgotten password', (h) => {
  it('replaces the password, ends browser sessions, keeps API tokens, and says so', async () => {
    const ada = await h.account('Ada Forgetful');
    const session = await startSession(ada.ctx, ada.id, 'laptop');
    const token = await createApiToken(ada.ctx, { name: 'phone' });

    const r = await setPassword(h.ctx(), ` ${ada.email.toUpperCase()} `, 'a brand new password');
    expect(r).toEqual({ id: ada.id, email: ada.email, sessionsEnded: 1, liveApiTokens: 1 });

    await expect(logIn(h.ctx(), { email: ada.email, password: 'a long password' })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect(await logIn(h.ctx(), { email: ada.email, password: 'a brand new password' })).toMatchObject({
      id: ada.id,
    });
    expect(await authenticateSession(h.ctx(), session.token)).toBeNull();
    expect(await authenticateApiToken(h.ctx(), token.token)).toEqual({ accountId: ada.id, scope: 'full' });
  });

  it('applies the password rule and refuses an unknown account, changing nothing', async () => {
    const bea = await h.account('Bea');
    await expect(setPassword(h.ctx(), bea.email, 'short')).rejects.toMatchObject({
      code: 'validation',
      message: 'password: must be at least 8 characters',
    });
    await expect(setPassword(h.ctx(), 'nobody@example.test', 'long enough pw')).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await logIn(h.ctx(), { email: bea.email, password: 'a long password' })).toMatchObject({
      id: bea.id,
    });
  });
});
