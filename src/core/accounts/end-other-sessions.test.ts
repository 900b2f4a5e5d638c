import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { authenticateSession } from './authenticate';
import { endOtherSessions } from './end-other-sessions';
import { findSessionEndReason } from './find-session-end-reason';
import { startSession } from './start-session';

describeEngines('signing out everywhere else', (h) => {
  it('ends every other session of mine, keeps the current one and other accounts’ sessions', async () => {
    const ada = await h.account('Ada');
    const bea = await h.account('Bea');
    const here = await startSession(ada.ctx, ada.id, 'here');
    const others = [await startSession(ada.ctx, ada.id, 'a'), await startSession(ada.ctx, ada.id, 'b')];
    const beas = await startSession(bea.ctx, bea.id, 'bea');
    const current = (await authenticateSession(ada.ctx, here.token))?.sessionId ?? null;

    expect(await endOtherSessions(ada.ctx, current)).toBe(2);
    expect(await authenticateSession(ada.ctx, here.token)).not.toBeNull();
    for (const o of others) {
      expect(await authenticateSession(ada.ctx, o.token)).toBeNull();
      expect(await findSessionEndReason(ada.ctx, o.token)).toBe('signed_out_elsewhere');
    }
    expect(await authenticateSession(bea.ctx, beas.token)).not.toBeNull();
    expect(await endOtherSessions(ada.ctx, current)).toBe(0);
  });
});
