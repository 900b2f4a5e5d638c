import { describe, expect, it } from 'vitest';
import type { MergeSummary } from '../../api/types';
import { mergeLead } from './merge-words';

const merge: MergeSummary = {
  id: 'm1',
  keptId: 'k1',
  mergedId: 'g1',
  keptName: 'Jürgen Müller',
  mergedName: 'Juergen Mueller',
  createdAt: '2026-11-26T10:00:00.000Z',
  undoneAt: null,
  keptNow: 'live',
};

describe('recent merges row', () => {
  it('names the merged contact, whether the merge stands or was undone', () => {
    expect(mergeLead(merge)).toBe('Merged “Juergen Mueller” into ');
    const undone: MergeSummary = { ...merge, undoneAt: '2026-11-26T11:00:00.000Z' };
    expect(mergeLead(undone)).toBe('Merged “Juergen Mueller” into ');
  });

  it('falls back to plain words when the merged contact has no name', () => {
    expect(mergeLead({ ...merge, mergedName: '' })).toBe('Merged a duplicate into ');
  });
});
