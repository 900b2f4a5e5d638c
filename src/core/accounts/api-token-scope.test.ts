import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEngines, openOwnDatabase, testContext } from '../../../test/engines';
import { actingAs } from '../context';
import * as m0030 from '../db/migrations/0030-api-token-scopes';
import { readOnlyTokenError, tokenMayUse } from './api-token-scope';
import { authenticateApiToken, authenticateAppPassword } from './authenticate';
import { createAccount } from './create-account';
import { createApiToken } from './create-api-token';
import { listApiTokens } from './list-api-tokens';

describe('tokenMayUse', () => {
  it('lets a read-only token read (API and CardDAV) and nothing else; a full token anything', () => {
    for (const m of ['GET', 'HEAD', 'OPTIONS', 'PROPFIND', 'REPORT', 'get'])
      expect(tokenMayUse('read', m)).toBe(true);
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE', 'MKCOL', 'PROPPATCH', 'MOVE', 'COPY', 'LOCK'])
      expect([m, tokenMayUse('read', m)]).toEqual([m, false]);
    for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) expect(tokenMayUse('full', m)).toBe(true);
  });

  it('refuses with 403 forbidden, reason read_only', () => {
    expect(readOnlyTokenError()).toMatchObject({ code: 'forbidden', details: { reason: 'read_only' } });
    expect(readOnlyTokenError().message).toMatch(/^this token is read-only/);
  });
});

describeEngines('API token scopes', (h) => {
  it('a token is full unless asked for read; authentication says which, also as a CardDAV app password', async () => {
    const { ctx, email } = await h.account();
    const full = await createApiToken(ctx, { name: 'script' });
    const read = await createApiToken(ctx, { name: 'dashboard', scope: 'read' });
    expect([full.scope, read.scope]).toEqual(['full', 'read']);
    // Same clock tick for both: compare by name, not by the list's newest-first order.
    const listed = (await listApiTokens(ctx)).map((t) => [t.name, t.scope]).sort();
    expect(listed).toEqual([
      ['dashboard', 'read'],
      ['script', 'full'],
    ]);
    expect(await authenticateApiToken(h.ctx(), full.token)).toEqual({
      accountId: ctx.actor?.accountId,
      scope: 'full',
    });
    expect(await authenticateApiToken(h.ctx(), read.token)).toEqual({
      accountId: ctx.actor?.accountId,
      scope: 'read',
    });
    expect(await authenticateAppPassword(h.ctx(), email, read.token)).toMatchObject({ scope: 'read' });
  });

  it('refuses a scope it does not know, on the field', async () => {
    const { ctx } = await h.account();
    await expect(createApiToken(ctx, { name: 'x', scope: 'admin' as never })).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [expect.objectContaining({ path: 'scope' })] },
    });
  });
});

describe.each(['sqlite', 'postgres'] as const)('migration 0030 [%s]', (engine) => {
  it('makes every token made before a full one, and keeps out scopes it does not know', async () => {
    const handle = await openOwnDatabase(engine, 'm0030');
    try {
      const base = testContext(handle.db, engine);
      const made = await createAccount(base, {
        email: 'm@example.test',
        password: 'a long password',
        name: 'M',
      });
      const ctx = actingAs(base, made.id);
      // A token as the code before stored it: no scope column yet.
      await m0030.down(handle.db);
      await sql`INSERT INTO api_tokens (id, account_id, name, token_hash, token_prefix, created_at)
        VALUES ('01900000-0000-7000-8000-000000000030', ${made.id}, 'old phone', 'hash-of-old', 'rpt_old', '2026-01-01T00:00:00.000Z')`.execute(
        handle.db,
      );
      await m0030.up(handle.db);
      expect((await listApiTokens(ctx)).map((t) => [t.name, t.scope])).toEqual([['old phone', 'full']]);
      await expect(
        sql`UPDATE api_tokens SET scope = 'admin' WHERE account_id = ${made.id}`.execute(handle.db),
      ).rejects.toThrow();
    } finally {
      await handle.drop();
    }
  });
});
