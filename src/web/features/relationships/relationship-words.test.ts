import { describe, expect, it } from 'vitest';
import { cadenceText, formatRate, noFactorsText } from './relationship-words';

describe('relationship words', () => {
  it('says where a keep-in-touch interval comes from', () => {
    expect(cadenceText(30, 'contact', 'close')).toBe('Every 30 days (set for this person)');
    expect(cadenceText(180, 'tag', 'active')).toBe('Every 180 days (from a tag)');
    expect(cadenceText(60, 'tier', 'close')).toBe('Every 60 days (the default for close relationships)');
    expect(cadenceText(null, 'stopped', 'inner')).toMatch(/not this person/);
    expect(cadenceText(null, 'none', 'dormant')).toMatch(/No reminders/);
  });

  it('never says nothing counts when contact is logged, only that it adds too little', () => {
    expect(noFactorsText(null)).toBe('Nothing logged yet: meet, call or write, then log it here.');
    expect(noFactorsText('2026-02-01T08:00:00.000Z')).toBe(
      'What is logged is too little or too long ago to add to the score.',
    );
  });

  it('shows a rate as a percentage, or a dash when nothing fell due', () => {
    expect(formatRate(0.875)).toBe('88%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(null)).toBe('—');
  });
});
