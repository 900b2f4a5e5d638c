import type { Tag } from '../../contracts/tags';
import { type Ctx, requireActor } from '../context';
import { toTag } from './tag';
import { listTags as list } from './tag.queries';

/** The actor's live tags with their live-contact counts, by name. */
export async function listTags(ctx: Ctx): Promise<Tag[]> {
  return (await list(ctx.db, requireActor(ctx))).map(toTag);
}
