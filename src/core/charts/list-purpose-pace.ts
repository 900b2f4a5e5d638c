import type { PurposePace } from '../../contracts/purposes';
import { settingsOf } from '../agenda/agenda.queries';
import { localDay } from '../agenda/local-day';
import { toSettings } from '../agenda/settings';
import { type Ctx, requireActor } from '../context';
import { pace } from '../purposes/pace';
import { presentPurposes } from '../purposes/purpose';
import { listPurposeRows } from '../purposes/purpose.queries';

/**
 * The actor's active purposes (not archived, not trashed), by name, each with its done count as its page shows
 * it, against its target and deadline. A fixed number of queries whatever the number of purposes.
 */
export async function listPurposePace(ctx: Ctx): Promise<PurposePace[]> {
  const ownerId = requireActor(ctx);
  const { timeZone } = toSettings(await settingsOf(ctx.db, ownerId));
  const today = localDay(ctx.clock.now(), timeZone);
  const rows = await listPurposeRows(ctx.db, ownerId, 'active');
  const presented = await presentPurposes(ctx, ownerId, rows, today);
  return presented.map(({ purpose: p }) => {
    const startDay = localDay(new Date(p.createdAt), timeZone);
    // A pipeline without a 'done' stage has done no one, as its page says ("0 of 5").
    const done = p.progress.done ?? 0;
    return {
      id: p.id,
      name: p.name,
      targetCount: p.targetCount,
      done,
      startDay,
      deadline: p.deadline,
      ...pace({ targetCount: p.targetCount, done, startDay, deadline: p.deadline }, today),
    };
  });
}
