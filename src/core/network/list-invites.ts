import type { Invite } from '../../contracts/network';
import { type Ctx, nowIso, requireActor } from '../context';
import type { ConnectionInviteTable } from '../db/schema';
import { listInvitesOf } from './invite.queries';

/** The actor's invitation links (mailed or to copy), newest first (the last 100), with what became of each. */
export async function listInvites(ctx: Ctx): Promise<Invite[]> {
  const me = requireActor(ctx);
  const now = nowIso(ctx);
  const rows = await listInvitesOf(ctx.db, me, 100);
  return rows.map((r) => toInvite(r, now));
}

export function toInvite(r: ConnectionInviteTable & { used_by_name: string | null }, now: string): Invite {
  return {
    id: r.id,
    email: r.email_norm,
    message: r.message,
    status: r.used_at ? 'used' : r.revoked_at ? 'revoked' : r.expires_at <= now ? 'expired' : 'open',
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    usedBy: r.used_by && r.used_by_name ? { id: r.used_by, name: r.used_by_name } : null,
  };
}
