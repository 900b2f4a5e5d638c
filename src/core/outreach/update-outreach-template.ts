import type { z } from 'zod';
import { type OutreachTemplate, outreachTemplateUpdateInput } from '../../contracts/outreach';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import type { OutreachTemplateTable } from '../db/schema';
import { notFound } from '../errors';
import { validate } from '../validate';
import { toTemplate } from './outreach';
import { findTemplate, updateTemplateRow } from './outreach.queries';
import { checkTemplate } from './template-rules';

/** Changes a template; messages already sent keep their text. Another account's template is `not_found`. */
export async function updateOutreachTemplate(
  ctx: Ctx,
  id: string,
  input: z.input<typeof outreachTemplateUpdateInput>,
): Promise<OutreachTemplate> {
  const ownerId = requireActor(ctx);
  const data = validate(outreachTemplateUpdateInput, input);
  return inTransaction(ctx, async (tx) => {
    if (!(await findTemplate(tx.db, ownerId, id))) throw notFound('template');
    await checkTemplate(tx, ownerId, data);
    const patch: Partial<OutreachTemplateTable> = { updated_at: nowIso(tx) };
    if (data.name !== undefined) patch.name = data.name;
    if (data.subject !== undefined) patch.subject = data.subject || null;
    if (data.body !== undefined) patch.body = data.body;
    if (data.channel !== undefined) patch.channel = data.channel;
    if (data.followUpDays !== undefined) patch.follow_up_days = data.followUpDays;
    if (data.purposeId !== undefined) patch.purpose_id = data.purposeId;
    await updateTemplateRow(tx.db, ownerId, id, patch);
    const row = await findTemplate(tx.db, ownerId, id);
    if (!row) throw notFound('template');
    return toTemplate(row);
  });
}
