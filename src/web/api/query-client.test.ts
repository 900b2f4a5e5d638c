import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { retryWhenBusy } from './query-client';

describe('changes sent again', () => {
  it('only when the database was busy (503 unavailable, rolled back), and at most twice', () => {
    const busy = new ApiError(503, 'unavailable', 'the database is busy; try again in a moment');
    expect(retryWhenBusy(0, busy)).toBe(true);
    expect(retryWhenBusy(1, busy)).toBe(true);
    expect(retryWhenBusy(2, busy)).toBe(false);
    // Anything else may have happened on the server, or is an answer: shown, never repeated behind the user's back.
    expect(retryWhenBusy(0, new ApiError(500, 'internal', 'internal error'))).toBe(false);
    expect(retryWhenBusy(0, new ApiError(409, 'conflict', 'already done'))).toBe(false);
    expect(retryWhenBusy(0, new ApiError(0, 'network', 'Could not reach the server.'))).toBe(false);
    expect(retryWhenBusy(0, new Error('boom'))).toBe(false);
  });
});
