import type { ShareKind } from '../../contracts/introductions';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { openLink } from './intro-link';
import { maskPhone } from './introduction';
import { accountsByIds } from './introduction.queries';
import { shareOptionsOf } from './target';

/** What the person sees on the signed link's page: who asks, why, through whom, and what they could share. */
export interface IntroductionLinkView {
  requesterName: string;
  brokerName: string;
  targetName: string;
  why: string;
  message: string | null;
  /** Offered by the broker on the requester's ask: the requester never named this person. */
  offered: boolean;
  /** Phone numbers are shown masked: the page is only as private as the link. */
  options: { kind: ShareKind; label: string }[];
  expiresAt: string;
}

/**
 * Reads the request a signed link carries, without changing anything (mail scanners follow links). Any link that
 * is not good (unknown, forged, used, expired) is `not_found`, the same for every reason.
 */
export async function viewIntroductionLink(ctx: Ctx, token: string): Promise<IntroductionLinkView> {
  const open = await openLink(ctx, token);
  if (!open) throw notFound('link');
  const { row } = open;
  const names = await accountsByIds(ctx.db, [row.requester_id, row.broker_id]);
  const options = await shareOptionsOf(ctx, row);
  return {
    requesterName: names.get(row.requester_id)?.name ?? 'Someone',
    brokerName: names.get(row.broker_id)?.name ?? 'Someone',
    targetName: row.target_name,
    why: row.why,
    message: row.broker_message,
    offered: row.ask_id !== null,
    options: options.map((o) => ({ kind: o.kind, label: o.kind === 'phone' ? maskPhone(o.value) : o.value })),
    expiresAt: row.expires_at,
  };
}
