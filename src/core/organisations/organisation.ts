import type { Organisation } from '../../contracts/organisations';
import type { OrganisationTable } from '../db/schema';
import { fold } from '../text/fold';

// A legal form at the end, after a space or a comma (folded text: lower case, marks gone). "& Co. KG" and "Co., Ltd."
// go as one: "Co." alone is often part of the name ("Bain & Co.").
const LEGAL_FORM =
  /[\s,]+(?:inc|incorporated|corp|corporation|llc|l\.l\.c|llp|ltd|limited|plc|pty\.? ltd|gmbh|ag|kg|kgaa|(?:&\s*)?co\.?,?\s*kg(?:aa)?|co\.?,?\s*ltd|s\.a|sa|s\.a\.s|sas|sarl|s\.a\.r\.l|b\.v|bv|n\.v|nv)\.?$/;

/**
 * Organisation names compare accent-, case- and space-insensitively, and without the legal forms at the end, however
 * many: LinkedIn members type their employer freely, so "Tyrell Corp", "Tyrell Corp." and "Tyrell Corp, Inc." are one
 * organisation (the first spelling met is the one shown). A name that would be left empty keeps its last form.
 */
export function normaliseOrganisationName(name: string): string {
  let norm = fold(name).trim().replace(/\s+/g, ' ');
  for (let base = norm.replace(LEGAL_FORM, ''); base && base !== norm; base = norm.replace(LEGAL_FORM, ''))
    norm = base;
  return norm;
}

export type OrganisationRow = OrganisationTable & { contact_count: number };

export function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    website: row.website,
    notes: row.notes,
    contactCount: Number(row.contact_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** What a merge of organisations changed (`organisation_merges.moved`), so that undo can put it back. */
export interface OrganisationMergeRecord {
  contacts: string[];
  positions: string[];
  /** The kept organisation's website and notes before the merge and as the merge left them. */
  before: { website: string | null; notes: string | null };
  after: { website: string | null; notes: string | null };
}

export function parseMergeRecord(json: string): OrganisationMergeRecord {
  return JSON.parse(json) as OrganisationMergeRecord;
}
