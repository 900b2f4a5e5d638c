import { createHash } from 'node:crypto';
import { isStorableText } from '../contracts/common';
import { validationError } from './errors';

/** Opaque page cursors: base64url JSON the client passes back unchanged. */
export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** What `encodeCursor` writes: text the database can compare, or a finite number. */
const isCursorValue = (x: unknown) =>
  (typeof x === 'string' && isStorableText(x)) || (typeof x === 'number' && Number.isFinite(x));

/**
 * Decodes a cursor made by `encodeCursor`; anything else (a forged one whose values are objects, or hold NUL) is a
 * `validation` error on `cursor`.
 */
export function decodeCursor<K extends string>(
  cursor: string,
  keys: readonly K[],
): Record<K, string | number> {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      v &&
      typeof v === 'object' &&
      keys.every((k) => k in v && isCursorValue((v as Record<K, unknown>)[k]))
    )
      return v as Record<K, string | number>;
  } catch {
    // fall through to the validation error
  }
  throw validationError('cursor', 'is not a cursor this list gave out');
}

/** What a scoped cursor carries: who asked and with which filter, hashed (the cursor shows neither). */
function scopeOf(ownerId: string, filter: readonly (string | undefined)[]): string {
  return createHash('sha256')
    .update(JSON.stringify([ownerId, ...filter.map((f) => f ?? null)]))
    .digest('base64url')
    .slice(0, 16);
}

/** `encodeCursor` for a list whose cursor must come back to the same owner with the same filter. */
export function encodeScopedCursor(
  ownerId: string,
  filter: readonly (string | undefined)[],
  value: Record<string, string | number>,
): string {
  return encodeCursor({ ...value, s: scopeOf(ownerId, filter) });
}

/**
 * Decodes a cursor made by `encodeScopedCursor`. One made for another filter (or another account) would skip rows
 * of this one or start nowhere in it: a `validation` error on `cursor`, as a forged one is.
 */
export function decodeScopedCursor<K extends string>(
  cursor: string,
  keys: readonly K[],
  ownerId: string,
  filter: readonly (string | undefined)[],
): Record<K, string | number> {
  const v = decodeCursor(cursor, [...keys, 's']);
  if (v.s !== scopeOf(ownerId, filter))
    throw validationError('cursor', 'was given for another filter or account: start again without it');
  return v;
}
