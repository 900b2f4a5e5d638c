import { describe, expect, it } from 'vitest';
import { readableUrl } from './readable-url';

describe('readableUrl', () => {
  it('shows letters a profile URL holds percent-encoded as letters', () => {
    expect(readableUrl('https://www.linkedin.com/in/hannah-m%C3%BCller-13')).toBe(
      'https://www.linkedin.com/in/hannah-müller-13',
    );
    expect(readableUrl('https://example.org/%E4%B8%AD%E6%96%87')).toBe('https://example.org/中文');
  });

  it('keeps as stored what decoding would change the meaning of, hide, or cannot read', () => {
    // Reserved characters stay escaped: the path does not gain a slash or a query.
    expect(readableUrl('https://example.org/a%2Fb%3Fc%23d')).toBe('https://example.org/a%2Fb%3Fc%23d');
    // A right-to-left override or a space would make the text read otherwise than the link goes.
    expect(readableUrl('https://example.org/%E2%80%AEmoc.evil')).toBe(
      'https://example.org/%E2%80%AEmoc.evil',
    );
    expect(readableUrl('https://example.org/a%20b')).toBe('https://example.org/a%20b');
    expect(readableUrl('https://example.org/%C3')).toBe('https://example.org/%C3');
    expect(readableUrl('https://example.org/plain')).toBe('https://example.org/plain');
  });
});
