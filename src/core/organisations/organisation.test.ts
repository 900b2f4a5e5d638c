import { describe, expect, it } from 'vitest';
import { normaliseOrganisationName } from './organisation';

describe('normaliseOrganisationName', () => {
  it.each([
    ['Acme Logistics', 'acme logistics'],
    ['Acme Logistics, Inc.', 'acme logistics'],
    ['ACME  Logistics Inc', 'acme logistics'],
    ['Société Générale S.A.', 'societe generale'],
    ['Siemens AG', 'siemens'],
    ['Vogel GmbH', 'vogel'],
    ['Tyrell Corp.', 'tyrell'],
    ['Caldwell, Price & Partners, LLP', 'caldwell, price & partners'],
    ['Northwind Pty Ltd', 'northwind'],
    // Two or more legal forms, each with its commas and dots.
    ['Tyrell Corp, Inc.', 'tyrell'],
    ['Tyrell Corp., Inc.', 'tyrell'],
    ['TYRELL CORPORATION LIMITED', 'tyrell'],
    ['Vogel GmbH & Co. KG', 'vogel'],
    ['Vogel GmbH & Co KG', 'vogel'],
    ['Vogel KG', 'vogel'],
    ['Hanwha Ltd.', 'hanwha'],
    ['Hanwha Co., Ltd.', 'hanwha'],
    ['Initech LLC, Inc.', 'initech'],
  ])('%j compares as %j', (name, norm) => {
    expect(normaliseOrganisationName(name)).toBe(norm);
  });

  it.each([
    ['Limited', 'limited'], // nothing would be left
    ['Inc.', 'inc.'],
    [', Inc.', ', inc.'],
    ['Corp, Inc.', 'corp'], // as far as a name is left
    ['Limited Ltd', 'limited'],
    ['Incognito', 'incognito'], // a word that only starts like a legal form
    ['Saga', 'saga'],
    ['AG Barr', 'ag barr'], // only at the end
  ])('leaves %j as %j', (name, norm) => {
    expect(normaliseOrganisationName(name)).toBe(norm);
  });
});
