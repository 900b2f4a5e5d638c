import type { MergeSummary } from '../../api/types';

/**
 * The words before the kept contact's name in a Recent merges row. The name comes from the merge listing, not the
 * kept contact's history: an undone merge takes that history line away, and equal names never left one.
 */
export function mergeLead(merge: Pick<MergeSummary, 'mergedName'>): string {
  return merge.mergedName ? `Merged “${merge.mergedName}” into ` : 'Merged a duplicate into ';
}
