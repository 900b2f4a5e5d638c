import { z } from 'zod';
import { errorWords } from './error-words';

// Every schema's messages in plain words (error-words.ts); set here, where every contract starts.
z.config({ customError: errorWords });

/** The one error shape every API error uses. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

// An unpaired UTF-16 surrogate: half of a character, which JSON can carry (`"\ud800"`) but UTF-8 cannot.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether `s` can be stored as it is: PostgreSQL refuses NUL in text, and a lone surrogate would become U+FFFD. */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

/**
 * Every string the API takes: text both engines store exactly as sent. Chain the rest as on `z.string()`
 * (`text().trim().max(200)`).
 */
export function text() {
  return z.string().refine(isStorableText, 'must not contain NUL (\\u0000) or unpaired surrogate characters');
}

export const id = text().min(1).max(64);

/** The shape of the ids Rapport makes (UUIDv7, lower case), to tell an id from a name, a file or a card name. */
export const UUID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID_TYPED = new RegExp(`^${UUID_PATTERN}$`, 'i');
/** Whether someone typed or a file holds an id (in either case: a person may type one in capitals). */
export const isUuid = (s: string) => UUID_TYPED.test(s);
export const idParams = z.strictObject({ id });

export const isoDate = z.iso.date();
export const timestamp = z.string();

/** Text fields: trimmed, empty becomes null so "clear this field" is just sending "". */
export function optionalText(max: number) {
  return text()
    .max(max)
    .transform((s) => (s.trim() === '' ? null : s.trim()))
    .nullable()
    .optional();
}

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const limitParam = z.coerce.number().int().min(1).max(200).default(50);
