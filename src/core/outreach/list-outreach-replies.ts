import type { z } from 'zod';
import { type OutreachChannel, type OutreachReplyList, outreachRepliesQuery } from '../../contracts/outreach';
import { type Ctx, requireActor } from '../context';
import { validate } from '../validate';
import { hoursToReply } from './get-outreach-stats';
import { firstMessagesSent } from './outreach.queries';

/**
 * Who replied, newest reply first: by purpose, template, channel or month of the first message; the first `limit`
 * of them and how many there are in all.
 */
export async function listOutreachReplies(
  ctx: Ctx,
  query: z.input<typeof outreachRepliesQuery> = {},
): Promise<OutreachReplyList> {
  const ownerId = requireActor(ctx);
  const q = validate(outreachRepliesQuery, query);
  // 'none' (from the analytics' "no purpose" / "no template" rows) means messages without one.
  const rows = await firstMessagesSent(ctx.db, ownerId, {
    purposeId: q.purpose === 'none' ? undefined : q.purpose,
  });
  const replied = rows
    .filter(
      (r) =>
        r.replied_at &&
        (q.purpose !== 'none' || !r.purpose_id) &&
        (!q.template || (q.template === 'none' ? !r.template_id : r.template_id === q.template)) &&
        (!q.channel || r.channel === q.channel) &&
        (!q.month || (r.sent_at ?? '').startsWith(q.month)),
    )
    .sort((a, b) => (b.replied_at as string).localeCompare(a.replied_at as string));
  const items = replied.slice(0, q.limit).map((r) => ({
    itemId: r.item_id,
    contact: { id: r.contact_id, displayName: r.display_name },
    channel: r.channel as OutreachChannel,
    purpose: r.purpose_id && r.purpose_name ? { id: r.purpose_id, name: r.purpose_name } : null,
    template: r.template_id && r.template_name ? { id: r.template_id, name: r.template_name } : null,
    sentAt: r.sent_at as string,
    repliedAt: r.replied_at as string,
    hoursToReply: Math.round((hoursToReply(r) ?? 0) * 10) / 10,
  }));
  return { items, total: replied.length };
}
