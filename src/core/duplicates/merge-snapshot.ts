import type { ContactSnapshot } from '../contacts/contact-snapshot';
import type { Ctx } from '../context';
import { saveStates, statesOf } from '../relationships/relationship.queries';
import { DEFAULT_SETTINGS } from '../relationships/relationship-state';
import type { MovedRows } from './duplicates.queries';

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
