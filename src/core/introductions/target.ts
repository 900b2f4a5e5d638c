import { isMailableEmailAddress } from '../../contracts/channel-values';
import { phoneInput } from '../../contracts/contacts';
import type { Introduction } from '../../contracts/introductions';
import { normaliseEmailValue, normaliseLinkedinUrl } from '../contacts/contact';
import { type ContactRow, channelsOf, findContact } from '../contacts/contact.queries';
import type { Ctx } from '../context';
import type { IntroductionTable } from '../db/schema';
import { sharedName } from '../network/shared-name';
import type { ShareOption } from './introduction';
import { accountMatchingEmails, accountsByIds, profileLinkedinOf } from './introduction.queries';

/** What the broker's rolodex holds about the person asked about (the broker's own data). */
export interface TargetFacts {
  contact: ContactRow;
  /** The name the introduction carries (`introName`): what the person is greeted by and the requester reads. */
  name: string;
  /** E-mail addresses that can be mailed, in the contact's order. */
  emails: string[];
  phones: string[];
  linkedinUrl: string | null;
}

/** The broker's live contact and its usable channels; undefined when it is not a live contact of the broker's. */
export async function targetFacts(
  ctx: Ctx,
  brokerId: string,
  contactId: string,
): Promise<TargetFacts | undefined> {
  const contact = await findContact(ctx.db, brokerId, contactId);
  if (!contact) return undefined;
  const channels = await channelsOf(ctx.db, brokerId, [contactId]);
  // Imports keep whatever text they found; only values a new contact would accept can be shared, and only
  // addresses a mail server takes can be mailed (a quoted local part is valid, but not sent to).
  const emails = channels
    .filter((c) => c.kind === 'email' && isMailableEmailAddress(c.value.trim()))
    .map((c) => c.value.trim());
  const phones = channels
    .filter((c) => c.kind === 'phone' && phoneInput.safeParse({ value: c.value }).success)
    .map((c) => c.value.trim());
  const linkedinUrl =
    channels.map((c) => (c.kind === 'url' ? normaliseLinkedinUrl(c.value) : null)).find((u) => u !== null) ??
    null;
  return { contact, name: introName(contact), emails, phones, linkedinUrl };
}

/** The person's name for an introduction: the name any other account reads for a contact (`sharedName`, ADR 29). */
export function introName(contact: Pick<ContactRow, 'display_name' | 'given_name' | 'family_name'>): string {
  return sharedName(contact);
}

/** The identity the no-repeat rule keys on: LinkedIn profile, else first e-mail, else the broker's contact. */
export function targetIdentity(facts: TargetFacts): string {
  if (facts.linkedinUrl) return `linkedin:${facts.linkedinUrl}`;
  const email = facts.emails[0];
  if (email) return `email:${normaliseEmailValue(email)}`;
  return `contact:${facts.contact.id}`;
}

/** The account the person is on Rapport as, if one of their addresses is an account's (never the broker's). */
export async function targetAccountOf(
  ctx: Ctx,
  facts: TargetFacts,
  brokerId: string,
): Promise<{ id: string; email: string } | undefined> {
  const match = await accountMatchingEmails(ctx.db, facts.emails.map(normaliseEmailValue));
  return match && match.id !== brokerId ? match : undefined;
}

export interface Reach {
  via: 'account' | 'email' | 'none';
  accountId: string | null;
  /** The address the link or notification goes to. */
  email: string | null;
  /** Why the broker cannot accept as things stand. */
  problem: string | null;
}

/**
 * How the person would be asked if the broker accepted now: in the app (and by e-mail) when they have an account;
 * else by a signed link to the first address the broker has, which needs a mail server; else not at all.
 */
export async function reachOf(ctx: Ctx, facts: TargetFacts, brokerId: string): Promise<Reach> {
  const account = await targetAccountOf(ctx, facts, brokerId);
  if (account) return { via: 'account', accountId: account.id, email: account.email, problem: null };
  const email = facts.emails[0] ?? null;
  const name = facts.contact.display_name;
  if (!email) {
    return {
      via: 'none',
      accountId: null,
      email: null,
      problem: `you have no e-mail address for ${name}, so they cannot be asked: add one to the contact, or decline`,
    };
  }
  if (!ctx.mailer) {
    return {
      via: 'email',
      accountId: null,
      email,
      problem: `this server cannot send e-mail (SMTP_URL is not set), so ${name} cannot be asked by e-mail`,
    };
  }
  return { via: 'email', accountId: null, email, problem: null };
}

/**
 * How the person of a request would be asked if its broker accepted now (`reachOf` on the broker's contact); a
 * contact the broker no longer has (trashed, deleted) cannot be asked either.
 */
export async function requestReach(ctx: Ctx, row: IntroductionTable): Promise<Reach> {
  const facts = row.broker_contact_id
    ? await targetFacts(ctx, row.broker_id, row.broker_contact_id)
    : undefined;
  if (facts) return reachOf(ctx, facts, row.broker_id);
  return {
    via: 'none',
    accountId: null,
    email: null,
    problem: `${row.target_name} is no longer in your contacts`,
  };
}

/** The broker's view of the reach (the account id is not the broker's to know). */
export function reachView(reach: Reach): NonNullable<Introduction['reach']> {
  return { via: reach.via, email: reach.via === 'email' ? reach.email : null, problem: reach.problem };
}

/**
 * What the person may choose to share: an e-mail address (their account's, or the one the link was sent to), the
 * first phone number and the LinkedIn profile the broker has (their own profile's LinkedIn when they have one).
 */
export async function shareOptionsOf(ctx: Ctx, row: IntroductionTable): Promise<ShareOption[]> {
  const facts = row.broker_contact_id
    ? await targetFacts(ctx, row.broker_id, row.broker_contact_id)
    : undefined;
  const options: ShareOption[] = [];
  let email = row.target_email;
  let linkedin = facts?.linkedinUrl ?? null;
  if (row.target_account_id) {
    email = (await accountsByIds(ctx.db, [row.target_account_id])).get(row.target_account_id)?.email ?? null;
    const own = await profileLinkedinOf(ctx.db, row.target_account_id);
    linkedin = (own && normaliseLinkedinUrl(own)) ?? linkedin;
  }
  if (email) options.push({ kind: 'email', value: email });
  const phone = facts?.phones[0];
  if (phone) options.push({ kind: 'phone', value: phone });
  if (linkedin) options.push({ kind: 'linkedin', value: linkedin });
  return options;
}
