import type { z } from 'zod';
import type {
  ContactSummary,
  createdApiToken,
  importDetail,
  importList,
  importSummary,
  mergeList,
  mergeSummary,
  Organisation,
  organisationPage,
  setupState,
  signupInput,
  Tag,
  undoImportResult,
} from '../../contracts';

export type {
  Account,
  ApiToken,
  Contact,
  ContactCreateInput,
  ContactPage,
  ContactSummary,
  ContactUpdateInput,
  CsvImportInfoView as CsvImportInfo,
  DuplicatePair,
  ImportIssue,
  ImportReportView as ImportReport,
  MergeResult,
  Organisation,
  OrganisationDetail,
  SessionInfo,
  Tag,
} from '../../contracts';

export type SetupState = z.infer<typeof setupState>;
export type SignupInput = z.input<typeof signupInput>;
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
  organisations: InTrash<Organisation>[];
  tags: InTrash<Tag>[];
}

/** What DELETE answers for anything that goes to the trash. */
export interface Trashed {
  purgeAfter: string;
}

export type ContactSort = 'name' | '-name' | 'created' | '-created' | 'connected' | '-connected';
