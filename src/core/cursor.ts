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
