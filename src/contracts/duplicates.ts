import { z } from 'zod';
import { id, text } from './common';
import { contact, contactSummary } from './contacts';

export const duplicatePair = z.object({
  a: contactSummary,
  b: contactSummary,
  /** `strong`: they share an email, LinkedIn profile or phone; `possible`: only their names look alike. */
  strength: z.enum(['strong', 'possible']),
  reasons: z.array(z.string()),
});
export type DuplicatePair = z.infer<typeof duplicatePair>;
/** The pages the duplicates view asks for: strongest first, `cursor` the previous page's `nextCursor`. */
export const duplicatesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(200),
  cursor: text().max(8000).optional(),
});
export type DuplicatesQuery = z.input<typeof duplicatesQuery>;
export const duplicateList = z.object({
  items: z.array(duplicatePair),
  /**
   * How many pairs are suggested, all pages together; `totalExact` false: Rapport stopped looking at `total`
   * pairs, and there are more.
   */
  total: z.number().int(),
  totalExact: z.boolean(),
  nextCursor: z.string().nullable(),
});
export type DuplicateList = z.infer<typeof duplicateList>;

export const mergeInput = z.strictObject({ keep: id, merge: id });
export const mergeResult = z.object({ mergeId: z.string(), contact });
export type MergeResult = z.infer<typeof mergeResult>;

export const dismissInput = mergeInput.pick({}).extend({ a: id, b: id }).strict();

export const mergeSummary = z.object({
  id: z.string(),
  keptId: z.string(),
  mergedId: z.string(),
  keptName: z.string(),
  mergedName: z.string(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  /** Where the kept contact is now: an undo needs it `live` (restore it from the trash, or undo its later merge). */
  keptNow: z.enum(['live', 'trashed', 'merged']),
});
export const mergeList = z.object({ items: z.array(mergeSummary) });
