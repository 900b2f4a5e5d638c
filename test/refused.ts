import { expect } from 'vitest';
import { AppError } from '../src/core/errors';

/** Awaits `p`, expects it to fail with an AppError of `code` (and a message matching `message`); returns it. */
export async function refused(
  p: Promise<unknown>,
  code: AppError['code'],
  message?: RegExp,
): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (message) expect((e as AppError).message).toMatch(message);
  return e as AppError;
}
