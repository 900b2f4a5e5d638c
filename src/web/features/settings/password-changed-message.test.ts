import { describe, expect, it } from 'vitest';
import { passwordChangedMessage } from './password-changed-message';

describe('passwordChangedMessage', () => {
  it('says that API tokens still work, and how many, instead of "other devices have been signed out"', () => {
    expect(passwordChangedMessage(2)).toBe(
      'Password changed. Other browsers were signed out; your 2 API tokens still work — revoke any you no longer trust under API tokens.',
    );
    expect(passwordChangedMessage(1)).toBe(
      'Password changed. Other browsers were signed out; your API token still works — revoke it under API tokens if you no longer trust it.',
    );
    expect(passwordChangedMessage(0)).toBe('Password changed. Other browsers were signed out.');
    expect(passwordChangedMessage(undefined)).toContain('any API tokens still work');
    for (const n of [undefined, 0, 1, 2]) expect(passwordChangedMessage(n)).not.toContain('devices');
  });
});
