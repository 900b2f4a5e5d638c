import type { z } from 'zod';
import type { ConnectionProfile, networkMe } from '../../contracts/network';
import { findAccountById } from '../accounts/account.queries';
import { parseJsonArray } from '../contacts/contact';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { findAccountProfile } from '../imports/import.queries';
import { areConnected, countConnections } from './connection.queries';
import { unreadCount } from './message.queries';

/** What the account's connections see of it: name, headline, organisation, and offers/needs only if it shows them. */
async function profileCard(ctx: Ctx, accountId: string): Promise<ConnectionProfile | undefined> {
  const account = await findAccountById(ctx.db, accountId);
  if (!account) return undefined;
  const p = await findAccountProfile(ctx.db, accountId);
  return {
    accountId,
    name: account.name,
    headline: p?.headline ?? null,
    organisation: p?.organisation ?? null,
    offers: p?.show_offers === 1 ? parseJsonArray<string>(p.offers) : null,
    needs: p?.show_needs === 1 ? parseJsonArray<string>(p.needs) : null,
  };
}

/** Another account's profile, for its connections only; everyone else gets `not_found`, as for an unknown id. */
export async function getConnectionProfile(ctx: Ctx, accountId: string): Promise<ConnectionProfile> {
  const me = requireActor(ctx);
  if (accountId !== me && !(await areConnected(ctx.db, me, accountId))) throw notFound('profile');
  const card = await profileCard(ctx, accountId);
  if (!card) throw notFound('profile');
  return card;
}

/** The actor's own standing in the network: its address and whether it is verified, its card as connections see it, counts. */
export async function getNetworkMe(ctx: Ctx): Promise<z.infer<typeof networkMe>> {
  const me = requireActor(ctx);
  const account = await findAccountById(ctx.db, me);
  const card = await profileCard(ctx, me);
  if (!account || !card) throw notFound('account');
  const counts = await countConnections(ctx.db, me);
  return {
    accountId: me,
    name: account.name,
    email: account.email,
    emailVerified: account.email_verified_at !== null,
    emailVerifiedAt: account.email_verified_at,
    profile: card,
    counts: {
      connections: counts.accepted,
      incoming: counts.incoming,
      outgoing: counts.outgoing,
      unreadMessages: await unreadCount(ctx.db, me),
    },
  };
}
