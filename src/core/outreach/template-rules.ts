import { MERGE_FIELDS, unknownFields } from '../../contracts/outreach';
import type { Ctx } from '../context';
import { validationError } from '../errors';
import { findPurpose } from '../purposes/purpose.queries';

/** A template may only use known merge fields and one of the owner's purposes (`validation` naming the field). */
export async function checkTemplate(
  ctx: Ctx,
  ownerId: string,
  t: { subject?: string | null; body?: string; purposeId?: string | null },
): Promise<void> {
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownFields(t[field] ?? '');
    if (unknown.length > 0)
      throw validationError(
        field,
        `unknown merge field${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `{${f}}`).join(', ')}: the merge fields are ${MERGE_FIELDS.map((f) => `{${f}}`).join(', ')}`,
      );
  }
  if (t.purposeId && !(await findPurpose(ctx.db, ownerId, t.purposeId)))
    throw validationError('purposeId', 'is not one of your purposes');
}
