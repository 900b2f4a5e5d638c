import { z } from 'zod';
import { id, isoDate, optionalText, text, timestamp } from './common';

/**
 * What a stage means to the rest of the app (docs/adr/0011-purposes.md): outreach moves an item to the
 * 'reached-out' stage when a message is sent and to 'responded' when a reply arrives; 'done' counts towards the
 * target; 'closed' ends the item (no keep-in-touch cadence from the purpose, never stale).
 */
export const STAGE_ROLES = ['reached-out', 'responded', 'done', 'closed'] as const;
export const stageRole = z.enum(STAGE_ROLES);
export type StageRole = z.infer<typeof stageRole>;

export const stage = z.object({
  /** Stable for the life of the stage: renaming or reordering keeps it, so items never lose their place. */
  id: z.string(),
  name: z.string(),
  role: stageRole.nullable(),
});
export type Stage = z.infer<typeof stage>;

export const MAX_STAGES = 12;
const stageName = text().trim().min(1, 'is empty').max(40);

/** A stage as the owner edits it: an existing one keeps its id, a new one has none. */
export const stageInput = z.strictObject({
  id: id.optional(),
  name: stageName,
  role: stageRole.nullable().optional(),
});

const days = z.number().int().min(1).max(3650);

export const purposeInput = z.strictObject({
  name: text().trim().min(1, 'is empty').max(120),
  description: optionalText(2000),
  /** How many people to reach the 'done' stage ("5 guest speakers"). */
  targetCount: z.number().int().min(1).max(100_000).nullable().optional(),
  deadline: isoDate.nullable().optional(),
  /** In pipeline order; the default pipeline when left out. */
  stages: z.array(stageInput).min(1, 'needs at least one stage').max(MAX_STAGES).optional(),
  /** Keep in touch with everyone on this purpose at least every N days (while it is active). */
  cadenceDays: days.nullable().optional(),
  /** Outreach suggests one follow-up after N days without a reply. */
  followUpDays: days.nullable().optional(),
});
export type PurposeInput = z.input<typeof purposeInput>;

export const purposeUpdateInput = purposeInput.partial().extend({
  /**
   * Where the items of removed stages go: { removedStageId: keptStageId }. Removing a stage that holds items
   * without saying where they go is refused.
   */
  moveItems: z.record(id, id).optional(),
});
export type PurposeUpdateInput = z.input<typeof purposeUpdateInput>;

export const stageCount = z.object({ stageId: z.string(), name: z.string(), count: z.number().int() });

export const purpose = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  targetCount: z.number().nullable(),
  deadline: isoDate.nullable(),
  stages: z.array(stage),
  cadenceDays: z.number().nullable(),
  followUpDays: z.number().nullable(),
  archivedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  progress: z.object({
    total: z.number().int(),
    perStage: z.array(stageCount),
    /** Items that reached the 'done' stage (null when the pipeline has none). */
    done: z.number().int().nullable(),
    stale: z.number().int(),
  }),
});
export type Purpose = z.infer<typeof purpose>;

/**
 * Whether a purpose is on pace to reach its target by its deadline: 'done' (target reached), 'behind' (fewer done
 * than the whole people expected by today), 'on-pace' (otherwise, and always without a deadline), 'no-target'.
 */
export const PACE_STATES = ['done', 'on-pace', 'behind', 'no-target'] as const;
export const paceState = z.enum(PACE_STATES);
export type PaceState = z.infer<typeof paceState>;

/** An active purpose's progress against its target and deadline (the health page's chart, `purpose list`). */
export const purposePace = z.object({
  id: z.string(),
  name: z.string(),
  targetCount: z.number().int().nullable(),
  /** Reached the 'done' stage, as on the purpose's page (0 when its pipeline has no 'done' stage). */
  done: z.number().int(),
  /** The day it was created, in the owner's time zone. */
  startDay: isoDate,
  deadline: isoDate.nullable(),
  /** target × the elapsed share of start → deadline, to one decimal; null without a target or a deadline. */
  expectedByToday: z.number().nullable(),
  state: paceState,
});
export type PurposePace = z.infer<typeof purposePace>;

export const purposeListQuery = z.strictObject({
  /** active (default), archived, or all. */
  status: z.enum(['active', 'archived', 'all']).default('active'),
});
export const purposeList = z.object({ items: z.array(purpose) });

export const purposeItem = z.object({
  id: z.string(),
  purposeId: z.string(),
  contact: z.object({
    id: z.string(),
    displayName: z.string(),
    organisation: z.string().nullable(),
    title: z.string().nullable(),
  }),
  stageId: z.string(),
  stageSince: timestamp,
  /** Whole days in the current stage. */
  daysInStage: z.number().int(),
  position: z.number(),
  nextStep: z.string().nullable(),
  nextStepOn: isoDate.nullable(),
  note: z.string().nullable(),
  /** Sat in an open stage too long, or its next-step date has passed. */
  stale: z.boolean(),
  staleReason: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type PurposeItem = z.infer<typeof purposeItem>;

export const purposeBoard = z.object({
  purpose,
  columns: z.array(z.object({ stage, items: z.array(purposeItem) })),
});
export type PurposeBoard = z.infer<typeof purposeBoard>;

/** The longest note a place on a purpose takes. */
export const ITEM_NOTE_MAX = 5000;

/** A moment already past, given after the fact: an ISO time with an offset, or a day. */
const pastMoment = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'must be an ISO time with an offset (2026-11-20T14:30:00Z) or a day (2026-11-20)',
  })
  .optional();

export const placeContactsInput = z.strictObject({
  contactIds: z.array(id).min(1, 'name at least one contact').max(500),
  /** The first stage when left out. */
  stageId: id.optional(),
  nextStep: optionalText(500),
  nextStepOn: isoDate.nullable().optional(),
  note: optionalText(ITEM_NOTE_MAX),
  /**
   * Since when they have been in that stage, for people added after the fact ("I wrote to her on the 10th"): as
   * `movedAt` of a move; now when left out.
   */
  since: pastMoment,
});
export const placeContactsResult = z.object({
  placed: z.array(purposeItem),
  /** Contacts already on the purpose (left where they were). */
  alreadyThere: z.array(z.string()),
});

export const moveItemInput = z.strictObject({
  stageId: id,
  /** Place in the target column, 0 = top; the end when left out. */
  index: z.number().int().min(0).max(100_000).optional(),
  /**
   * When the move happened, for one recorded after the fact ("reached out last Tuesday"): an ISO time with an
   * offset, or a day (midday there in the account's time zone, now when it is today); now when left out. Not in the
   * future, nor before the person came into the stage they are leaving.
   */
  movedAt: pastMoment,
});

export const itemUpdateInput = z.strictObject({
  nextStep: optionalText(500),
  nextStepOn: isoDate.nullable().optional(),
  note: optionalText(ITEM_NOTE_MAX),
});

export const itemParams = z.strictObject({ id, itemId: id });

export const stageMove = z.object({
  id: z.string(),
  fromStage: z.object({ id: z.string(), name: z.string() }).nullable(),
  toStage: z.object({ id: z.string(), name: z.string() }),
  movedAt: timestamp,
  source: z.string(),
});
export const stageMoveList = z.object({ items: z.array(stageMove) });

/** A contact's place on each of the owner's purposes (contact page, outreach). */
export const contactPurpose = z.object({
  purposeId: z.string(),
  purposeName: z.string(),
  archived: z.boolean(),
  itemId: z.string(),
  stage,
  stageSince: timestamp,
  nextStep: z.string().nullable(),
  nextStepOn: isoDate.nullable(),
  followUpDays: z.number().nullable(),
});
export type ContactPurpose = z.infer<typeof contactPurpose>;
export const contactPurposeList = z.object({ items: z.array(contactPurpose) });
