import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { DAY_MS } from '../clock';
import { authenticateSession } from './authenticate';
import { endSession } from './end-session';
import { listSessions } from './list-sessions';
import { startSession } from './start-session';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

describeEngines('listing my signed-in browsers', (h) => {
  it('lists my live sessions, the last seen first, marks the current one, and never shows their tokens', async () => {
    const ada = await h.account('Ada');
    const laptop = await startSession(ada.ctx, ada.id, FIREFOX);
    ada.ctx.clock.advance(10 * 60_000);
    const phone = await startSession(ada.ctx, ada.id, IPHONE);
    ada.ctx.clock.advance(10 * 60_000);
    const bare = await startSession(ada.ctx, ada.id, null);

    const list = await listSessions(ada.ctx, null);
    expect(list.map((s) => s.device)).toEqual([null, 'Safari on iOS', 'Firefox on Linux']);
    expect(list[2]).toEqual({
      id: expect.any(String),
      createdAt: '2026-11-25T09:00:00.000Z',
      lastSeenAt: '2026-11-25T09:00:00.000Z',
      expiresAt: '2026-12-25T09:00:00.000Z',
      device: 'Firefox on Linux',
      current: false,
    });
    expect(list.some((s) => s.current)).toBe(false);
    const phoneId = (await authenticateSession(ada.ctx, phone.token))?.sessionId ?? null;
    const marked = await listSessions(ada.ctx, phoneId);
    expect(marked.filter((s) => s.current).map((s) => s.device)).toEqual(['Safari on iOS']);
    const text = JSON.stringify(marked);
    for (const token of [laptop.token, phone.token, bare.token]) expect(text).not.toContain(token);
  });

  it('leaves out sessions that were signed out or expired, and those of other accounts', async () => {
    const ada = await h.account('Ada');
    const bea = await h.account('Bea');
    const old = await startSession(ada.ctx, ada.id, FIREFOX);
    ada.ctx.clock.advance(20 * DAY_MS);
    const gone = await startSession(ada.ctx, ada.id, IPHONE);
    await endSession(ada.ctx, gone.token);
    const kept = await startSession(ada.ctx, ada.id, IPHONE);
    await startSession(bea.ctx, bea.id, FIREFOX);
    ada.ctx.clock.advance(11 * DAY_MS); // past the first session's 30 days
    expect(await authenticateSession(ada.ctx, old.token)).toBeNull();
    const list = await listSessions(ada.ctx, null);
    expect(list).toHaveLength(1);
    expect((await authenticateSession(ada.ctx, kept.token))?.sessionId).toBe(list[0]?.id);
  });

  it('needs a signed-in actor', async () => {
    await expect(listSessions(h.ctx(), null)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
