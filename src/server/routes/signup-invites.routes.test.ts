import { describe, expect, it } from 'vitest';
import { ENGINES, testContext } from '../../../test/engines';
import { serveForTests } from '../../../test/http';
import { createAccount } from '../../core/accounts/create-account';

describe.each(ENGINES)('listing and revoking sign-up invites over HTTP [%s]', (engine) => {
  const server = serveForTests(engine, { settings: { signup: 'invite' } });
  let seq = 0;

  /** An account made by the operator (sign-up needs an invite here), signed in through the API. */
  async function signedIn(name: string) {
    const email = `${name.toLowerCase()}-${++seq}-${Date.now()}@example.test`;
    const h = server.handle();
    await createAccount(testContext(h.db, h.engine), { email, password: 'long enough', name });
    const c = server.anonymous();
    expect((await c.post('/api/v1/auth/login', { email, password: 'long enough' })).status).toBe(200);
    return c;
  }

  it('lists my outstanding invites without codes; a revoked code signs nobody up', async () => {
    const ada = await signedIn('Ada');
    const eve = `eve-${Date.now()}@example.test`;
    const revoked = (await ada.post('/api/v1/invites', { email: eve })).body;
    const kept = (await ada.post('/api/v1/invites', {})).body;

    const listed = await ada.get('/api/v1/invites');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual(
      expect.arrayContaining([
        {
          id: revoked.id,
          email: eve,
          createdAt: expect.any(String),
          expiresAt: revoked.expiresAt,
        },
        { id: kept.id, email: null, createdAt: expect.any(String), expiresAt: kept.expiresAt },
      ]),
    );
    expect(listed.body.items).toHaveLength(2);
    expect(JSON.stringify(listed.body)).not.toContain(revoked.code);

    const r = await ada.delete(`/api/v1/invites/${revoked.id}`);
    expect(r.status).toBe(204);
    expect((await ada.get('/api/v1/invites')).body.items.map((i: { id: string }) => i.id)).toEqual([kept.id]);

    const visitor = server.anonymous();
    expect((await visitor.post('/api/v1/invites/inspect', { code: revoked.code })).status).toBe(404);
    const refused = await visitor.post('/api/v1/auth/signup', {
      email: eve,
      password: 'long enough',
      name: 'Eve',
      inviteCode: revoked.code,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/^inviteCode: /);
    // Revoked once is gone: a second revoke is a plain 404.
    const again = await ada.delete(`/api/v1/invites/${revoked.id}`);
    expect(again.status).toBe(404);
    expect(again.body.error).toEqual({ code: 'not_found', message: 'invite not found', details: {} });
  });

  it('cannot revoke an invite that was used (it records who it let in)', async () => {
    const ada = await signedIn('Ada');
    const invite = (await ada.post('/api/v1/invites', {})).body;
    const joined = await server.anonymous().post('/api/v1/auth/signup', {
      email: `joined-${invite.id}@example.test`,
      password: 'long enough',
      name: 'Joined',
      inviteCode: invite.code,
    });
    expect(joined.status).toBe(201);
    expect((await ada.get('/api/v1/invites')).body.items).toEqual([]);
    expect((await ada.delete(`/api/v1/invites/${invite.id}`)).status).toBe(404);
  });
});
