import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './common';

const messageOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? 'ok' : r.error.issues[0]?.message;
};

describe('validation messages in plain words', () => {
  it('say the bound a number, a text or a list broke', () => {
    const days = z.number().int().min(1).max(3650);
    expect(messageOf(days, 0)).toBe('must be at least 1');
    expect(messageOf(days, 99_999)).toBe('must be at most 3,650');
    expect(messageOf(z.number().positive(), 0)).toBe('must be more than 0');
    expect(messageOf(z.string().max(5000), 'x'.repeat(20_000))).toBe('must be at most 5,000 characters long');
    expect(messageOf(z.string().min(1), '')).toBe('cannot be empty');
    expect(messageOf(z.string().min(8), 'short')).toBe('must be at least 8 characters long');
    expect(messageOf(z.array(z.string()).max(2), ['a', 'b', 'c'])).toBe('can hold at most 2');
  });

  it('say what a date, an address or a choice must look like', () => {
    expect(messageOf(z.iso.date(), '2027-02-31')).toBe('is not a date (YYYY-MM-DD) that exists');
    expect(messageOf(z.iso.datetime(), 'tomorrow')).toMatch(/^is not a date and time \(ISO 8601/);
    expect(messageOf(z.email(), 'ada')).toBe('is not an e-mail address');
    expect(messageOf(z.enum(['met', 'called']), 'sang')).toBe('must be one of "met", "called"');
    expect(messageOf(z.object({ name: z.string() }), {})).toBe('is required');
    expect(messageOf(z.string(), 42)).toBe('must be text');
  });

  it("leave a schema's own message alone", () => {
    expect(messageOf(z.string().regex(/^[A-Z]{2}$/, 'is not a country code'), 'GBR')).toBe(
      'is not a country code',
    );
  });
});
