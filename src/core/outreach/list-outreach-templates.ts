import type { OutreachTemplate } from '../../contracts/outreach';
import { type Ctx, requireActor } from '../context';
import { toTemplate } from './outreach';
import { listTemplates } from './outreach.queries';

/** The owner's message templates, by name. */
export async function listOutreachTemplates(ctx: Ctx): Promise<OutreachTemplate[]> {
  const ownerId = requireActor(ctx);
  return (await listTemplates(ctx.db, ownerId)).map(toTemplate);
}
