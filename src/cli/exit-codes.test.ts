import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../core/errors';
import { EXIT_CODE_TABLE, exitCodeFor } from './exit-codes';

const EXPECTED: Record<ErrorCode, number> = {
  internal: 1,
  validation: 2,
  unauthenticated: 3,
  forbidden: 4,
  not_found: 5,
  conflict: 6,
  precondition_failed: 6,
  too_large: 7,
  rate_limited: 8,
  unavailable: 75,
};

describe('exit codes', () => {
  it('maps every error code to its documented status', () => {
    for (const [code, status] of Object.entries(EXPECTED))
      expect([code, exitCodeFor(code as ErrorCode)]).toEqual([code, status]);
  });
  it('documents each status once, every error code included', () => {
    expect(EXIT_CODE_TABLE.map((r) => r.status)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 75]);
    const documented = EXIT_CODE_TABLE.flatMap((r) => r.codes.split(', '));
    for (const code of Object.keys(EXPECTED)) expect(documented).toContain(code);
  });
});
