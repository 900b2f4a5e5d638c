import { isUuid } from '../contracts/common';
import type { Connection, Invite } from '../contracts/network';
import { type Ctx, requireActor } from '../core/context';
import { AppError } from '../core/errors';
import { accountsOfContacts } from '../core/network/already-connected';
import { listConnections } from '../core/network/list-connections';
import { fold } from '../core/text/fold';
import { table } from './output';

type State = 'accepted' | 'incoming' | 'outgoing';

/** Every connection or request of the actor in these states (the CLI lists them all; people have hundreds, not millions). */
export async function allConnections(ctx: Ctx, states: State[]): Promise<Connection[]> {
  const out: Connection[] = [];
  for (const state of states) {
    let cursor: string | undefined;
    do {
      const page = await listConnections(ctx, { state, limit: 200, ...(cursor ? { cursor } : {}) });
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return out;
}

/**
 * The connection or request named by `ref`: its id, the other account's id, the id of my contact for them, the
 * inviter's email (incoming), the account's name, or text found in exactly one name. None is `not_found`; several is `validation` with candidates.
 */
export async function resolveConnection(ctx: Ctx, ref: string, states: State[]): Promise<Connection> {
  const all = await allConnections(ctx, states);
  const r = ref.trim();
  const key = fold(r).trim();
  // The id of my contact for them (what `rapport search` and `show` print) names the account it stands for too.
  const asContact = isUuid(r) ? (await accountsOfContacts(ctx.db, requireActor(ctx), [r])).get(r) : undefined;
  const exact = all.filter(
    (c) =>
      c.id === r ||
      c.account.id === r ||
      c.account.id === asContact?.id ||
      c.email?.toLowerCase() === r.toLowerCase(),
  );
  const byName = all.filter((c) => fold(c.account.name).trim() === key);
  const partial = key ? all.filter((c) => fold(c.account.name).includes(key)) : [];
  const hits = exact.length > 0 ? exact : byName.length > 0 ? byName : partial;
  if (hits.length === 1) return hits[0] as Connection;
  if (hits.length === 0) throw new AppError('not_found', `no connection or request matches "${ref}"`);
  throw new AppError(
    'validation',
    `ambiguous: "${ref}" matches ${hits.length} people; use one of these ids`,
    {
      candidates: hits.map((c) => ({ id: c.id, name: c.account.name, status: c.status })),
    },
  );
}

/** Looks like a one-time link or its secret, not a name. */
export function isInviteLink(ref: string): boolean {
  return /\/connect\//.test(ref) || /^[A-Za-z0-9_-]{32}$/.test(ref.trim());
}

const STATUS_WORDS: Record<Connection['status'], string> = {
  accepted: 'connected',
  incoming: 'asks you',
  outgoing: 'waiting for them',
  declined: 'declined',
};

export function connectionTable(items: Connection[]): string {
  return table(
    ['ID', 'NAME', 'STATUS', 'SINCE', 'DETAIL'],
    items.map((c) => [
      c.id,
      c.account.name,
      STATUS_WORDS[c.status],
      (c.respondedAt ?? c.createdAt).slice(0, 10),
      c.status === 'accepted'
        ? [c.headline, c.organisation].filter(Boolean).join(' · ')
        : c.status === 'incoming'
          ? [c.email, c.emailVerified ? '(verified)' : '(unverified)', c.message].filter(Boolean).join(' ')
          : c.message,
    ]),
  );
}

export function inviteTable(items: Invite[]): string {
  return table(
    ['ID', 'TO', 'STATUS', 'CREATED', 'EXPIRES', 'USED BY'],
    items.map((i) => [
      i.id,
      i.email ?? '(link)',
      i.status,
      i.createdAt.slice(0, 10),
      i.expiresAt.slice(0, 10),
      i.usedBy?.name,
    ]),
  );
}
