import { describe, expect, it } from 'vitest';
import { describeEngines, openTestDatabase, testSettings } from '../../../test/engines';
import { systemClock } from '../clock';
import { type Ctx, silentLog } from '../context';
import { AppError } from '../errors';
import { uuidIds } from '../ids';
import { createAccount } from './create-account';
import { resolveAccount } from './resolve-account';

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describeEngines('resolveAccount by email', (h) => {
  it('finds the account case- and space-insensitively', async () => {
    const { id, email } = await h.account('Ana');
    expect(await resolveAccount(h.ctx(), `  ${email.toUpperCase()} `)).toMatchObject({
      id,
      email,
      name: 'Ana',
    });
  });
  it('answers not_found for an unknown email', async () => {
    const err = await failure(resolveAccount(h.ctx(), 'nobody-here@example.test'));
    expect(err.code).toBe('not_found');
    expect(err.message).toContain('nobody-here@example.test');
  });
});

// "The only account" needs a database of its own: the shared PostgreSQL holds every test's accounts.
describe('resolveAccount without an email', () => {
  it('needs an account, takes the only one, and asks which when there are several', async () => {
    const handle = await openTestDatabase('sqlite');
    const ctx: Ctx = {
      db: handle.db,
      engine: 'sqlite',
      actor: null,
      clock: systemClock,
      ids: uuidIds,
      log: silentLog,
      settings: testSettings,
      mailer: null,
    };
    try {
      const none = await failure(resolveAccount(ctx, undefined));
      expect(none.code).toBe('unauthenticated');
      expect(none.message).toContain('rapport account create');

      const ana = await createAccount(ctx, {
        email: 'ana@example.test',
        password: 'a long password',
        name: 'Ana',
      });
      expect(await resolveAccount(ctx, undefined)).toEqual(ana);
      expect(await resolveAccount(ctx, '')).toEqual(ana);

      await createAccount(ctx, { email: 'bob@example.test', password: 'a long password', name: 'Bob' });
      const several = await failure(resolveAccount(ctx, undefined));
      expect(several.code).toBe('validation');
      expect(several.message).toContain('--account EMAIL');
      expect(several.details).toMatchObject({
        issues: [{ path: 'account' }],
        accounts: ['ana@example.test', 'bob@example.test'],
      });
    } finally {
      await handle.close();
    }
  });
});
