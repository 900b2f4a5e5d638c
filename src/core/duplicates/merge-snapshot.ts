import type { ContactSnapshot } from '../contacts/contact-snapshot';
import type { Ctx } from '../context';
import { followMerges } from '../follow-merges';
import { organisationsByIds } from '../organisations/organisation.queries';
import { saveStates, statesOf } from '../relationships/relationship.queries';
import { DEFAULT_SETTINGS } from '../relationships/relationship-state';
import { tagsNamed } from '../tags/tag.queries';
import { existingInteractionIds, type MovedRows, tagNormsByIds } from './duplicates.queries';

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
