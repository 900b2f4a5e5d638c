import {
  type OutreachTemplate,
  type OutreachTemplateInput,
  outreachTemplateInput,
} from '../../contracts/outreach';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { validate } from '../validate';
import { toTemplate } from './outreach';
import { findTemplate, insertTemplate } from './outreach.queries';
import { checkTemplate } from './template-rules';

/** Saves a message template with merge fields; an unknown field or another account's purpose is a `validation` error. */
export async function createOutreachTemplate(
  ctx: Ctx,
  input: OutreachTemplateInput,
): Promise<OutreachTemplate> {
  const ownerId = requireActor(ctx);
  const data = validate(outreachTemplateInput, input);
  return inTransaction(ctx, async (tx) => {
    await checkTemplate(tx, ownerId, data);
    const now = nowIso(tx);
    const id = tx.ids.next();
    await insertTemplate(tx.db, {
      id,
      owner_id: ownerId,
      name: data.name,
      subject: data.subject || null,
      body: data.body,
      channel: data.channel ?? null,
      follow_up_days: data.followUpDays ?? null,
      purpose_id: data.purposeId ?? null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    const row = await findTemplate(tx.db, ownerId, id);
    if (!row) throw notFound('template');
    return toTemplate(row);
  });
}
