import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUnicodeCredential, splitNameCredentials } from './split-name-credentials';

describe('splitNameCredentials', () => {
  it.each([
    ['Caldwell, MBA', 'Caldwell', 'MBA'],
    ['Okafor, PhD, PMP', 'Okafor', 'PhD, PMP'],
    ['Nguyen, Ph.D.', 'Nguyen', 'Ph.D.'],
    ['Garcia, Jr.', 'Garcia', 'Jr.'],
    ['Lee,CFA®', 'Lee', 'CFA®'],
    ['Martin, SHRM-SCP', 'Martin', 'SHRM-SCP'],
    ['Brown, III', 'Brown', 'III'],
    ['Müller, Dipl.-Ing.', 'Müller', 'Dipl.-Ing.'],
  ])('moves the credentials of %j to the suffix', (last, familyName, suffix) => {
    expect(splitNameCredentials(last)).toEqual({ familyName, suffix });
  });

  it.each([
    'Smith, John', // a name, not a credential
    'Brown MBA', // no comma: nothing says where the name ends
    ', MBA', // nothing left for the name
    'de la Cruz, MBA, and friends', // one part is not a credential
    'Duarte',
    '',
  ])('leaves %j as it is', (last) => {
    expect(splitNameCredentials(last)).toEqual({ familyName: last });
  });

  it.each([
    ['Lee, Jr', 'Jr'],
    ['Lee, CPA/CFA', 'CPA/CFA'],
    ['Lee, ABCDEFGHIJKLMNOP', 'ABCDEFGHIJKLMNOP'],
  ])('reads ASCII credentials from character codes: %j', (last, suffix) => {
    expect(splitNameCredentials(last)).toEqual({ familyName: 'Lee', suffix });
  });

  it.each(['Lee, Mba', 'Lee, mBA', 'Lee, A', 'Lee, ABCDEFGHIJKLMNOPQ', 'Lee, M B A', 'Lee, MB_A'])(
    'leaves %j (not a credential) as it is',
    (last) => {
      expect(splitNameCredentials(last)).toEqual({ familyName: last });
    },
  );

  it('decides every ASCII part as the Unicode rule does', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9.&/_ -]{0,18}$/);
    fc.assert(
      fc.property(part, (p) => {
        const moved = splitNameCredentials(`Lee, ${p}`).suffix !== undefined;
        expect(moved).toBe(p.trim() !== '' && isUnicodeCredential(p.trim()));
      }),
      { numRuns: 2000 },
    );
  });
});
