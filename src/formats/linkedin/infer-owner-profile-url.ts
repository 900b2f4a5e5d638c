import { normaliseLinkedinProfileUrl } from './normalise-linkedin-profile-url';
import type { LinkedinMessage } from './parse-messages';

export interface InferOwnerOptions {
  /**
   * Whether a (normalised) profile URL is one of the owner's connections: this export's Connections.csv, or a
   * contact an earlier one made. Nobody is their own connection, so such a URL is never the owner.
   */
  isConnection?: (url: string) => boolean;
  /** The owner's profile URL as known before this export (an earlier import found it). */
  knownOwnerUrl?: string;
  /** Share of the conversations the owner must take part in; 0.8 by default. */
  minShare?: number;
}

/**
 * The export owner's profile URL, from three kinds of evidence, each of which must take part in nearly every
 * conversation (at least `minShare` of them):
 * - the one URL taking part (as sender or recipient) in the most conversations;
 * - the owner's URL already known to the account;
 * - in a conversation between two people of whom exactly one is a connection, the other one (a single
 *   conversation with a connection has no other evidence: both take part in everything); group conversations,
 *   and those whose recipients are not known, say nothing.
 * Undefined when there is no evidence, when two kinds point at different people, or when the URL found is a
 * connection: the messages would go to the wrong person with the wrong direction, so never a guess.
 */
export function inferOwnerProfileUrl(
  messages: LinkedinMessage[],
  options: InferOwnerOptions = {},
): string | undefined {
  const isConnection = options.isConnection ?? (() => false);
  const byConversation = new Map<string, Set<string>>();
  // Conversations whose every message went from one profile to one person: only there is "the other one" known.
  // Without recipient URLs (files before 2023) a group where the owner never wrote looks like two people.
  const notOneToOne = new Set<string>();
  for (const m of messages) {
    let people = byConversation.get(m.conversationId);
    if (!people) {
      people = new Set();
      byConversation.set(m.conversationId, people);
    }
    if (m.senderUrl) people.add(m.senderUrl);
    for (const url of m.recipientUrls) people.add(url);
    const recipients = m.recipientUrls.length > 0 ? m.recipientUrls.length : m.toNames.length;
    if (!m.senderUrl || recipients !== 1) notOneToOne.add(m.conversationId);
  }
  const count = new Map<string, number>();
  for (const people of byConversation.values()) {
    for (const url of people) count.set(url, (count.get(url) ?? 0) + 1);
  }
  const needed = Math.max(1, (options.minShare ?? 0.8) * byConversation.size);
  const inEnough = (url: string) => (count.get(url) ?? 0) >= needed;

  const candidates = new Set<string>();
  const mostPresent = mostFrequent(count);
  if (mostPresent && inEnough(mostPresent)) candidates.add(mostPresent);
  const known = options.knownOwnerUrl ? normaliseLinkedinProfileUrl(options.knownOwnerUrl) : undefined;
  if (known && inEnough(known)) candidates.add(known);
  const byConnections = new Set<string>();
  for (const [conversation, people] of byConversation) {
    if (people.size !== 2 || notOneToOne.has(conversation)) continue;
    const [a, b] = [...people] as [string, string];
    const [aLinked, bLinked] = [isConnection(a), isConnection(b)];
    if (aLinked !== bLinked) byConnections.add(aLinked ? b : a);
  }
  // Two-person conversations that disagree on who the owner is say nothing.
  const [onlyOne] = byConnections;
  if (byConnections.size === 1 && onlyOne && inEnough(onlyOne)) candidates.add(onlyOne);

  const [owner] = candidates;
  if (candidates.size !== 1 || !owner || isConnection(owner)) return undefined;
  return owner;
}

/** The URL counted most often; undefined when none is, or on a tie for first place. */
function mostFrequent(count: Map<string, number>): string | undefined {
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
  return best && bestCount > runnerUp ? best : undefined;
}
