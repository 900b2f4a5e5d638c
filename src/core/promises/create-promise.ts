import type { z } from 'zod';
import { type PromiseView, promiseInput } from '../../contracts/relationships';
import { accountToday } from '../agenda/account-today';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound, validationError } from '../errors';
import { requireContacts } from '../interactions/interaction';
import { validate } from '../validate';
import { toPromise } from './promise';
import { findPromise, insertPromise } from './promise.queries';

/** "I promised X to Y by date" (mine) or "Y promised me X" (theirs). Due dates may be today or later. */
export async function createPromise(ctx: Ctx, input: z.input<typeof promiseInput>): Promise<PromiseView> {
  const ownerId = requireActor(ctx);
  const data = validate(promiseInput, input);
  const today = await accountToday(ctx, ownerId);
  return inTransaction(ctx, async (tx) => {
    const [contactId] = await requireContacts(tx, ownerId, [data.contactId]).catch(() => {
      throw validationError('contactId', 'is not one of your contacts');
    });
    const now = nowIso(tx);
    const row = {
      id: tx.ids.next(),
      owner_id: ownerId,
      contact_id: contactId as string,
      direction: data.direction,
      what: data.what,
      due_on: data.dueOn,
      status: 'open' as const,
      resolved_on: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    await insertPromise(tx.db, row);
    const saved = await findPromise(tx.db, ownerId, row.id);
    if (!saved) throw notFound('promise');
    return toPromise(saved, today);
  });
}
