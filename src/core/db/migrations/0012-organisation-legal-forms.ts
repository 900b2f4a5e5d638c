import type { Kysely } from 'kysely';

// The rule of core/organisations/organisation.ts at the time of writing, applied to the stored folded names.
const LEGAL_FORM =
  /[\s,]+(?:inc|incorporated|corp|corporation|llc|l\.l\.c|llp|ltd|limited|plc|pty\.? ltd|gmbh|ag|s\.a|sa|s\.a\.s|sas|sarl|s\.a\.r\.l|b\.v|bv|n\.v|nv)\.?$/;

/**
 * Organisation names now compare without a legal form at the end ("Acme Logistics, Inc." is "Acme Logistics").
 * Stored names get the same key, so that the next import finds them instead of creating a second "Acme Logistics,
 * Inc."; where another live organisation of the owner already answers to the shorter key, both stay as they were.
 */
// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  const rows = (await db
    .selectFrom('organisations')
    .select(['id', 'owner_id', 'name_norm', 'deleted_at'])
    .orderBy('created_at')
    .execute()) as { id: string; owner_id: string; name_norm: string; deleted_at: string | null }[];
  const live = new Set(rows.filter((r) => !r.deleted_at).map((r) => `${r.owner_id} ${r.name_norm}`));
  for (const r of rows) {
    const base = r.name_norm.replace(LEGAL_FORM, '');
    if (!base || base === r.name_norm) continue;
    if (!r.deleted_at) {
      if (live.has(`${r.owner_id} ${base}`)) continue;
      live.add(`${r.owner_id} ${base}`);
    }
    await db.updateTable('organisations').set({ name_norm: base }).where('id', '=', r.id).execute();
  }
}

export async function down(): Promise<void> {
  // The longer keys are not kept anywhere; the shorter ones work with the code before this migration too.
}
