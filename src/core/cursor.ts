import { validationError } from './errors';

/** Opaque page cursors: base64url JSON the client passes back unchanged. */
export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`; anything else is a `validation` error on `cursor`. */
export function decodeCursor<K extends string>(
  cursor: string,
  keys: readonly K[],
): Record<K, string | number> {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (v && typeof v === 'object' && keys.every((k) => k in v)) return v as Record<K, string | number>;
  } catch {
    // fall through to the validation error
  }
  throw validationError('cursor', 'is not a cursor this list gave out');
}
