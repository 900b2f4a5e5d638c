import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';
import { unsubscribeKeyOf } from '../../core/digest/digest.queries';
import { unsubscribeUrl } from '../../core/digest/unsubscribe-from-digest';

describe.each(ENGINES)('digest unsubscribe link [%s]', (engine) => {
  const server = serveForTests(engine, { app: { feedLimit: { max: 1000, timeWindow: 60_000 } } });

  async function subscribed() {
    const u = await server.user();
    await u.patch('/api/v1/settings', { digestEnabled: true });
    const key = (await unsubscribeKeyOf(server.handle().db, u.accountId)) as string;
    const path = new URL(unsubscribeUrl('http://x.test', u.accountId, key)).pathname;
    return { u, path };
  }

  it('GET only asks; a one-click POST (RFC 8058) turns the digest off', async () => {
    const { u, path } = await subscribed();
    const page = await fetch(`${server.base()}${path}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<form method="post">');
    expect((await u.get('/api/v1/settings')).body.digestEnabled).toBe(true);

    const post = await fetch(`${server.base()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);
    expect(await post.text()).toContain('The daily digest is off');
    expect((await u.get('/api/v1/settings')).body.digestEnabled).toBe(false);
    expect(server.logs.join('')).not.toContain(path.split('/').pop());
  });

  it('a wrong, foreign or retired link changes nothing', async () => {
    const { u, path } = await subscribed();
    const other = await subscribed();
    const token = path.split('/').pop() as string;
    const post = (p: string) =>
      fetch(`${server.base()}${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
    expect((await post(`/digest/unsubscribe/${other.u.accountId}/${token}`)).status).toBe(404);
    expect((await post(`/digest/unsubscribe/not-an-id/${token}`)).status).toBe(404);
    expect((await post(path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).status).toBe(404);
    // A new password retires the links in older digests.
    await u.post('/api/v1/auth/password', {
      currentPassword: u.password,
      newPassword: 'another long password',
    });
    expect((await post(path)).status).toBe(404);
    expect((await u.get('/api/v1/settings')).body.digestEnabled).toBe(true);
    expect((await other.u.get('/api/v1/settings')).body.digestEnabled).toBe(true);
  });
});
