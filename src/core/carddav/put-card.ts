import type { Contact } from '../../contracts/contacts';
import { parseVCardCard, splitVCards, withoutMadeUpName } from '../../formats/vcard';
import { lockAccount } from '../accounts/account.queries';
import { phoneRegionOf } from '../agenda/agenda.queries';
import { lockContacts } from '../contacts/contact.queries';
import { createContact } from '../contacts/create-contact';
import { getContact } from '../contacts/get-contact';
import { restoreContact } from '../contacts/restore-contact';
import { updateContact } from '../contacts/update-contact';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError } from '../errors';
import { etagListed } from '../etag';
import { deletePhoto, insertHistory, replacePhoto } from '../imports/import.queries';
import { cleanPerson, photoRowOf } from '../imports/imported-person';
import { withoutNul } from '../text/without-nul';
import { cardState, cardsOf, cardWithUid } from './address-book';
import { saveStoredCard } from './card.queries';
import { contactInputOf } from './contact-input-of';
import { dropsPhoto, withRapportOnlyValues } from './left-out-by-client';
import { replacedValues } from './replaced-values';

const hasNameParts = (c: Contact) =>
  Boolean(c.givenName || c.familyName || c.additionalNames || c.namePrefix || c.nameSuffix);

export type PutCardOutcome =
  | { status: 'created' | 'updated' | 'precondition-failed' }
  /** The card's UID is another card's (RFC 6352 §6.3.2.1 no-uid-conflict): that card's name. */
  | { status: 'uid-conflict'; card: string }
  /** The name stands for a contact merged into another: writing it would bring the merged person back twice. */
  | { status: 'merged' };

function refused(name: string, why: string): AppError {
  return new AppError('validation', `${name}: ${why}`, { issues: [{ path: 'card', message: why }] });
}

/**
 * The one complete vCard a PUT body must be (RFC 6352 §5.1, §6.3.2.1). Unlike an import, which keeps what it can
 * of a cut-off file, a card cut before `END:VCARD` is refused: it is most likely a broken upload, and storing it
 * would replace the contact's fields with half of them.
 */
function onlyCardOf(body: string, name: string) {
  const items = [...splitVCards(body)];
  const cards = items.flatMap((item) => (item.kind === 'card' ? [item.card] : []));
  const card = cards[0];
  if (!card || cards.length > 1) throw refused(name, `expected one vCard, found ${cards.length}`);
  // Text around the card is not part of any card: a client sending it means something we would not keep.
  const stray = items.find((item) => item.kind === 'stray');
  if (stray?.kind === 'stray')
    throw refused(name, `line ${stray.line} is outside the vCard: "${stray.text.slice(0, 40)}"`);
  if (card.truncated) throw refused(name, 'the card ends before its END:VCARD');
  const { record, issues } = parseVCardCard(card, { file: name });
  const error = issues.find((i) => i.severity === 'error');
  if (!record || error) {
    throw refused(name, (error ?? issues[0])?.message ?? 'nothing readable in the card');
  }
  return record;
}

/**
 * A client writes a card (CardDAV PUT): a new name adds a contact, a known one replaces that contact's fields with
 * the card's. `If-None-Match: *` (create only) and `If-Match` (update only that version) are honoured. The card's
 * name, UID and text are kept, so the client finds it again as it wrote it, unknown properties included. A body
 * that is not exactly one complete, readable vCard with a name, organisation, e-mail, nickname or phone number is
 * refused (`validation`) before anything is read or written.
 */
export async function putCard(
  ctx: Ctx,
  name: string,
  body: string,
  conditions: { ifMatch?: string; ifNoneMatch?: string },
): Promise<PutCardOutcome> {
  const ownerId = requireActor(ctx);
  const record = onlyCardOf(body, name);
  // Phones keep people known only by a nickname or a number: call them by it rather than refuse the card.
  const named =
    record.displayName?.trim() ||
    record.givenName ||
    record.familyName ||
    record.organisation ||
    record.emails.length > 0;
  const cleaned = cleanPerson(
    named ? record : { ...record, displayName: record.nickname ?? record.phones[0]?.value },
  );
  if (!cleaned.person) {
    throw refused(name, cleaned.issues[0]?.message ?? 'the card has no name, organisation or e-mail');
  }
  // An import keeps what fits and warns; a phone would get the shortened card back on its next sync and lose the
  // rest there too. Refused, the card stays whole on the phone and the contact as it was here. Custom fields are
  // the card's unknown properties, which its kept text serves back whole: only the list shown here is cut.
  const cut = cleaned.issues.find((i) => i.cut && !i.field?.startsWith('customFields'));
  if (cut) {
    const why = `${cut.field} ${cut.cut}: nothing was stored, so that the phone keeps the card whole`;
    throw new AppError('validation', `${name}: ${why}`, { issues: [{ path: 'card', message: why }] });
  }
  const person = cleaned.person;
  return inTransaction(ctx, async (tx) => {
    // One card write at a time per address book: the same new card sent twice is created once, and of two writes
    // made against one ETag only the first matches it.
    await lockAccount(tx.db, ownerId);
    const target = await cardState(tx, ownerId, name);
    if (target?.state === 'merged') return { status: 'merged' };
    const existing = target?.state === 'live' ? target.id : undefined;
    // An edit being saved (it locks its contact) lands before the ETag is checked: the card then no longer matches.
    if (existing) await lockContacts(tx.db, ownerId, [existing]);
    // As the client last read it: for the preconditions, and for what it may have left out (left-out-by-client.ts).
    const servedCard = existing ? (await cardsOf(tx, ownerId, [existing]))[0] : undefined;
    if (existing && (conditions.ifMatch !== undefined || conditions.ifNoneMatch !== undefined)) {
      const etag = servedCard?.etag ?? '';
      if (conditions.ifNoneMatch !== undefined && etagListed(conditions.ifNoneMatch, etag)) {
        return { status: 'precondition-failed' };
      }
      if (conditions.ifMatch !== undefined && !etagListed(conditions.ifMatch, etag))
        return { status: 'precondition-failed' };
    } else if (!existing && conditions.ifMatch !== undefined) {
      return { status: 'precondition-failed' };
    }
    const twin = person.sourceKey ? await cardWithUid(tx, ownerId, person.sourceKey, target?.id) : undefined;
    if (twin) return { status: 'uid-conflict', card: twin.name };
    // A card of a contact in the trash, written back (a phone that kept an edited copy): the contact comes back
    // with its history rather than a second one under the same name, which would clash with it once restored.
    let revived: string | undefined;
    if (target?.state === 'trashed') revived = (await restoreContact(tx, target.id)).id;
    const updating = existing ?? revived;
    const current = updating ? await getContact(tx, updating) : undefined;
    // A contact known by its display name only is served with an N made up from it, which a phone may send back.
    const read = contactInputOf(current && !hasNameParts(current) ? withoutMadeUpName(person) : person);
    const served = revived ? (await cardsOf(tx, ownerId, [revived]))[0]?.text : servedCard?.text;
    const input = current ? withRapportOnlyValues(body, served, current, read) : read;
    const now = nowIso(tx);
    // What the card takes away stays in the contact's history, as an import's replaced values do.
    const replaced = current ? replacedValues(current, input, await phoneRegionOf(tx.db, ownerId)) : [];
    const contactId = updating
      ? (await updateContact(tx, updating, input, 'carddav')).id
      : (await createContact(tx, input, 'carddav')).id;
    await insertHistory(
      tx.db,
      replaced.map((r) => ({
        id: tx.ids.next(),
        owner_id: ownerId,
        contact_id: contactId,
        field: r.field,
        old_value: r.from,
        new_value: r.to,
        source: 'carddav',
        import_id: null,
        recorded_at: now,
      })),
    );
    const photo = photoRowOf(ownerId, contactId, person, now);
    if (photo) await replacePhoto(tx.db, photo);
    else if (updating && (await dropsPhoto(tx, ownerId, contactId)))
      await deletePhoto(tx.db, ownerId, contactId);
    await saveStoredCard(tx.db, {
      contact_id: contactId,
      owner_id: ownerId,
      name,
      uid: person.sourceKey ?? null,
      // As its fields were: NUL taken out (no text column can hold it; PostgreSQL refuses it).
      raw: withoutNul(body),
      updated_at: now,
    });
    // Revived, it is new to the client all the same.
    return { status: existing ? 'updated' : 'created' };
  });
}
