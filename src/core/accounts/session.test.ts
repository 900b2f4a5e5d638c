import { describe, expect, it } from 'vitest';
import { describeDevice, signedOutError } from './session';

describe('describeDevice', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      'Edge on Windows',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
      'Safari on macOS',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      'Chrome on Android',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox on Linux'],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      'Chrome on Linux',
    ],
    ['curl/8.5.0', 'curl/8.5.0'],
    [`odd-client/${'x'.repeat(100)}`, `odd-client/${'x'.repeat(49)}`],
    ['   ', null],
    [null, null],
  ])('%s → %s', (ua, device) => {
    expect(describeDevice(ua)).toBe(device);
  });
});

describe('signedOutError', () => {
  it('is a 401 that says why, with the reason in its details', () => {
    expect(signedOutError('password_changed')).toMatchObject({
      code: 'unauthenticated',
      message: expect.stringContaining('password was changed'),
      details: { reason: 'password_changed' },
    });
    expect(signedOutError('signed_out_elsewhere')).toMatchObject({
      code: 'unauthenticated',
      message: expect.stringContaining('from another device'),
      details: { reason: 'signed_out_elsewhere' },
    });
  });
});
