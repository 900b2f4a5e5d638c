import { expect, it } from 'vitest';

// Fails on purpose, but only when test/exit-code.test.ts runs it in a child Vitest; in a normal run it is
// skipped, because its only job is to prove that a failing suite makes `npm test` exit non-zero.
it.runIf(process.env.RAPPORT_EXIT_CODE_PROBE === '1')('fails on purpose', () => {
  expect('a failing test').toBe('a non-zero exit code');
});
