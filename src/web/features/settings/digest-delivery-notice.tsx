import type { AccountSettings } from '../../api/types';
import { formatDate, formatDateTime, plural } from '../../ui/format';

export const DIGEST_NOTICE_ID = 'settings-digest-delivery';

type Delivery = Pick<AccountSettings, 'mailConfigured' | 'lastDigest'>;

/** Whether DigestDeliveryNotice has anything to say (the switch is only described by it then). */
export function hasDigestNotice(settings: Delivery, enabled: boolean): boolean {
  const status = settings.lastDigest?.status;
  return !settings.mailConfigured || status === 'failed' || (enabled && status === 'sent');
}

/**
 * Whether the daily digest can actually arrive: a server without mail never sends it, and a failed send would
 * otherwise show only in the server's log. Said next to the switch, which stays usable (mail may come later).
 */
export function DigestDeliveryNotice({ settings, enabled }: { settings: Delivery; enabled: boolean }) {
  const last = settings.lastDigest;
  if (!hasDigestNotice(settings, enabled)) return null;
  return (
    <div id={DIGEST_NOTICE_ID} className="stack">
      {settings.mailConfigured ? null : (
        <div className="alert alert--warning">
          <p>
            <strong>This server cannot send e-mail</strong>, so the daily digest will not arrive
            {enabled ? ' even though it is on' : ''}. Its administrator turns e-mail on by setting{' '}
            <code>SMTP_URL</code> (the mail server) and <code>MAIL_FROM</code> (the sender) and restarting
            Rapport.
          </p>
        </div>
      )}
      {last?.status === 'failed' ? (
        <div className="alert alert--error">
          <p>
            <strong>The last digest could not be sent</strong> ({formatDateTime(last.at)}): {last.error}
          </p>
        </div>
      ) : null}
      {enabled && last?.status === 'sent' ? (
        <p className="muted">
          {last.items === 0
            ? `Nothing was on Today on ${formatDate(last.day)}, so no digest was sent.`
            : `Last digest: ${plural(last.items, 'item')}, sent ${formatDateTime(last.at)}.`}
        </p>
      ) : null}
    </div>
  );
}
