import { normaliseLinkedinProfileUrl } from './normalise-linkedin-profile-url';
import type { LinkedinMessage } from './parse-messages';

export interface MessageDirection {
  /** `outbound` when the owner sent the message, otherwise `inbound`. */
  direction: 'outbound' | 'inbound';
  /** Everyone else in the message (sender and recipients), normalised, without the owner. */
  counterpartUrls: string[];
}

/** Direction of a message relative to the export owner (see `inferOwnerProfileUrl`) and the people on the other side. */
export function describeMessageDirection(message: LinkedinMessage, ownerUrl: string): MessageDirection {
  const owner = normaliseLinkedinProfileUrl(ownerUrl) ?? ownerUrl;
  const counterpartUrls: string[] = [];
  for (const url of [message.senderUrl, ...message.recipientUrls]) {
    if (url && url !== owner && !counterpartUrls.includes(url)) counterpartUrls.push(url);
  }
  return { direction: message.senderUrl === owner ? 'outbound' : 'inbound', counterpartUrls };
}
