import type { OutreachItem } from '../../../contracts/outreach';
import { formatDate } from '../../ui/format';

/**
 * The contact page's line about outreach, or null when the person is not in the queue (never was, replied, closed,
 * dismissed, or already written to outside outreach): waiting for a first message, or sent and awaiting a reply.
 */
export function contactOutreachWords(item: OutreachItem | null): string | null {
  if (!item || item.closedAt !== null) return null;
  switch (item.state) {
    case 'queued':
      return item.writtenOutside ? null : 'In your outreach queue: waiting for a first message.';
    case 'sent':
      return item.followUpDue
        ? `Outreach message sent ${formatDate(item.sentAt)}, no reply yet: a follow-up is due.`
        : `Outreach message sent ${formatDate(item.sentAt)}, awaiting a reply.`;
    case 'followed-up':
      return `Outreach follow-up sent ${formatDate(item.followedUpAt)}, awaiting a reply.`;
    default:
      return null;
  }
}
