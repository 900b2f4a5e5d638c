import type { z } from 'zod';
import type {
  accountSettings,
  accountSettingsInput,
  ContactSummary,
  charts,
  createdApiToken,
  Favour,
  favourBalance,
  favourInput,
  favourPage,
  Interaction,
  InteractionInput,
  importDetail,
  importList,
  importSummary,
  interactionPage,
  lapsedList,
  mergeList,
  mergeSummary,
  Organisation,
  organisationPage,
  PromiseView,
  profile,
  profileInput,
  promiseInput,
  promisePage,
  promiseStats,
  promiseUpdateInput,
  Relationship,
  relationshipSettingsInput,
  setupState,
  signupInput,
  signupInvite,
  signupInviteInput,
  Tag,
  TodayItem,
  todayList,
  undoImportResult,
} from '../../contracts';

export type {
  Account,
  ApiToken,
  BrowserSession,
  Contact,
  ContactCreateInput,
  ContactPage,
  ContactSummary,
  ContactUpdateInput,
  CreatedFeedToken,
  CsvImportInfoView as CsvImportInfo,
  DuplicatePair,
  FeedToken,
  FeedTokenInput,
  ImportIssue,
  ImportReportView as ImportReport,
  MergeResult,
  Organisation,
  OrganisationDetail,
  OrganisationDuplicatePair,
  OrganisationMergeResult,
  OrganisationPastPeoplePage,
  OrganisationPastPerson,
  OrganisationPerson,
  SessionEndReason,
  SessionInfo,
  SignupInviteSummary,
  SignupPending,
  Tag,
} from '../../contracts';

export type SetupState = z.infer<typeof setupState>;
export type SignupInput = z.input<typeof signupInput>;
export type SignupInvite = z.infer<typeof signupInvite>;
export type SignupInviteInput = z.input<typeof signupInviteInput>;
export type CreatedApiToken = z.infer<typeof createdApiToken>;
export type OrganisationPage = z.infer<typeof organisationPage>;
export type ImportSummary = z.infer<typeof importSummary>;
export type ImportDetail = z.infer<typeof importDetail>;
export type ImportList = z.infer<typeof importList>;
export type ImportKind = ImportSummary['kind'];
export type UndoImportResult = z.infer<typeof undoImportResult>;
export type MergeSummary = z.infer<typeof mergeSummary>;
export type MergeList = z.infer<typeof mergeList>;

/** What `POST /imports/backup` answers: rows restored per table, and whether the original ids were kept. */
export interface RestoreResult {
  rows: Record<string, number>;
  idsKept: boolean;
}

type InTrash<T> = T & { purgeAfter: string };
export interface TrashList {
  contacts: InTrash<ContactSummary>[];
  contactsTotal: number;
  contactsNextCursor: string | null;
  organisations: InTrash<Organisation>[];
  tags: InTrash<Tag>[];
  purposes: InTrash<{ id: string; name: string; deletedAt: string | null }>[];
  interactions: InTrash<Interaction & { deletedAt: string }>[];
  interactionsNextCursor: string | null;
  favours: InTrash<Favour & { deletedAt: string }>[];
  favoursNextCursor: string | null;
  promises: InTrash<PromiseView & { deletedAt: string }>[];
  promisesNextCursor: string | null;
}

export type {
  RestoredContacts,
  TrashedContact,
  TrashedContactPage,
  TrashedFavourPage,
  TrashedInteractionPage,
  TrashedPromisePage,
} from '../../contracts';

/** What DELETE answers for anything that goes to the trash. */
export interface Trashed {
  purgeAfter: string;
}

export type ContactSort = 'name' | '-name' | 'created' | '-created' | 'connected' | '-connected';

// ---------- the relationship engine ----------

export type { Favour, Interaction, InteractionInput, PromiseView, Relationship, TodayItem };
export type InteractionKind = Interaction['kind'];
export type InteractionDirection = Interaction['direction'];
export type InteractionPage = z.infer<typeof interactionPage>;
export type RelationshipSettingsInput = z.input<typeof relationshipSettingsInput>;
export type Tier = Relationship['tier'];
export type CadenceSource = Relationship['cadence']['source'];
export type FavourInput = z.input<typeof favourInput>;
export type FavourBalance = z.infer<typeof favourBalance>;
export type FavourPage = z.infer<typeof favourPage>;
export type PromiseInput = z.input<typeof promiseInput>;
export type PromiseUpdateInput = z.input<typeof promiseUpdateInput>;
export type PromiseStatus = PromiseView['status'];
export type PromiseStats = z.infer<typeof promiseStats>;
export type PromisePage = z.infer<typeof promisePage>;
export type TodayList = z.infer<typeof todayList>;
export type AccountSettings = z.infer<typeof accountSettings>;
export type AccountSettingsInput = z.input<typeof accountSettingsInput>;
export type Profile = z.infer<typeof profile>;
export type ProfileInput = z.input<typeof profileInput>;
export type Charts = z.infer<typeof charts>;
export type LapsedList = z.infer<typeof lapsedList>;
/** A person as the relationship endpoints name them. */
export interface PersonRef {
  id: string;
  displayName: string;
}
/** A tag with its keep-in-touch cadence, when the server sends it (older servers leave it out). */
export type TagWithCadence = Tag & { cadenceDays?: number | null };
