import { describe, expect, it } from 'vitest';
import { type CardFilter, matchesCardFilter, type TextMatch } from './match-card-filter';

const CARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Ada Lovelace',
  'N:Lovelace;Ada;;;',
  'item1.EMAIL;TYPE=INTERNET:ada@example.org',
  'EMAIL:countess@analytical.example',
  'NOTE:Wrote the first\\, famous progr',
  ' am',
  'END:VCARD',
  '',
].join('\r\n');

const text = (t: string, m: Partial<TextMatch> = {}): TextMatch => ({
  text: t,
  matchType: 'contains',
  negate: false,
  caseless: true,
  ...m,
});
const one = (name: string, ...matches: TextMatch[]): CardFilter => ({
  test: 'anyof',
  propFilters: [{ name, test: 'anyof', isNotDefined: false, textMatches: matches }],
});

describe('addressbook-query filters (RFC 6352 §10.5)', () => {
  it('match each kind of text match, case ignored unless i;octet', () => {
    expect(matchesCardFilter(CARD, one('FN', text('LOVE')))).toBe(true);
    expect(matchesCardFilter(CARD, one('FN', text('ada', { matchType: 'starts-with' })))).toBe(true);
    expect(matchesCardFilter(CARD, one('FN', text('Ada', { matchType: 'ends-with' })))).toBe(false);
    expect(matchesCardFilter(CARD, one('FN', text('ada lovelace', { matchType: 'equals' })))).toBe(true);
    expect(
      matchesCardFilter(CARD, one('FN', text('ada lovelace', { matchType: 'equals', caseless: false }))),
    ).toBe(false);
    expect(matchesCardFilter(CARD, one('FN', text('Babbage', { negate: true })))).toBe(true);
  });

  it('look at every instance of a property, grouped or not, unfolded and unescaped', () => {
    expect(matchesCardFilter(CARD, one('email', text('analytical')))).toBe(true);
    expect(matchesCardFilter(CARD, one('EMAIL', text('ada@', { matchType: 'starts-with' })))).toBe(true);
    expect(matchesCardFilter(CARD, one('NOTE', text('first, famous program')))).toBe(true);
  });

  it('combine prop-filters and text-matches with anyof and allof, and test presence', () => {
    const both: CardFilter = {
      test: 'allof',
      propFilters: [
        { name: 'FN', test: 'anyof', isNotDefined: false, textMatches: [text('ada')] },
        { name: 'TEL', test: 'anyof', isNotDefined: true, textMatches: [] },
      ],
    };
    expect(matchesCardFilter(CARD, both)).toBe(true);
    expect(
      matchesCardFilter(CARD, {
        ...both,
        propFilters: [{ name: 'TEL', test: 'anyof', isNotDefined: false, textMatches: [] }],
      }),
    ).toBe(false);
    const allOf: CardFilter = {
      test: 'anyof',
      propFilters: [
        { name: 'FN', test: 'allof', isNotDefined: false, textMatches: [text('ada'), text('babbage')] },
      ],
    };
    expect(matchesCardFilter(CARD, allOf)).toBe(false);
    expect(matchesCardFilter(CARD, { test: 'anyof', propFilters: [] })).toBe(true);
  });
});
