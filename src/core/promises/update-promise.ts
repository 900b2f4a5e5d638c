import type { z } from 'zod';
import { type PromiseView, promiseUpdateInput } from '../../contracts/relationships';
import { accountToday } from '../agenda/account-today';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound, validationError } from '../errors';
import { requireContacts } from '../interactions/interaction';
import { validate } from '../validate';
import { toPromise } from './promise';
import { findPromise, updatePromiseRow } from './promise.queries';

/**
 * Marks a promise kept, broken or released (resolved today, or on `resolvedOn`), reopens it, or corrects what,
 * when, who, which way or the day it was resolved; only what is sent changes. The kept-on-time rate compares the
 * resolution day with the due day, so a promise kept yesterday and marked this morning still counts as on time.
 */
export async function updatePromise(
  ctx: Ctx,
  id: string,
  input: z.input<typeof promiseUpdateInput>,
): Promise<PromiseView> {
  const ownerId = requireActor(ctx);
  const data = validate(promiseUpdateInput, input);
  const today = await accountToday(ctx, ownerId);
  return inTransaction(ctx, async (tx) => {
    const row = await findPromise(tx.db, ownerId, id);
    if (!row) throw notFound('promise');
    const status = data.status ?? row.status;
    if (data.resolvedOn !== undefined) {
      if (status === 'open') throw validationError('resolvedOn', 'an open promise has no resolution day');
      if (data.resolvedOn > today) throw validationError('resolvedOn', 'cannot be after today');
    }
    // Resolved now (today unless a day is given), reopened (no day), or only its day corrected.
    const resolvedOn =
      status === row.status
        ? (data.resolvedOn ?? row.resolved_on)
        : status === 'open'
          ? null
          : (data.resolvedOn ?? today);
    if (data.contactId) {
      await requireContacts(tx, ownerId, [data.contactId]).catch(() => {
        throw validationError('contactId', 'is not one of your contacts');
      });
    }
    await updatePromiseRow(tx.db, ownerId, id, {
      ...(data.contactId ? { contact_id: data.contactId } : {}),
      ...(data.direction ? { direction: data.direction } : {}),
      ...(data.what ? { what: data.what } : {}),
      ...(data.dueOn ? { due_on: data.dueOn } : {}),
      status,
      resolved_on: resolvedOn,
      updated_at: nowIso(tx),
    });
    const saved = await findPromise(tx.db, ownerId, id);
    if (!saved) throw notFound('promise');
    return toPromise(saved, today);
  });
}
