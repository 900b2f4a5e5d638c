import type { Organisation } from '../../contracts/organisations';
import type { OrganisationTable } from '../db/schema';
import { fold } from '../text/fold';

/** Organisation names compare accent-, case- and space-insensitively. */
export function normaliseOrganisationName(name: string): string {
  return fold(name).trim().replace(/\s+/g, ' ');
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
