import type { Kysely } from 'kysely';
import { chunkIds } from '../db/chunk';
import type { Database } from '../db/schema';

/**
 * Who an account is, for matching (docs/adr/0013-network-privacy.md): its email only once verified, and the LinkedIn
 * profile URL its own LinkedIn export set on its profile, only when no other account claims the same URL.
 */
export interface AccountIdentity {
  id: string;
  name: string;
  /** Normalised sign-in email when verified, else null. */
  verifiedEmail: string | null;
  linkedinUrl: string | null;
}

/** The account with this verified (normalised) email, if any. Unverified addresses never match. */
export async function accountByVerifiedEmail(
  db: Kysely<Database>,
  emailNorm: string,
): Promise<{ id: string; name: string; email: string } | undefined> {
  return db
    .selectFrom('accounts')
    .select(['id', 'name', 'email'])
    .where('email_norm', '=', emailNorm)
    .where('email_verified_at', 'is not', null)
    .executeTakeFirst();
}

/** Identities of these accounts (see AccountIdentity). */
export async function identitiesOf(
  db: Kysely<Database>,
  accountIds: string[],
): Promise<Map<string, AccountIdentity>> {
  const out = new Map<string, AccountIdentity>();
  for (const ids of chunkIds([...new Set(accountIds)])) {
    const rows = await db
      .selectFrom('accounts as a')
      .leftJoin('account_profiles as p', 'p.account_id', 'a.id')
      .select((eb) => [
        'a.id',
        'a.name',
        'a.email_norm',
        'a.email_verified_at',
        'p.linkedin_url',
        eb
          .selectFrom('account_profiles as q')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('q.linkedin_url', '=', 'p.linkedin_url')
          .as('claims'),
      ])
      .where('a.id', 'in', ids)
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        id: r.id,
        name: r.name,
        verifiedEmail: r.email_verified_at ? r.email_norm : null,
        linkedinUrl: r.linkedin_url && Number(r.claims) === 1 ? r.linkedin_url : null,
      });
    }
  }
  return out;
}

/**
 * For each of the owner's live contacts among `contactIds`, the account it matches: one whose verified email is
 * among the contact's emails, else the one (single) account whose own profile carries the contact's LinkedIn URL.
 * The owner's own account never matches.
 */
export async function accountsMatchingContacts(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
): Promise<Map<string, { account: { id: string; name: string }; match: 'email' | 'linkedin' }>> {
  const out = new Map<string, { account: { id: string; name: string }; match: 'email' | 'linkedin' }>();
  for (const ids of chunkIds([...new Set(contactIds)], 500)) {
    const byEmail = await db
      .selectFrom('contact_channels as ch')
      .innerJoin('contacts as c', 'c.id', 'ch.contact_id')
      .innerJoin('accounts as a', 'a.email_norm', 'ch.value_norm')
      .select(['ch.contact_id', 'ch.position', 'a.id', 'a.name'])
      .where('ch.owner_id', '=', ownerId)
      .where('ch.contact_id', 'in', ids)
      .where('ch.kind', '=', 'email')
      .where('c.deleted_at', 'is', null)
      .where('a.email_verified_at', 'is not', null)
      .where('a.id', '<>', ownerId)
      .orderBy('ch.position')
      .execute();
    for (const r of byEmail) {
      if (!out.has(r.contact_id))
        out.set(r.contact_id, { account: { id: r.id, name: r.name }, match: 'email' });
    }
    const byLinkedin = await db
      .selectFrom('contact_channels as ch')
      .innerJoin('contacts as c', 'c.id', 'ch.contact_id')
      .innerJoin('account_profiles as p', 'p.linkedin_url', 'ch.value_norm')
      .innerJoin('accounts as a', 'a.id', 'p.account_id')
      .select((eb) => [
        'ch.contact_id',
        'a.id',
        'a.name',
        eb
          .selectFrom('account_profiles as q')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('q.linkedin_url', '=', 'p.linkedin_url')
          .as('claims'),
      ])
      .where('ch.owner_id', '=', ownerId)
      .where('ch.contact_id', 'in', ids)
      .where('ch.kind', '=', 'url')
      .where('c.deleted_at', 'is', null)
      .where('a.id', '<>', ownerId)
      .execute();
    for (const r of byLinkedin) {
      if (Number(r.claims) === 1 && !out.has(r.contact_id)) {
        out.set(r.contact_id, { account: { id: r.id, name: r.name }, match: 'linkedin' });
      }
    }
  }
  return out;
}

/**
 * The owner's live contact that stands for an account: one with the account's verified email, else one with the
 * account's own LinkedIn URL; the earliest added wins. Undefined when none.
 */
export async function contactMatchingAccount(
  db: Kysely<Database>,
  ownerId: string,
  identity: AccountIdentity,
): Promise<string | undefined> {
  for (const [kind, value] of [
    ['email', identity.verifiedEmail],
    ['url', identity.linkedinUrl],
  ] as const) {
    if (!value) continue;
    const row = await db
      .selectFrom('contact_channels as ch')
      .innerJoin('contacts as c', 'c.id', 'ch.contact_id')
      .select('c.id')
      .where('ch.owner_id', '=', ownerId)
      .where('ch.kind', '=', kind)
      .where('ch.value_norm', '=', value)
      .where('c.deleted_at', 'is', null)
      .where('c.merged_into', 'is', null)
      .orderBy('c.created_at')
      .orderBy('c.id')
      .limit(1)
      .executeTakeFirst();
    if (row) return row.id;
  }
  return undefined;
}

/** The owner's contacts that accepted connections link to the other account, for these contacts. */
export async function connectionLinksOf(db: Kysely<Database>, ownerId: string, contactIds: string[]) {
  const out = new Map<string, { id: string; name: string }>();
  for (const ids of chunkIds([...new Set(contactIds)], 500)) {
    for (const side of ['lo', 'hi'] as const) {
      const mine = side === 'lo' ? 'c.account_lo' : 'c.account_hi';
      const theirs = side === 'lo' ? 'c.account_hi' : 'c.account_lo';
      const link = side === 'lo' ? 'c.lo_contact_id' : 'c.hi_contact_id';
      const rows = await db
        .selectFrom('connections as c')
        .innerJoin('accounts as a', 'a.id', theirs)
        .select([`${link} as contact_id`, 'a.id', 'a.name'])
        .where(mine, '=', ownerId)
        .where('c.status', '=', 'accepted')
        .where(link, 'in', ids)
        .execute();
      for (const r of rows) if (r.contact_id) out.set(r.contact_id, { id: r.id, name: r.name });
    }
  }
  return out;
}
