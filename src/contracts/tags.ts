import { z } from 'zod';
import { id, text, timestamp } from './common';
import { contactFilterQuery } from './contacts';

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

/** The most ids one request may name (≈ 400 kB of JSON); `filter` reaches any number. */
export const MAX_TAGGED_IDS = 10_000;

/** Tags to add to and remove from many contacts at once: these (`ids`), or every one the contact list shows for `filter`. */
export const contactTagsInput = z
  .strictObject({
    ids: z.array(id).min(1, 'name at least one contact').max(MAX_TAGGED_IDS).optional(),
    filter: contactFilterQuery.optional(),
    add: z.array(tagName).max(20).default([]),
    remove: z.array(tagName).max(20).default([]),
  })
  .refine((v) => (v.ids === undefined) !== (v.filter === undefined), {
    message: 'give either ids or filter',
    path: ['ids'],
  })
  .refine((v) => v.add.length + v.remove.length > 0, {
    message: 'name a tag to add or to remove',
    path: ['add'],
  });
export type ContactTagsInput = z.input<typeof contactTagsInput>;

export const contactTagsResult = z.object({
  /** How many contacts the ids or the filter reached. */
  matched: z.number().int(),
  /** How many of them had their tags changed (those that already had every added tag and none removed did not). */
  changed: z.number().int(),
  /**
   * The contacts whose tags changed. For a call that only adds or only removes, the same call with `add` and
   * `remove` swapped on these ids undoes it (with both, a contact may have changed by one of them only).
   */
  changedIds: z.array(z.string()),
  /** Tags this call created (for an undo to put in the trash). */
  createdTagIds: z.array(z.string()),
});
export type ContactTagsResult = z.infer<typeof contactTagsResult>;
