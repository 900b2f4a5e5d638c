import { describe, expect, it } from 'vitest';
import {
  cadenceText,
  DIRECTION_OPTIONS,
  DUE_NOW_NEVER_IN_TOUCH,
  directionLabel,
  dueSinceConnecting,
  formatRate,
  NOT_STARTED,
  noFactorsText,
  notStarted,
  suggestedDirection,
  whenError,
} from './relationship-words';

describe('relationship words', () => {
  it('says someone never in touch is due now, not due years ago', () => {
    const today = '2026-11-28';
    expect(dueSinceConnecting({ nextDue: '2018-07-24', lastContactAt: null }, today)).toBe(true);
    expect(DUE_NOW_NEVER_IN_TOUCH).toMatch(/^Now \(no contact logged/);
    // In touch once, the overdue date is the true one; not yet due is not overdue.
    expect(dueSinceConnecting({ nextDue: '2026-10-01', lastContactAt: '2026-08-01T09:00:00Z' }, today)).toBe(
      false,
    );
    expect(dueSinceConnecting({ nextDue: '2026-12-24', lastContactAt: null }, today)).toBe(false);
  });

  it('says where a keep-in-touch interval comes from', () => {
    expect(cadenceText(30, 'contact', 'close')).toBe('Every 30 days (set for this person)');
    expect(cadenceText(180, 'tag', 'active')).toBe('Every 180 days (from a tag)');
    // Tagged "LP" (60 days) and "founder" (30): the shorter applies, and the page says whose it is.
    expect(cadenceText(30, 'tag', 'active', true, { name: 'founder' })).toBe(
      'Every 30 days (from tag “founder”)',
    );
    expect(cadenceText(60, 'tier', 'close')).toBe('Every 60 days (the default for close relationships)');
    expect(cadenceText(null, 'stopped', 'inner')).toMatch(/not this person/);
    expect(cadenceText(null, 'none', 'dormant')).toMatch(/No reminders/);
  });

  it('says nothing is logged yet instead of judging a relationship that has not started as dormant', () => {
    expect(notStarted({ lastContactAt: null, tier: 'dormant' })).toBe(true);
    expect(NOT_STARTED).toBe('No interactions yet');
    // Lost touch long ago is dormant; a closeness rating sets the band even before the first interaction.
    expect(notStarted({ lastContactAt: '2024-02-01T08:00:00.000Z', tier: 'dormant' })).toBe(false);
    expect(notStarted({ lastContactAt: null, tier: 'active' })).toBe(false);
    expect(cadenceText(null, 'none', 'dormant', false)).toBe(
      'No reminders yet: log a first interaction, or choose how often to keep in touch below',
    );
    expect(cadenceText(null, 'none', 'dormant', false)).not.toMatch(/dormant/);
    expect(cadenceText(30, 'contact', 'dormant', false)).toBe('Every 30 days (set for this person)');
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

  it('words who reached out the same on the timeline as in the form', () => {
    expect(directionLabel('mutual')).toBe('Both of us / it just happened');
    expect(directionLabel('inbound')).toBe('They reached out');
    expect(directionLabel('outbound')).toBe('I reached out');
    for (const o of DIRECTION_OPTIONS) expect(o.label).toBe(directionLabel(o.value));
  });

  it('suggests "I reached out" for an unanswered call, the form’s default otherwise', () => {
    expect(suggestedDirection('call', false, 'mutual')).toBe('outbound');
    expect(suggestedDirection('call', false, 'inbound')).toBe('outbound');
    expect(suggestedDirection('call', true, 'mutual')).toBe('mutual');
    // "Answered" only means something for a call.
    expect(suggestedDirection('meeting', false, 'mutual')).toBe('mutual');
  });

  it('refuses an empty "When" instead of taking it as now', () => {
    expect(whenError('')).toBe('Choose when it happened.');
    expect(whenError('  ')).toBe('Choose when it happened.');
    expect(whenError('2026-13-45T99:00')).toBe('Enter a date and time.');
    expect(whenError('2026-03-12T09:30')).toBeNull();
  });
});
