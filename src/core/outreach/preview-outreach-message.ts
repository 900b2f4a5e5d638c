import type { OutreachDraft, OutreachPreview } from '../../contracts/outreach';
import { outreachDraft } from '../../contracts/outreach';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { validate } from '../validate';
import { composeMessage } from './compose-message';
import { findItem } from './outreach.queries';

/**
 * Renders a draft for the item's person and says whether it could be sent and, if not, why: unknown merge fields,
 * no personal line beyond the template, the same text already sent to someone else, what the channel needs.
 * Sends nothing.
 */
export async function previewOutreachMessage(
  ctx: Ctx,
  itemId: string,
  input: OutreachDraft,
): Promise<OutreachPreview> {
  const ownerId = requireActor(ctx);
  const data = validate(outreachDraft, input);
  const item = await findItem(ctx.db, ownerId, itemId);
  if (!item) throw notFound('outreach item');
  return (await composeMessage(ctx, ownerId, item, data)).preview;
}
