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
  ])('%j compares as %j', (name, norm) => {
    expect(normaliseOrganisationName(name)).toBe(norm);
  });

  it.each([
    ['Limited', 'limited'], // nothing would be left
    ['Incognito', 'incognito'], // a word that only starts like a legal form
    ['Saga', 'saga'],
    ['AG Barr', 'ag barr'], // only at the end
  ])('leaves %j as %j', (name, norm) => {
    expect(normaliseOrganisationName(name)).toBe(norm);
  });
});
