import type { Tag } from '../../contracts/tags';
import type { TagTable } from '../db/schema';
import { fold } from '../text/fold';

/** Tags compare accent-, case- and space-insensitively: "Former  Students" and "former students" are one tag. */
export function normaliseTagName(name: string): string {
  return fold(name).trim().replace(/\s+/g, ' ');
}

export function toTag(row: TagTable & { contact_count: number }): Tag {
  return {
    id: row.id,
    name: row.name,
    contactCount: Number(row.contact_count),
    cadenceDays: row.cadence_days,
    findable: row.findable === 1,
    createdAt: row.created_at,
    deletedAt: row.deleted_at,
  };
}
