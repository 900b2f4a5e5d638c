import type { z } from 'zod';
import { todayActionInput } from '../../contracts/relationships';
import { type Ctx, nowIso, requireActor } from '../context';
import { validationError } from '../errors';
import { findPromise } from '../promises/promise.queries';
import { updatePromise } from '../promises/update-promise';
import { validate } from '../validate';
import { accountToday } from './account-today';
import { deleteAction, saveAction } from './agenda.queries';

const KEY = /^[a-z-]+:[\w:.-]{1,200}$/;
const MY_PROMISE_KEY = /^promise:([\w.-]+)$/;

/**
 * Marks a Today item done, or snoozes it until a day (it comes back then), or undoes either (`undo`). Done on one of my promises marks it
 * kept: only hiding it would leave it open, overdue and counted against my kept-on-time rate, with nothing left on
 * the agenda, the digest or the calendar feed to say so, and undo reopens it. (Done on their promise, a nudge, only
 * hides it.)
 */
export async function actOnTodayItem(
  ctx: Ctx,
  key: string,
  input: z.input<typeof todayActionInput>,
): Promise<void> {
  const ownerId = requireActor(ctx);
  const data = validate(todayActionInput, input);
  if (!KEY.test(key)) throw validationError('key', 'is not a Today item key');
  if (data.action === 'undo') {
    // Done on my promise marked it kept: undoing it reopens it (another account's key finds no promise of theirs).
    const mine = MY_PROMISE_KEY.exec(key);
    const promise = mine ? await findPromise(ctx.db, ownerId, mine[1] as string) : undefined;
    if (promise?.status === 'kept') await updatePromise(ctx, promise.id, { status: 'open' });
    await deleteAction(ctx.db, ownerId, key);
    return;
  }
  // The account's own day: at 23:00 in Tokyo "tomorrow" is already the UTC day after.
  const today = await accountToday(ctx, ownerId);
  if (data.action === 'snooze' && (!data.until || data.until <= today)) {
    throw validationError('until', 'snooze until a day after today');
  }
  const promise = data.action === 'done' ? MY_PROMISE_KEY.exec(key) : null;
  if (promise) {
    await updatePromise(ctx, promise[1] as string, { status: 'kept' });
    return;
  }
  await saveAction(ctx.db, {
    owner_id: ownerId,
    item_key: key,
    action: data.action === 'done' ? 'done' : 'snoozed',
    until: data.action === 'snooze' ? (data.until ?? null) : null,
    created_at: nowIso(ctx),
  });
}
