import type { ContactSnapshot } from '../contacts/contact-snapshot';
import type { Ctx } from '../context';
import type { PurposeItemTable } from '../db/schema';
import { followMerges } from '../follow-merges';
import { organisationsByIds } from '../organisations/organisation.queries';
import { updateItemRow } from '../purposes/purpose.queries';
import { parseStages } from '../purposes/stages';
import { saveStates, statesOf } from '../relationships/relationship.queries';
import { DEFAULT_SETTINGS } from '../relationships/relationship-state';
import { tagsNamed } from '../tags/tag.queries';
import {
  deleteStageMove,
  existingInteractionIds,
  lockPurposeItems,
  type MovedRows,
  stagesOfPurposes,
  tagNormsByIds,
} from './duplicates.queries';

/** The owner's own relationship settings for a contact (the rest of its state is worked out from history). */
export interface RelationshipSettings {
  closeness: number;
  cadence_days: number | null;
  cadence_stopped: number;
}

/** What a merge row keeps so that the merge can be undone (merges.snapshot, JSON). */
export interface MergeSnapshot {
  /** Both contacts just before the merge. */
  kept: ContactSnapshot;
  merged: ContactSnapshot;
  /** The merged contact's records that now name the kept one. */
  moved?: Partial<MovedRows>;
  /** The kept contact as the merge left it, and its settings around the merge (merges since 2026-11-26). */
  after?: ContactSnapshot;
  settings?: { before: RelationshipSettings | null; after: RelationshipSettings | null };
  /**
   * The folded name of each tag these snapshots name (merges since 2026-11-27): a tag merged into another since is
   * deleted, and undo finds the tag it leads to by its name (ADR 22).
   */
  tagNames?: Record<string, string>;
  /**
   * The kept contact's places on purposes both contacts were on, before and after the merge folded the merged
   * contact's place into them, and the stage move it recorded (merges since 2026-11-27; older ones left them alone).
   */
  folded?: FoldedItem[];
}

/** One purpose place of the kept contact's that a merge folded the merged contact's place on that purpose into. */
export interface FoldedItem {
  before: PurposeItemTable;
  after: PurposeItemTable;
  /** The `purpose_stage_moves` row of the merge, when it moved the place to the merged contact's further stage. */
  moveId: string | null;
}

/** The folded names of the tags these snapshots name, for `MergeSnapshot.tagNames`. */
export async function tagNamesOf(
  ctx: Ctx,
  ownerId: string,
  snapshots: ContactSnapshot[],
): Promise<Record<string, string>> {
  const ids = snapshots.flatMap((s) => s.tags.map((t) => t.tag_id));
  return Object.fromEntries(await tagNormsByIds(ctx.db, ownerId, ids));
}

/**
 * The snapshots with what they name as it is now, so that putting them back neither fails on a foreign key nor
 * lands on a row that has been merged away since. A tag that is gone means what its name means now, as in an
 * import (ADR 22): the tag it was merged into, or a live tag made again under that name. With none (purged from
 * the trash, or a merge recorded before names were kept) it is left out, not made again: the owner threw it away.
 * A tag in the trash keeps its link and comes back with it, as contacts do when a tag is restored. Organisations follow their merges to the one they live in (in the trash or
 * not, as the contacts there do); one purged since is none. Links to interactions gone since (an import undone)
 * are left out.
 */
export async function withReferencesNow<T extends ContactSnapshot | undefined>(
  ctx: Ctx,
  ownerId: string,
  snapshots: T[],
  tagNames: Record<string, string> = {},
): Promise<T[]> {
  const list = snapshots.filter((s): s is NonNullable<T> => s !== undefined);
  const tagIds = list.flatMap((s) => s.tags.map((t) => t.tag_id));
  const tagsThere = await tagNormsByIds(ctx.db, ownerId, tagIds);
  const lost = [...new Set(tagIds.filter((id) => !tagsThere.has(id)))];
  const named = await tagsNamed(
    ctx.db,
    ownerId,
    lost.flatMap((id) => tagNames[id] ?? []),
  );
  const tagNow = (id: string) => (tagsThere.has(id) ? id : named.get(tagNames[id] ?? '')?.id);
  const orgNow = await organisationsNow(ctx, ownerId, [
    ...list.flatMap((s) => s.row.organisation_id ?? []),
    ...list.flatMap((s) => s.positions.flatMap((p) => p.organisation_id ?? [])),
  ]);
  const org = (id: string | null) => (id === null ? null : (orgNow.get(id) ?? null));
  const interactions = await existingInteractionIds(
    ctx.db,
    ownerId,
    list.flatMap((s) => (s.interactions ?? []).map((l) => l.interaction_id)),
  );
  return snapshots.map((s) => {
    if (!s) return s;
    const tags = new Map<string, ContactSnapshot['tags'][number]>();
    for (const t of s.tags) {
      const id = tagNow(t.tag_id);
      // Two tags merged into one since are one link.
      if (id && !tags.has(id)) tags.set(id, { ...t, tag_id: id });
    }
    return {
      ...s,
      row: { ...s.row, organisation_id: org(s.row.organisation_id) },
      tags: [...tags.values()],
      positions: s.positions.map((p) => ({ ...p, organisation_id: org(p.organisation_id) })),
      interactions: (s.interactions ?? []).filter((l) => interactions.has(l.interaction_id)),
    };
  });
}

/** Where each organisation id leads now through its merges, in the trash or not: the row at the end, or null. */
async function organisationsNow(
  ctx: Ctx,
  ownerId: string,
  ids: string[],
): Promise<Map<string, string | null>> {
  const found = await followMerges(
    new Map(ids.map((id) => [id, id])),
    (batch) => organisationsByIds(ctx.db, ownerId, batch),
    { trashed: true },
  );
  return new Map(ids.map((id) => [id, found.get(id)?.id ?? null]));
}

export async function relationshipSettings(
  ctx: Ctx,
  ownerId: string,
  contactId: string,
): Promise<RelationshipSettings | null> {
  const state = (await statesOf(ctx.db, ownerId, [contactId])).get(contactId);
  return state
    ? { closeness: state.closeness, cadence_days: state.cadence_days, cadence_stopped: state.cadence_stopped }
    : null;
}

/** Each setting still as the merge left it goes back to what it was; one the owner changed since stays. */
export async function restoreRelationshipSettings(
  ctx: Ctx,
  ownerId: string,
  contactId: string,
  settings: NonNullable<MergeSnapshot['settings']>,
): Promise<void> {
  const state = (await statesOf(ctx.db, ownerId, [contactId])).get(contactId);
  if (!state) return;
  const was = settings.before ?? DEFAULT_SETTINGS;
  const merged = settings.after ?? DEFAULT_SETTINGS;
  const pick = <K extends keyof RelationshipSettings>(k: K) => (state[k] === merged[k] ? was[k] : state[k]);
  await saveStates(ctx.db, [
    {
      ...state,
      closeness: pick('closeness'),
      cadence_days: pick('cadence_days'),
      cadence_stopped: pick('cadence_stopped'),
    },
  ]);
}

/**
 * Puts the kept contact's purpose places a merge folded back as they were. One untouched since is exactly as before
 * (its time of last change too); otherwise, like the contact's fields, what is still as the merge left it goes back
 * (stage with its time in stage, next step with its date, note) and what the owner changed since stays: a note
 * edited since loses the merged paragraph if it is still there verbatim. The merge's stage move goes when the stage
 * goes back; it stays when the old stage has been removed from the purpose since. A place taken off the purpose
 * since has nothing to give back.
 */
export async function restoreFoldedItems(
  ctx: Ctx,
  ownerId: string,
  folded: FoldedItem[],
  at: string,
): Promise<void> {
  const current = await lockPurposeItems(
    ctx.db,
    ownerId,
    folded.map((f) => f.before.id),
  );
  const stages = await stagesOfPurposes(
    ctx.db,
    ownerId,
    [...current.values()].map((i) => i.purpose_id),
  );
  for (const { before, after, moveId } of folded) {
    const is = current.get(before.id);
    if (!is) continue;
    const untouched = ITEM_FIELDS.every((k) => same(is[k], after[k]));
    // A stage removed from the purpose since has no column: the place stays where the merge put it.
    const stageThere = parseStages(stages.get(is.purpose_id) ?? '[]').some((s) => s.id === before.stage);
    const stageBack =
      stageThere && (untouched || (is.stage === after.stage && is.stage_since === after.stage_since));
    const patch: Partial<PurposeItemTable> = { updated_at: untouched && stageBack ? before.updated_at : at };
    if (stageBack) {
      patch.stage = before.stage;
      patch.stage_since = before.stage_since;
      // Back in its old column, at its old place there; a reorder within the same column since stays.
      if (untouched || is.stage !== before.stage) patch.position = before.position;
    }
    if (is.next_step === after.next_step && is.next_step_on === after.next_step_on) {
      patch.next_step = before.next_step;
      patch.next_step_on = before.next_step_on;
    }
    patch.note = is.note === after.note ? before.note : noteWithoutMerged(before.note, after.note, is.note);
    await updateItemRow(ctx.db, ownerId, before.id, patch);
    if (stageBack && moveId) await deleteStageMove(ctx.db, ownerId, moveId);
  }
}

const ITEM_FIELDS = [
  'stage',
  'stage_since',
  'position',
  'next_step',
  'next_step_on',
  'note',
  'updated_at',
] as const satisfies (keyof PurposeItemTable)[];

// Positions are floats, which a driver may hand back as text.
const same = (a: unknown, b: unknown) =>
  typeof a === 'number' || typeof b === 'number' ? Number(a) === Number(b) : a === b;

/** A note edited since the merge: what the merge appended goes if it is still there verbatim (as for contacts). */
function noteWithoutMerged(was: string | null, merged: string | null, is: string | null): string | null {
  if (is === null || merged === null) return is;
  const appended = was && merged.startsWith(was) ? merged.slice(was.length) : '';
  if (!appended || !is.includes(appended)) return is;
  return is.replace(appended, '') || null;
}
