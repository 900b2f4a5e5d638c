import { z } from 'zod';
import { id, limitParam, optionalText, page, text, timestamp } from './common';
import { tier } from './relationships';

export const organisationCreateInput = z.strictObject({
  name: text().trim().min(1, 'is required').max(200),
  website: optionalText(2048),
  notes: optionalText(20000),
});
export const organisationUpdateInput = z.strictObject({
  name: text().trim().min(1, 'is required').max(200).optional(),
  website: optionalText(2048),
  notes: optionalText(20000),
});

export const organisation = z.object({
  id: z.string(),
  name: z.string(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  contactCount: z.number(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
});
export type Organisation = z.infer<typeof organisation>;

/** Someone at an organisation, with how well I know them: what the contact list and the lapsed list show. */
export const organisationPerson = z.object({
  id: z.string(),
  displayName: z.string(),
  title: z.string().nullable(),
  /** Relationship strength today (0–100) and its tier; 0 and `dormant` when never in touch. */
  score: z.number(),
  tier,
  lastContactAt: timestamp.nullable(),
});
export type OrganisationPerson = z.infer<typeof organisationPerson>;
/** One past position there (someone with two past positions there is listed twice). */
export const organisationPastPerson = organisationPerson.extend({ endedOn: z.string().nullable() });
export type OrganisationPastPerson = z.infer<typeof organisationPastPerson>;
export const organisationPeople = z.object({
  /** The first 500 by name; `contactCount` says how many there are (the contact list filters by organisation). */
  current: z.array(organisationPerson),
  /** The first page, most recently left first; `pastNextCursor` reads on with `GET /organisations/{id}/past-people`. */
  past: z.array(organisationPastPerson),
  pastTotal: z.number().int(),
  pastNextCursor: z.string().nullable(),
});
export const organisationDetail = organisation.extend({
  people: organisationPeople,
  /** Organisations merged into this one and not split again, newest first (each can be undone). */
  merges: z.array(
    z.object({ id: z.string(), organisationId: z.string(), name: z.string(), mergedAt: timestamp }),
  ),
});
export type OrganisationDetail = z.infer<typeof organisationDetail>;

export const organisationListQuery = z.strictObject({
  q: text().max(200).optional(),
  limit: limitParam,
  cursor: text().max(500).optional(),
});
export const organisationPage = page(organisation);

export const organisationMergeInput = z.strictObject({ into: id });
export const organisationMergeResult = z.object({
  /** Pass to `POST /organisations/merges/{mergeId}/undo` to split them again. */
  mergeId: z.string(),
  /** The organisation kept, with everyone who was at either. */
  organisation,
  movedContacts: z.number(),
});
export type OrganisationMergeResult = z.infer<typeof organisationMergeResult>;

export const organisationDuplicatePair = z.object({
  a: organisation,
  b: organisation,
  /** `strong`: same name but for spacing, punctuation and legal forms, or the same website; `possible`: names alike. */
  strength: z.enum(['strong', 'possible']),
  reasons: z.array(z.string()),
});
export type OrganisationDuplicatePair = z.infer<typeof organisationDuplicatePair>;
/** The pages the duplicates view asks for: strongest first, `cursor` the previous page's `nextCursor`. */
export const organisationDuplicatesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(200),
  cursor: text().max(2000).optional(),
});
export type OrganisationDuplicatesQuery = z.input<typeof organisationDuplicatesQuery>;
export const organisationDuplicateList = page(organisationDuplicatePair).extend({
  /** How many pairs are suggested, all pages together. */
  total: z.number().int(),
});
export type OrganisationDuplicateList = z.infer<typeof organisationDuplicateList>;
export const organisationDismissInput = z.strictObject({ a: id, b: id });

export const organisationPastPeopleQuery = z.strictObject({
  limit: limitParam,
  cursor: text().max(500).optional(),
});
export type OrganisationPastPeopleQuery = z.input<typeof organisationPastPeopleQuery>;
export const organisationPastPeoplePage = page(organisationPastPerson);
export type OrganisationPastPeoplePage = z.infer<typeof organisationPastPeoplePage>;
