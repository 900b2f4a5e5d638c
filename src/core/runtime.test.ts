import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from './runtime';

describe('settings from the environment', () => {
  it('links name this server as it listens when BASE_URL is not set', () => {
    expect(settingsFromEnv({}).publicUrl).toBe('http://localhost:3000');
    expect(settingsFromEnv({ PORT: '3411' }).publicUrl).toBe('http://localhost:3411');
    expect(settingsFromEnv({ PORT: '3411', HOST: '0.0.0.0' }).publicUrl).toBe('http://localhost:3411');
    expect(settingsFromEnv({ PORT: '8080', HOST: 'rapport.lan' }).publicUrl).toBe('http://rapport.lan:8080');
    expect(settingsFromEnv({ PORT: '8080', HOST: '::1' }).publicUrl).toBe('http://[::1]:8080');
    expect(settingsFromEnv({ PORT: '8080', BASE_URL: 'https://rapport.example.org/' }).publicUrl).toBe(
      'https://rapport.example.org',
    );
  });
  it('refuses a BASE_URL that is not an http(s) address, naming the variable', () => {
    for (const bad of ['rapport.example.org', '/', 'ftp://rapport.example.org', 'https://x.org/?a=1'])
      expect(() => settingsFromEnv({ BASE_URL: bad })).toThrow(
        `BASE_URL must be the public address of this server`,
      );
    expect(settingsFromEnv({ BASE_URL: 'https://example.org/rapport/' }).publicUrl).toBe(
      'https://example.org/rapport',
    );
  });
});
