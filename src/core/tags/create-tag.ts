import type { z } from 'zod';
import { type Tag, tagCreateInput } from '../../contracts/tags';
import { type Ctx, nowIso, requireActor } from '../context';
import { AppError } from '../errors';
import { validate } from '../validate';
import { normaliseTagName, toTag } from './tag';
import { findLiveTagsByNorm, insertTagsIfAbsent } from './tag.queries';

/** Creates an (empty) tag; a live tag with the same folded name is a `conflict`. */
export async function createTag(ctx: Ctx, input: z.input<typeof tagCreateInput>): Promise<Tag> {
  const ownerId = requireActor(ctx);
  const data = validate(tagCreateInput, input);
  const norm = normaliseTagName(data.name);
  if ((await findLiveTagsByNorm(ctx.db, ownerId, [norm])).length > 0) throw tagNameTaken(data.name);
  const row = {
    id: ctx.ids.next(),
    owner_id: ownerId,
    name: data.name,
    name_norm: norm,
    created_at: nowIso(ctx),
    deleted_at: null,
    cadence_days: null,
    findable: 0,
  };
  // A tag of that name created meanwhile (the same request sent twice) is the same conflict.
  if (!(await insertTagsIfAbsent(ctx.db, [row])).has(row.id)) throw tagNameTaken(data.name);
  return toTag({ ...row, contact_count: 0 });
}

export function tagNameTaken(name: string): AppError {
  return new AppError('conflict', `name: a tag called "${name}" already exists; merge the two tags instead`, {
    issues: [{ path: 'name', message: 'a tag with this name already exists' }],
  });
}
