import type { z } from 'zod';
import { type Purpose, purposeListQuery } from '../../contracts/purposes';
import { type Ctx, requireActor } from '../context';
import { validate } from '../validate';
import { ownerToday, presentPurposes } from './purpose';
import { listPurposeRows } from './purpose.queries';

/** The owner's purposes (active by default) by name, each with its progress at a glance. */
export async function listPurposes(
  ctx: Ctx,
  query: z.input<typeof purposeListQuery> = {},
): Promise<{ items: Purpose[] }> {
  const ownerId = requireActor(ctx);
  const { status } = validate(purposeListQuery, query);
  const rows = await listPurposeRows(ctx.db, ownerId, status);
  const presented = await presentPurposes(ctx, ownerId, rows, await ownerToday(ctx, ownerId));
  return { items: presented.map((p) => p.purpose) };
}
