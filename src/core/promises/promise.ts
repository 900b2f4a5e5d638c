import type { PromiseView } from '../../contracts/relationships';
import type { PromiseTable } from '../db/schema';

export function toPromise(row: PromiseTable & { display_name: string }, today: string): PromiseView {
  return {
    id: row.id,
    contact: { id: row.contact_id, displayName: row.display_name },
    direction: row.direction,
    what: row.what,
    dueOn: row.due_on,
    status: row.status,
    resolvedOn: row.resolved_on,
    overdue: row.status === 'open' && row.due_on < today,
    createdAt: row.created_at,
  };
}

/**
 * Kept on time: kept no later than its due date. Released promises (both sides agreed to drop them) do not count;
 * open ones past their date count as not kept.
 */
export function keptOnTimeRate(
  rows: Pick<PromiseTable, 'status' | 'due_on' | 'resolved_on'>[],
  today: string,
): number | null {
  const counted = rows.filter((r) => r.status !== 'released' && (r.status !== 'open' || r.due_on < today));
  if (counted.length === 0) return null;
  const onTime = counted.filter(
    (r) => r.status === 'kept' && r.resolved_on !== null && r.resolved_on <= r.due_on,
  ).length;
  return Math.round((onTime / counted.length) * 1000) / 1000;
}
