import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AccountSettings } from '../../api/types';
import { DigestDeliveryNotice, hasDigestNotice } from './digest-delivery-notice';

type Delivery = Pick<AccountSettings, 'mailConfigured' | 'lastDigest'>;
const failed: Delivery['lastDigest'] = {
  day: '2026-11-25',
  status: 'failed',
  items: 0,
  at: '2026-11-25T07:00:00.000Z',
  error: '451 Mailbox busy, try later',
};
const sent: Delivery['lastDigest'] = { ...failed, status: 'sent', items: 4, error: null };
const render = (settings: Delivery, enabled: boolean) =>
  renderToStaticMarkup(createElement(DigestDeliveryNotice, { settings, enabled }));

describe('DigestDeliveryNotice', () => {
  it('says a server without mail never sends the digest, and what the administrator sets', () => {
    const off = render({ mailConfigured: false, lastDigest: null }, false);
    expect(off).toContain('This server cannot send e-mail');
    expect(off).toContain('<code>SMTP_URL</code>');
    expect(off).toContain('<code>MAIL_FROM</code>');
    expect(off).not.toContain('even though it is on');
    expect(render({ mailConfigured: false, lastDigest: null }, true)).toContain('even though it is on');
  });

  it('shows the error of a failed send, even with the digest now off', () => {
    for (const enabled of [true, false]) {
      const html = render({ mailConfigured: true, lastDigest: failed }, enabled);
      expect(html).toContain('The last digest could not be sent');
      expect(html).toContain('451 Mailbox busy, try later');
      expect(html).not.toContain('cannot send e-mail');
    }
  });

  it('confirms the last digest while it is on, and is silent when there is nothing to say', () => {
    expect(render({ mailConfigured: true, lastDigest: sent }, true)).toContain('Last digest: 4 items, sent');
    expect(render({ mailConfigured: true, lastDigest: { ...sent, items: 0 } }, true)).toContain(
      'so no digest was sent',
    );
    expect(render({ mailConfigured: true, lastDigest: sent }, false)).toBe('');
    expect(render({ mailConfigured: true, lastDigest: null }, true)).toBe('');
    expect(hasDigestNotice({ mailConfigured: true, lastDigest: null }, true)).toBe(false);
    expect(hasDigestNotice({ mailConfigured: true, lastDigest: { ...sent, status: 'sending' } }, true)).toBe(
      false,
    );
    expect(hasDigestNotice({ mailConfigured: false, lastDigest: null }, false)).toBe(true);
  });
});
