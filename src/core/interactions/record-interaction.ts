import { type Interaction, type InteractionInput, interactionInput } from '../../contracts/relationships';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { addToRelationships } from '../relationships/apply-to-relationships';
import { validate } from '../validate';
import { occurredWhen, requireContacts, toInteraction } from './interaction';
import { contactsOfInteractions, insertInteraction } from './interaction.queries';

/**
 * Logs that the owner met, called, wrote to… one or several contacts. Each contact's strength and keep-in-touch
 * date move on in the same transaction. A time in the future or an unknown contact is a `validation` error.
 */
export async function recordInteraction(
  ctx: Ctx,
  input: InteractionInput,
  source = 'manual',
): Promise<Interaction> {
  const ownerId = requireActor(ctx);
  const data = validate(interactionInput, input);
  return inTransaction(ctx, async (tx) => {
    const { at, dateOnly } = await occurredWhen(tx, ownerId, data.occurredAt);
    const contactIds = await requireContacts(tx, ownerId, data.contactIds);
    const now = nowIso(tx);
    const row = {
      id: tx.ids.next(),
      owner_id: ownerId,
      kind: data.kind,
      occurred_at: at,
      direction: data.direction,
      answered: data.answered === undefined || data.answered === null ? null : data.answered ? 1 : 0,
      summary: data.summary ?? null,
      source,
      external_key: null,
      conversation_key: null,
      date_only: dateOnly ? 1 : 0,
      import_id: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    await insertInteraction(tx.db, row, contactIds);
    await addToRelationships(tx, ownerId, contactIds, {
      type: 'interaction',
      kind: row.kind,
      direction: row.direction,
      answered: row.answered === null ? null : Boolean(row.answered),
      group: contactIds.length > 1,
      at: Date.parse(at),
    });
    const contacts = await contactsOfInteractions(tx.db, ownerId, [row.id]);
    return toInteraction(row, contacts.get(row.id) ?? []);
  });
}
