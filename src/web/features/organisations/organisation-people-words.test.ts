import { describe, expect, it } from 'vitest';
import { byStrength, lastContactText, shownOf, strengthLabel } from './organisation-people-words';

describe('how the organisation page words its people', () => {
  it('names the tier, or says nothing is logged yet rather than calling a new contact dormant', () => {
    expect(strengthLabel({ tier: 'close', lastContactAt: '2026-01-10T10:00:00.000Z' })).toBe('Close');
    expect(strengthLabel({ tier: 'dormant', lastContactAt: null })).toBe('No interactions yet');
    expect(strengthLabel({ tier: 'dormant', lastContactAt: '2019-01-10T10:00:00.000Z' })).toBe('Dormant');
    // A closeness rating alone lifts the tier with nothing logged.
    expect(strengthLabel({ tier: 'active', lastContactAt: null })).toBe('Active');
  });

  it('gives the last contact as a day, or says there was none', () => {
    expect(lastContactText(null)).toBe('never in touch');
    expect(lastContactText('2026-01-10T10:00:00.000Z')).toMatch(/^last contact .*2026/);
  });

  it('orders the people I know best first, then the most recently in touch, then as listed', () => {
    const p = (id: string, score: number, lastContactAt: string | null) => ({ id, score, lastContactAt });
    const people = [
      p('a', 0, null),
      p('b', 40, '2026-01-01T00:00:00.000Z'),
      p('c', 0, null),
      p('d', 40, '2026-02-01T00:00:00.000Z'),
      p('e', 75, '2025-01-01T00:00:00.000Z'),
    ];
    expect(byStrength(people).map((x) => x.id)).toEqual(['e', 'd', 'b', 'a', 'c']);
    expect(people.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']); // not sorted in place
  });

  it('says how many of the people there before are shown while some are not', () => {
    expect(shownOf(100, 742, String)).toBe('Showing 100 of 742, most recently left first.');
    expect(shownOf(3, 3, String)).toBeNull();
  });
});
