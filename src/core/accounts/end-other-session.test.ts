import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { authenticateSession } from './authenticate';
import { endOtherSession } from './end-other-session';
import { findSessionEndReason } from './find-session-end-reason';
import { listSessions } from './list-sessions';
import { startSession } from './start-session';

describeEngines('signing another of my browsers out', (h) => {
  it('ends that session at once and remembers why, leaving the others signed in', async () => {
    const ada = await h.account('Ada');
    const here = await startSession(ada.ctx, ada.id, 'here');
    const there = await startSession(ada.ctx, ada.id, 'there');
    const third = await startSession(ada.ctx, ada.id, 'third');
    const current = (await authenticateSession(ada.ctx, here.token))?.sessionId ?? null;
    const thereId = (await authenticateSession(ada.ctx, there.token))?.sessionId as string;

    await endOtherSession(ada.ctx, thereId, current);
    expect(await authenticateSession(ada.ctx, there.token)).toBeNull();
    expect(await findSessionEndReason(ada.ctx, there.token)).toBe('signed_out_elsewhere');
    expect(await authenticateSession(ada.ctx, here.token)).not.toBeNull();
    expect(await authenticateSession(ada.ctx, third.token)).not.toBeNull();
    expect((await listSessions(ada.ctx, current)).map((s) => s.device).sort()).toEqual(['here', 'third']);
    // Ended already: nothing left to end.
    await expect(endOtherSession(ada.ctx, thereId, current)).rejects.toMatchObject({ code: 'not_found' });
  });

  it("answers another account's session exactly like a missing one, and leaves it working", async () => {
    const ada = await h.account('Ada');
    const bea = await h.account('Bea');
    const beas = await startSession(bea.ctx, bea.id, 'bea');
    const beaId = (await authenticateSession(bea.ctx, beas.token))?.sessionId as string;
    const foreign = endOtherSession(ada.ctx, beaId, null);
    await expect(foreign).rejects.toMatchObject({ code: 'not_found', message: 'session not found' });
    await expect(
      endOtherSession(ada.ctx, '01900000-0000-7000-8000-000000000000', null),
    ).rejects.toMatchObject({ code: 'not_found', message: 'session not found' });
    expect(await authenticateSession(bea.ctx, beas.token)).toEqual({ accountId: bea.id, sessionId: beaId });
    expect(await findSessionEndReason(bea.ctx, beas.token)).toBeNull();
  });

  it("refuses the asking browser's own session (it signs out instead)", async () => {
    const ada = await h.account('Ada');
    const here = await startSession(ada.ctx, ada.id, 'here');
    const current = (await authenticateSession(ada.ctx, here.token))?.sessionId as string;
    await expect(endOtherSession(ada.ctx, current, current)).rejects.toMatchObject({ code: 'conflict' });
    expect(await authenticateSession(ada.ctx, here.token)).not.toBeNull();
  });
});
