import { describe, expect, it } from 'vitest';
import { linkLabel, linkText } from './link-words';

describe('web link words', () => {
  it('names LinkedIn once: the text says it, so its "LinkedIn" label is not shown again', () => {
    const u = { value: 'https://www.linkedin.com/in/ada', label: 'LinkedIn', kind: 'linkedin' as const };
    expect(linkText(u)).toBe('LinkedIn: linkedin.com/in/ada');
    expect(linkLabel(u)).toBeNull();
    expect(linkLabel({ ...u, label: 'linkedin' })).toBeNull();
  });

  it('keeps a label that adds something', () => {
    expect(
      linkLabel({ value: 'https://www.linkedin.com/in/ada', label: 'old profile', kind: 'linkedin' }),
    ).toBe('old profile');
    expect(linkLabel({ value: 'https://ada.example', label: 'blog', kind: 'web' })).toBe('blog');
    expect(linkLabel({ value: 'https://ada.example', label: null, kind: 'web' })).toBeNull();
  });
});
