import { describe, expect, it } from 'vitest';
import { columnMappingSchema } from './column-mapping';
import { parseColumnMappingFlag } from './parse-column-mapping-flag';

describe('parseColumnMappingFlag', () => {
  it('reads Column=target pairs, labels after a colon, and quoted column names', () => {
    const result = parseColumnMappingFlag(
      'First=givenName, Surname=familyName,Mail=email,Mobil=phone:Mobile,"Name, Firma"=organisation',
    );
    expect(result).toEqual({
      ok: true,
      mapping: {
        First: 'givenName',
        Surname: 'familyName',
        Mail: 'email',
        Mobil: { target: 'phone', label: 'Mobile' },
        'Name, Firma': 'organisation',
      },
    });
    if (result.ok) expect(columnMappingSchema.parse(result.mapping)).toEqual(result.mapping);
  });
  it('reports every bad entry, naming the valid targets', () => {
    const result = parseColumnMappingFlag('First=firstname,Surname,=email,Mail=email,Mail=phone');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(4);
    expect(result.errors[0]).toMatch(
      /^"First=firstname": unknown target "firstname" \(did you mean givenName\?\)|^"First=firstname": unknown target "firstname"; use one of givenName, familyName/,
    );
    expect(result.errors[0]).toContain('use one of givenName, familyName');
    expect(result.errors[1]).toBe('"Surname": expected Column=target, e.g. First=givenName');
    expect(result.errors[2]).toBe('"=email": the column name is empty');
    expect(result.errors[3]).toBe('"Mail=phone": column "Mail" is mapped twice');
  });
  it('suggests the right case and rejects an empty flag', () => {
    const result = parseColumnMappingFlag('Mail=EMAIL');
    expect(!result.ok && result.errors[0]).toContain('(did you mean email?)');
    expect(parseColumnMappingFlag(' , ')).toEqual({ ok: false, errors: ['the mapping is empty'] });
  });
});
