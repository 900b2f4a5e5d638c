import { describe, expect, it } from 'vitest';
import { favourTally } from './favour-words';

describe('favourTally', () => {
  it('counts favours, and says what they weigh only when sizes make it differ', () => {
    expect(favourTally({ given: 2, received: 1, givenCount: 2, receivedCount: 1 })).toBe(
      '2 given, 1 received',
    );
    expect(favourTally({ given: 1, received: 3, givenCount: 1, receivedCount: 1 })).toBe(
      '1 given, 1 received (by size 1 to 3)',
    );
  });
});
