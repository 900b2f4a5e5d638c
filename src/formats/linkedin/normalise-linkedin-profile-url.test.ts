import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseLinkedinUrl } from '../../core/contacts/contact';
import { normaliseLinkedinProfileUrl } from './normalise-linkedin-profile-url';

describe('normaliseLinkedinProfileUrl', () => {
  it('lower-cases, drops the trailing slash, query and fragment, adds the scheme and www', () => {
    expect(normaliseLinkedinProfileUrl('https://www.linkedin.com/in/ada-quill')).toBe(
      'https://www.linkedin.com/in/ada-quill',
    );
    expect(normaliseLinkedinProfileUrl('https://www.linkedin.com/in/ada-quill/')).toBe(
      'https://www.linkedin.com/in/ada-quill',
    );
    expect(normaliseLinkedinProfileUrl(' HTTP://DE.LinkedIn.com/in/Ada-Quill/?trk=abc#x ')).toBe(
      'https://www.linkedin.com/in/ada-quill',
    );
    expect(normaliseLinkedinProfileUrl('www.linkedin.com/in/j%C3%BCrgen-m')).toBe(
      'https://www.linkedin.com/in/j%C3%BCrgen-m',
    );
    expect(normaliseLinkedinProfileUrl('https://example.com/in/ada')).toBeUndefined();
    expect(normaliseLinkedinProfileUrl('https://www.linkedin.com/company/acme')).toBeUndefined();
    expect(normaliseLinkedinProfileUrl('')).toBeUndefined();
    // Dot segments are resolved away by URL parsing, as core does.
    expect(normaliseLinkedinProfileUrl('https://www.linkedin.com/in/.')).toBeUndefined();
    expect(normaliseLinkedinProfileUrl('https://www.linkedin.com/in/../ada')).toBeUndefined();
    expect(normaliseLinkedinProfileUrl('https://www.linkedin.com/in/.ada/')).toBe(
      'https://www.linkedin.com/in/.ada',
    );
  });

  it("gives the same key as core's normaliseLinkedinUrl, fast path or not", () => {
    const slug = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9%._~-]{1,20}$/),
      fc.constantFrom('.', '..', '.a', 'a.', '%2e'),
    );
    const url = fc.tuple(
      fc.constantFrom('https://www.', 'http://', 'https://de.', 'www.', 'HTTPS://WWW.', ''),
      fc.constantFrom('linkedin.com', 'LinkedIn.com', 'example.com'),
      fc.constantFrom('/in/', '/IN/', '/pub/'),
      slug,
      fc.constantFrom('', '/', '?trk=1', '/details/'),
    );
    fc.assert(
      fc.property(url, (parts) => {
        const raw = parts.join('');
        expect(normaliseLinkedinProfileUrl(raw)).toBe(normaliseLinkedinUrl(raw) ?? undefined);
      }),
      { numRuns: 3000 },
    );
  });
});
