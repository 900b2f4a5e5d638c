import { z } from 'zod';
import { id, text, timestamp } from './common';

export const tagName = text().trim().min(1, 'is required').max(60);
export const tagCreateInput = z.strictObject({ name: tagName });
export const tagUpdateInput = z.strictObject({ name: tagName });
export const tagMergeInput = z.strictObject({ into: id });

export const tag = z.object({
  id: z.string(),
  name: z.string(),
  contactCount: z.number(),
  /** Keep in touch with this tag's contacts every N days (null: no tag cadence). */
  cadenceDays: z.number().nullable(),
  /** Whether my connections may find contacts with this tag (docs/adr on network privacy). */
  findable: z.boolean(),
  createdAt: timestamp,
  deletedAt: timestamp.nullable(),
});
export type Tag = z.infer<typeof tag>;
export const tagList = z.object({ items: z.array(tag) });
