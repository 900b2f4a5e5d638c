import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const h = await hashPassword('correct horse battery', { N: 1024 });
    expect(h).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', h)).toBe(true);
    expect(await verifyPassword('correct horse batterY', h)).toBe(false);
  });
  it('salts every hash differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same', { N: 1024 }), hashPassword('same', { N: 1024 })]);
    expect(a).not.toBe(b);
  });
  it('treats a malformed hash as a mismatch', async () => {
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
  });
});
