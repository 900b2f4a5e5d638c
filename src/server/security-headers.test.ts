import { describe, expect, it } from 'vitest';
import { serveForTests } from '../../test/http';

const EXPECTED: Record<string, string> = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'none';img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/** Every response carries the same security headers: answers, refusals, errors and unknown paths alike. */
describe('security headers', () => {
  const plain = serveForTests('sqlite');
  const https = serveForTests('sqlite', { app: { baseUrl: 'https://rapport.example' } });

  it('sends them on an answer, a refusal and a 404, and no HSTS over plain HTTP', async () => {
    const u = await plain.user();
    const answers = [
      await u.get('/api/v1/today'),
      await plain.anonymous().get('/api/v1/today'),
      await u.get('/api/v1/no-such-route'),
      await plain.anonymous().get('/api/v1/health'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 200]);
    for (const r of answers) {
      for (const [name, value] of Object.entries(EXPECTED)) expect(r.headers.get(name), name).toBe(value);
      expect(r.headers.get('strict-transport-security')).toBeNull();
      expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('adds HSTS when the server is published over HTTPS', async () => {
    const r = await https.anonymous().get('/api/v1/health');
    expect(r.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(r.headers.get('content-security-policy')).toBe(EXPECTED['content-security-policy']);
  });

  it('lets the API docs page style itself inline, and nothing else inline', async () => {
    for (const path of ['/api/docs/', '/api/docs/static/index.html']) {
      const r = await plain.anonymous().get(path);
      expect(r.status, path).toBe(200);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    }
  });
});
