import type { Tag } from '../../contracts/tags';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { toTag } from './tag';
import { findTag } from './tag.queries';

/** One of the actor's live tags. */
export async function getTag(ctx: Ctx, id: string): Promise<Tag> {
  const row = await findTag(ctx.db, requireActor(ctx), id);
  if (!row) throw notFound('tag');
  return toTag(row);
}
