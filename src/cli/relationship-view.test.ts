import { describe, expect, it } from 'vitest';
import type { Relationship } from '../contracts/relationships';
import { relationshipDetails } from './relationship-view';

const base: Relationship = {
  contactId: 'c1',
  score: 0,
  tier: 'dormant',
  factors: [],
  closeness: 0,
  lastContactAt: null,
  lastContactDateOnly: false,
  lastContactKind: null,
  cadence: { days: 60, source: 'contact' },
  nextDue: '2018-07-24',
  favours: { given: 0, received: 0, balance: 0, givenCount: 0, receivedCount: 0 },
};
const at = { today: '2026-11-28', timeZone: 'UTC' };
const nextDueLine = (r: Relationship) =>
  relationshipDetails('Ada', r, at)
    .split('\n')
    .find((l) => l.startsWith('next due'));

describe('rapport relationship: next due', () => {
  it('says someone never in touch is due now, not due years ago', () => {
    expect(nextDueLine(base)).toMatch(/now \(no contact logged since you connected or added them\)$/);
  });

  it('gives the overdue date of someone last in touch', () => {
    const r = { ...base, lastContactAt: '2026-08-01T09:00:00.000Z', nextDue: '2026-09-30' };
    expect(nextDueLine(r)).toMatch(/2026-09-30 \(.*overdue\)$/);
  });
});

describe('rapport relationship: keep in touch', () => {
  const line = (r: Relationship) =>
    relationshipDetails('Ada', r, at)
      .split('\n')
      .find((l) => l.startsWith('keep in touch'));

  it('names the tag an interval comes from', () => {
    const r: Relationship = {
      ...base,
      cadence: { days: 30, source: 'tag', tag: { id: 't1', name: 'founder' } },
    };
    expect(line(r)).toMatch(/ every 30 days \(from tag “founder”\)$/);
  });
});
