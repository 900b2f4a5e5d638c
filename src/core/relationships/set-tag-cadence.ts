import type { z } from 'zod';
import type { tagCadenceInput } from '../../contracts/relationships';
import { tagCadenceInput as schema } from '../../contracts/relationships';
import { type Ctx, inTransaction, requireActor } from '../context';
import { notFound } from '../errors';
import { findTag } from '../tags/tag.queries';
import { validate } from '../validate';
import { contactIdsOfTag, setTagCadence as write } from './relationship.queries';
import { rescheduleRelationships } from './reschedule-relationships';

/** "Former students: every 6 months": a keep-in-touch interval for everyone with the tag (null removes it). */
export async function setTagCadence(
  ctx: Ctx,
  tagId: string,
  input: z.input<typeof tagCadenceInput>,
): Promise<{ cadenceDays: number | null }> {
  const ownerId = requireActor(ctx);
  const { cadenceDays } = validate(schema, input);
  return inTransaction(ctx, async (tx) => {
    if (!(await findTag(tx.db, ownerId, tagId))) throw notFound('tag');
    await write(tx.db, ownerId, tagId, cadenceDays);
    await rescheduleRelationships(tx, ownerId, await contactIdsOfTag(tx.db, ownerId, tagId), {});
    return { cadenceDays };
  });
}
