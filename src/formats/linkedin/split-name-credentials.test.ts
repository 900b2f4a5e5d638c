import { describe, expect, it } from 'vitest';
import { splitNameCredentials } from './split-name-credentials';

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
});
