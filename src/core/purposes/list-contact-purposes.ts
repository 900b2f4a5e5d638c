import type { ContactPurpose } from '../../contracts/purposes';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { liveContactIds } from '../interactions/interaction.queries';
import { purposesOfContact } from './purpose.queries';
import { parseStages } from './stages';

/** Every purpose (archived ones flagged) a live contact of the owner's is on, with its stage and next step. */
export async function listContactPurposes(ctx: Ctx, contactId: string): Promise<{ items: ContactPurpose[] }> {
  const ownerId = requireActor(ctx);
  if (!(await liveContactIds(ctx.db, ownerId, [contactId])).has(contactId)) throw notFound('contact');
  const rows = await purposesOfContact(ctx.db, ownerId, contactId);
  return {
    items: rows.map((r) => {
      const stages = parseStages(r.stages);
      return {
        purposeId: r.purpose_id,
        purposeName: r.name,
        archived: r.archived_at !== null,
        itemId: r.item_id,
        stage: stages.find((s) => s.id === r.stage) ?? { id: r.stage, name: '(removed stage)', role: null },
        stageSince: r.stage_since,
        nextStep: r.next_step,
        nextStepOn: r.next_step_on,
        followUpDays: r.follow_up_days,
      };
    }),
  };
}
