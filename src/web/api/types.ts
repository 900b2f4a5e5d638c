import type { z } from 'zod';
import type {
  ContactSummary,
  createdApiToken,
  Organisation,
  organisationPage,
  setupState,
  signupInput,
  Tag,
} from '../../contracts';

export type {
  Account,
  ApiToken,
  Contact,
  ContactCreateInput,
  ContactPage,
  ContactSummary,
  ContactUpdateInput,
  Organisation,
  OrganisationDetail,
  SessionInfo,
  Tag,
} from '../../contracts';

export type SetupState = z.infer<typeof setupState>;
export type SignupInput = z.input<typeof signupInput>;
export type CreatedApiToken = z.infer<typeof createdApiToken>;
export type OrganisationPage = z.infer<typeof organisationPage>;

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
