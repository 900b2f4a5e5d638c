import type { z } from 'zod';
import { type Organisation, organisationCreateInput } from '../../contracts/organisations';
import { type Ctx, nowIso, requireActor } from '../context';
import { AppError } from '../errors';
import { validate } from '../validate';
import { normaliseOrganisationName, toOrganisation } from './organisation';
import { findLiveOrganisationByNorm, insertOrganisationIfAbsent } from './organisation.queries';

/** Adds an organisation; a live one with the same (folded) name is a `conflict`. */
export async function createOrganisation(
  ctx: Ctx,
  input: z.input<typeof organisationCreateInput>,
): Promise<Organisation> {
  const ownerId = requireActor(ctx);
  const data = validate(organisationCreateInput, input);
  const norm = normaliseOrganisationName(data.name);
  if (await findLiveOrganisationByNorm(ctx.db, ownerId, norm)) throw nameTaken(data.name);
  const now = nowIso(ctx);
  const row = {
    id: ctx.ids.next(),
    owner_id: ownerId,
    name: data.name,
    name_norm: norm,
    website: data.website ?? null,
    notes: data.notes ?? null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    merged_into: null,
  };
  // One of that name created meanwhile (the same request sent twice) is the same conflict.
  if (!(await insertOrganisationIfAbsent(ctx.db, row))) throw nameTaken(data.name);
  return toOrganisation({ ...row, contact_count: 0 });
}

export function nameTaken(name: string): AppError {
  return new AppError('conflict', `name: an organisation called "${name}" already exists`, {
    issues: [{ path: 'name', message: 'an organisation with this name already exists' }],
  });
}
