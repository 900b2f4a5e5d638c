import type { MergeResult } from '../../contracts/duplicates';
import { ITEM_NOTE_MAX } from '../../contracts/purposes';
import { channelIdentity } from '../contacts/channels';
import { parseJsonArray, parseJsonRecord, TEXT_FIELDS } from '../contacts/contact';
import { findContact, lockContacts, updateContact } from '../contacts/contact.queries';
import { captureContact } from '../contacts/contact-snapshot';
import { presentContact } from '../contacts/present-contact';
import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import type { ContactTable, PurposeItemTable } from '../db/schema';
import { notFound, validationError } from '../errors';
import {
  insertChannels,
  insertContactTags,
  insertHistory,
  insertInteractionLinks,
  insertPhotos,
} from '../imports/import.queries';
import { insertMoves, updateItemRow } from '../purposes/purpose.queries';
import { parseStages } from '../purposes/stages';
import { mergeRelationshipSettings } from '../relationships/merge-relationship-settings';
import { refreshRelationships } from '../relationships/refresh-relationships';
import {
  insertMerge,
  moveContactRecords,
  repointContactRows,
  setChannelLabel,
  sharedPurposeItems,
} from './duplicates.queries';
import { type FoldedItem, type MergeSnapshot, relationshipSettings, tagNamesOf } from './merge-snapshot';

/**
 * Merges contact `merge` into contact `keep`. Nothing is lost: every email, phone, URL, tag, past position, source
 * and history entry moves over with the source of each fact; blank fields are filled from the merged contact, a
 * differing value is kept in history and notes are joined. The merged contact leaves the lists (it is not in the
 * trash) and comes back whole with `undoMerge`. Interactions, favours, promises, purpose places, outreach and
 * introductions with either contact now count for the kept one; on a purpose both are on, the merged contact's place
 * is folded into the kept one's (`foldItem`).
 */
export async function mergeContacts(ctx: Ctx, keepId: string, mergeId: string): Promise<MergeResult> {
  const ownerId = requireActor(ctx);
  if (keepId === mergeId) throw validationError('merge', 'cannot merge a contact into itself');
  return inTransaction(ctx, async (tx) => {
    // The same merge sent twice (or with its undo): the second reads what the first left (merged away: not found).
    await lockContacts(tx.db, ownerId, [keepId, mergeId]);
    const keep = await findContact(tx.db, ownerId, keepId);
    const gone = await findContact(tx.db, ownerId, mergeId);
    if (!keep || !gone) throw notFound('contact');
    const kept = await captureContact(tx, ownerId, keepId);
    const merged = await captureContact(tx, ownerId, mergeId);
    const now = nowIso(tx);
    const mergeRowId = tx.ids.next();

    const patch: Partial<ContactTable> = { updated_at: now };
    const history: Parameters<typeof insertHistory>[1] = [];
    const remember = (field: string, value: string | null) =>
      history.push({
        id: tx.ids.next(),
        owner_id: ownerId,
        contact_id: keepId,
        field,
        old_value: value,
        new_value: null,
        source: 'merge',
        import_id: null,
        recorded_at: now,
      });
    // History names fields as the API does (`familyName`), like imports, not by column.
    for (const [field, column] of TEXT_FIELDS) {
      const mine = kept.row[column];
      const theirs = merged.row[column];
      if (!theirs || theirs === mine) continue;
      if (column === 'notes') patch.notes = mine ? `${mine}\n\n${theirs}` : theirs;
      else if (column === 'connected_on') patch.connected_on = mine && mine < theirs ? mine : theirs;
      else if (!mine) patch[column] = theirs;
      else remember(field, theirs);
    }
    if (!kept.row.organisation_id && merged.row.organisation_id)
      patch.organisation_id = merged.row.organisation_id;
    else if (
      merged.row.organisation_id &&
      merged.row.organisation_id !== kept.row.organisation_id &&
      gone.organisation_name
    ) {
      remember('organisation', gone.organisation_name);
    }
    if (merged.row.display_name !== kept.row.display_name) remember('displayName', merged.row.display_name);
    // Sharing never widens by merging: a "private" on either record keeps the person private (tags move over,
    // and a findable tag must not expose someone the owner withheld); otherwise the kept record's choice stands.
    if (merged.row.share === 'private') patch.share = 'private';

    const custom = parseJsonRecord(kept.row.custom_fields);
    for (const [k, v] of Object.entries(parseJsonRecord(merged.row.custom_fields))) {
      if (!(k in custom)) custom[k] = v;
      else if (custom[k] !== v) remember(`customFields.${k}`, v);
    }
    patch.custom_fields = JSON.stringify(custom);
    const union = (a: string, b: string) => {
      const list = parseJsonArray<unknown>(a);
      const seen = new Set(list.map((x) => JSON.stringify(x)));
      for (const x of parseJsonArray<unknown>(b)) if (!seen.has(JSON.stringify(x))) list.push(x);
      return JSON.stringify(list);
    };
    patch.addresses = union(kept.row.addresses, merged.row.addresses);
    patch.dates = union(kept.row.dates, merged.row.dates);

    const have = new Map(kept.channels.map((c) => [channelIdentity(c), c]));
    // The same email/phone/URL on both: the kept channel stays and takes the merged one's label if it has none
    // (undo takes the label away again, see revert-contact-changes). `kept` stays as captured, for undo.
    const labelled = new Set<string>();
    for (const c of merged.channels) {
      const same = have.get(channelIdentity(c));
      if (!same || same.label || !c.label || labelled.has(same.id)) continue;
      labelled.add(same.id);
      await setChannelLabel(tx.db, ownerId, same.id, c.label);
    }
    const counts = new Map<string, number>();
    for (const c of kept.channels) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
    const moved = merged.channels
      .filter((c) => !have.has(channelIdentity(c)))
      .map((c) => {
        const position = counts.get(c.kind) ?? 0;
        counts.set(c.kind, position + 1);
        return { ...c, id: tx.ids.next(), contact_id: keepId, position };
      });
    await insertChannels(tx.db, moved);
    const keptTags = new Set(kept.tags.map((t) => t.tag_id));
    await insertContactTags(
      tx.db,
      merged.tags.filter((t) => !keptTags.has(t.tag_id)).map((t) => ({ ...t, contact_id: keepId })),
    );
    if (!kept.photo && merged.photo) {
      await insertPhotos(tx.db, [
        {
          ...merged.photo,
          contact_id: keepId,
          data: merged.photo.data ? Buffer.from(merged.photo.data, 'base64') : null,
        },
      ]);
    }
    const keptInteractions = new Set(kept.interactions.map((l) => l.interaction_id));
    await insertInteractionLinks(
      tx.db,
      merged.interactions
        .filter((l) => !keptInteractions.has(l.interaction_id))
        .map((l) => ({ ...l, contact_id: keepId })),
    );
    await repointContactRows(tx.db, ownerId, mergeId, keepId);
    const folded: FoldedItem[] = [];
    for (const shared of await sharedPurposeItems(tx.db, ownerId, keepId, mergeId)) {
      const order = parseStages(shared.stages).map((s) => s.id);
      const fold = foldItem(order, shared.kept, shared.merged);
      if (!fold) continue;
      const after = { ...shared.kept, ...fold, updated_at: now };
      await updateItemRow(tx.db, ownerId, after.id, { ...fold, updated_at: now });
      let moveId: string | null = null;
      if (after.stage !== shared.kept.stage) {
        moveId = tx.ids.next();
        await insertMoves(tx.db, [
          {
            id: moveId,
            owner_id: ownerId,
            item_id: after.id,
            from_stage: shared.kept.stage,
            to_stage: after.stage,
            moved_at: now,
            source: 'merge',
          },
        ]);
      }
      folded.push({ before: shared.kept, after, moveId });
    }
    const records = await moveContactRecords(tx.db, ownerId, mergeId, keepId);
    await insertHistory(tx.db, history);
    await updateContact(tx.db, ownerId, keepId, patch);
    await updateContact(tx.db, ownerId, mergeId, { deleted_at: now, merged_into: keepId, updated_at: now });
    await reindexContacts(tx, ownerId, [keepId]);
    const settings = await relationshipSettings(tx, ownerId, keepId);
    await mergeRelationshipSettings(tx, ownerId, keepId, mergeId);
    await refreshRelationships(tx, ownerId, [keepId]);
    // The kept contact as the merge left it too: undo then takes away only what the merge brought (revert-contact-changes).
    const snapshot: MergeSnapshot = {
      kept,
      merged,
      moved: records,
      after: await captureContact(tx, ownerId, keepId),
      settings: { before: settings, after: await relationshipSettings(tx, ownerId, keepId) },
      // The kept contact after the merge has only tags of these two.
      tagNames: await tagNamesOf(tx, ownerId, [kept, merged]),
      folded,
    };
    await insertMerge(tx.db, {
      id: mergeRowId,
      owner_id: ownerId,
      kept_id: keepId,
      merged_id: mergeId,
      snapshot: JSON.stringify(snapshot),
      created_at: now,
      undone_at: null,
    });
    const row = await findContact(tx.db, ownerId, keepId);
    if (!row) throw notFound('contact');
    tx.log.info({ mergeId: mergeRowId }, 'contacts merged');
    return { mergeId: mergeRowId, contact: await presentContact(tx, row) };
  });
}

const NOTE_CUT = ' […] (cut by a merge: undoing it gives the whole note back)';

/**
 * What the kept contact's place on a purpose takes from the merged contact's place there, or null for nothing, so
 * that neither's progress nor words are lost while the board shows one card for the person:
 * - the stage further along the purpose's `order` (stage ids), with its time in stage and its card's place in that
 *   column; a stage no longer on the purpose counts as earliest, since no column shows it. On the same stage the
 *   person has been there since the earlier of the two.
 * - the kept place's next step (the owner chose to keep that record, as for contact fields); the other's only when
 *   it has none. The other's differing next step is not dropped: it becomes a line of the note.
 * - both notes, the kept one's first, a blank line between. Past `ITEM_NOTE_MAX` the kept note stays whole and the
 *   rest is cut with a mark saying so; the merged place keeps its note untouched and comes back with the undo.
 */
function foldItem(
  order: string[],
  kept: PurposeItemTable,
  other: PurposeItemTable,
): Partial<PurposeItemTable> | null {
  const patch: Partial<PurposeItemTable> = {};
  if (order.indexOf(other.stage) > order.indexOf(kept.stage)) {
    patch.stage = other.stage;
    patch.stage_since = other.stage_since;
    patch.position = other.position;
  } else if (other.stage === kept.stage && other.stage_since < kept.stage_since) {
    patch.stage_since = other.stage_since;
  }
  const hasStep = (i: PurposeItemTable) => i.next_step !== null || i.next_step_on !== null;
  const paragraphs: string[] = [];
  if (other.note && other.note !== kept.note) paragraphs.push(other.note);
  if (hasStep(other) && !hasStep(kept)) {
    patch.next_step = other.next_step;
    patch.next_step_on = other.next_step_on;
  } else if (
    hasStep(other) &&
    (other.next_step !== kept.next_step || other.next_step_on !== kept.next_step_on)
  ) {
    const due = other.next_step_on ? ` (by ${other.next_step_on})` : '';
    paragraphs.push(`Next step from the merged entry: ${other.next_step ?? '—'}${due}`);
  }
  if (paragraphs.length > 0) patch.note = joinNotes(kept.note, paragraphs.join('\n\n'));
  return Object.keys(patch).length > 0 ? patch : null;
}

/** `mine`, a blank line, then `theirs`, within `ITEM_NOTE_MAX`; `mine` is never cut. */
function joinNotes(mine: string | null, theirs: string): string {
  const head = mine ? `${mine}\n\n` : '';
  if (head.length + theirs.length <= ITEM_NOTE_MAX) return head + theirs;
  const room = ITEM_NOTE_MAX - head.length - NOTE_CUT.length;
  // A kept note too near the limit for the mark: a bare one if it fits, so the place can still be edited and saved.
  if (room <= 0) return mine && `${head}[…]`.length > ITEM_NOTE_MAX ? mine : `${head}[…]`;
  let kept = theirs.slice(0, room);
  // Never half a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return `${head}${kept.trimEnd()}${NOTE_CUT}`;
}
