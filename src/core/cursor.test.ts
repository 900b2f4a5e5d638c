import { describe, expect, it } from 'vitest';
import { refused } from '../../test/refused';
import { decodeCursor, encodeCursor } from './cursor';

const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('decodeCursor', () => {
  it('reads back what encodeCursor wrote', () => {
    expect(decodeCursor(encodeCursor({ k: 'ada', i: 'x', o: 50 }), ['k', 'i', 'o'])).toEqual({
      k: 'ada',
      i: 'x',
      o: 50,
    });
  });

  it('refuses forged cursors as a validation error on cursor, never letting them reach a query', async () => {
    for (const cursor of [
      'zzz',
      forged(null),
      forged('a string'),
      forged({ k: 'a' }),
      forged({ k: { x: 1 }, i: 'a' }),
      forged({ k: ['a'], i: 'a' }),
      forged({ k: true, i: 'a' }),
      forged({ k: null, i: 'a' }),
      forged({ k: 'a\u0000', i: 'a' }),
      forged({ k: 'a', i: '\ud800' }),
    ]) {
      const e = await refused(
        Promise.resolve().then(() => decodeCursor(cursor, ['k', 'i'])),
        'validation',
      );
      expect(e.details.issues).toEqual([{ path: 'cursor', message: 'is not a cursor this list gave out' }]);
    }
  });
});
