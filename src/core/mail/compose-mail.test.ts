import { describe, expect, it } from 'vitest';
import { composeMail, escapeHtml } from './compose-mail';

describe('composeMail', () => {
  it('escapes every value in the HTML, keeps line breaks, quotes and links', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
    const mail = composeMail({ name: 'Ada', address: 'ada@example.test' }, 'Hi', [
      'Line one\nline <two>',
      { quote: 'Said\nthis' },
      { link: 'https://r.example/x?a=1&b=2', label: 'Open' },
    ]);
    expect(mail.text).toBe('Line one\nline <two>\n\n> Said\n> this\n\nOpen: https://r.example/x?a=1&b=2\n');
    expect(mail.html).toContain('<p>Line one<br>line &lt;two&gt;</p>');
    expect(mail.html).toContain('Said<br>this</blockquote>');
    expect(mail.html).toContain('<p><a href="https://r.example/x?a=1&amp;b=2">Open</a></p>');
  });
});
