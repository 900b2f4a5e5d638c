import { z } from 'zod';

/** The one error shape every API error uses. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const id = z.string().min(1).max(64);
export const idParams = z.strictObject({ id });

export const isoDate = z.iso.date();
export const timestamp = z.string();

/** Text fields: trimmed, empty becomes null so "clear this field" is just sending "". */
export function optionalText(max: number) {
  return z
    .string()
    .max(max)
    .transform((s) => (s.trim() === '' ? null : s.trim()))
    .nullable()
    .optional();
}

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const limitParam = z.coerce.number().int().min(1).max(200).default(50);
