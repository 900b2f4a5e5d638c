import type { LinkedinMessage } from './parse-messages';

/**
 * The export owner's profile URL: the one URL taking part (as sender or recipient) in nearly every conversation
 * (at least `minShare`, 0.8 by default). Undefined when no URL stands out, e.g. a single conversation between two
 * people, where both take part in everything.
 */
export function inferOwnerProfileUrl(messages: LinkedinMessage[], minShare = 0.8): string | undefined {
  const byConversation = new Map<string, Set<string>>();
  for (const m of messages) {
    let people = byConversation.get(m.conversationId);
    if (!people) {
      people = new Set();
      byConversation.set(m.conversationId, people);
    }
    if (m.senderUrl) people.add(m.senderUrl);
    for (const url of m.recipientUrls) people.add(url);
  }
  const count = new Map<string, number>();
  for (const people of byConversation.values()) {
    for (const url of people) count.set(url, (count.get(url) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  let runnerUp = 0;
  for (const [url, n] of count) {
    if (n > bestCount) {
      runnerUp = bestCount;
      best = url;
      bestCount = n;
    } else if (n > runnerUp) runnerUp = n;
  }
  if (!best || bestCount === runnerUp) return undefined;
  return bestCount >= Math.max(1, minShare * byConversation.size) ? best : undefined;
}
