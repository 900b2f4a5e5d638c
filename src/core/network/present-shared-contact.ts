import type { Kysely } from 'kysely';
import type { SharedContact } from '../../contracts/network';
import { normaliseLinkedinUrl } from '../contacts/contact';
import type { Database } from '../db/schema';
import { EMPTY_STATE, strengthAt, type Tier } from '../relationships/strength';
import { sharedName } from './shared-name';
import { findableContactFacts, sharingSettingsOf } from './sharing.queries';

/** What the presenter reads of a findable contact: nothing else may reach a connection. */
export interface SharedContactSource {
  /** The owner's label: only its `sharedName` crosses (ADR 29). */
  display_name: string;
  given_name: string | null;
  family_name: string | null;
  organisation_name: string | null;
  title: string | null;
  /** The owner (the account that knows this person) and the owner's account name. */
  owner_id: string;
  owner_name: string;
  /** Any URL of the contact's; only a LinkedIn profile survives, normalised. */
  linkedin_url?: string | null;
  /** The owner's relationship tier with the contact. */
  tier?: string | null;
}

/** The owner's account-wide sharing switches. */
export interface SharingSwitches {
  shareTier: boolean;
  shareLinkedin: boolean;
}

const TIERS: readonly Tier[] = ['inner', 'close', 'active', 'dormant'];

/**
 * THE view of a findable contact for a connection (search hits, paths, introductions): the name (`sharedName`: the
 * given and family names, else the display name without the owner's bracketed asides), organisation,
 * title and who knows them; the coarse tier only if the owner shares tiers; a public LinkedIn profile URL only if the
 * owner shares LinkedIn links. Built field by field so nothing else (emails, phones, other URLs, notes, ids, dates,
 * tags, interactions, favours) can leak through a spread. Callers must have checked `isFindable` and the connection.
 */
export function presentSharedContact(row: SharedContactSource, opts: SharingSwitches): SharedContact {
  const tier = opts.shareTier && TIERS.includes(row.tier as Tier) ? (row.tier as Tier) : null;
  const linkedinUrl = opts.shareLinkedin && row.linkedin_url ? normaliseLinkedinUrl(row.linkedin_url) : null;
  return {
    displayName: sharedName(row),
    organisation: row.organisation_name ?? null,
    title: row.title ?? null,
    knownBy: { accountId: row.owner_id, name: row.owner_name },
    tier,
    linkedinUrl,
  };
}

/**
 * The shared view of the contacts among `byOwner` (owner id → that owner's contact ids) that are findable right now,
 * keyed by contact id, for any number of owners in one query plus one read of their sharing switches; the tier is
 * computed at `now` only where the owner shares tiers. Non-findable contacts, and ids listed under an owner that
 * does not own them, are absent.
 */
export async function sharedContactsOf(
  db: Kysely<Database>,
  byOwner: ReadonlyMap<string, readonly string[]>,
  now: Date,
): Promise<Map<string, SharedContact>> {
  const out = new Map<string, SharedContact>();
  const facts = await findableContactFacts(db, byOwner);
  if (facts.length === 0) return out;
  const sharing = await sharingSettingsOf(db, [...new Set(facts.map((f) => f.owner_id))]);
  for (const f of facts) {
    const switches = sharing.get(f.owner_id) ?? { shareTier: false, shareLinkedin: false };
    const tier = switches.shareTier
      ? strengthAt(
          f.as_of_ms === null
            ? EMPTY_STATE
            : {
                asOf: Number(f.as_of_ms),
                face: Number(f.face),
                voice: Number(f.voice),
                out: Number(f.out_w),
                in: Number(f.in_w),
                favours: Number(f.favours),
                firstAt: f.first_at ? Date.parse(f.first_at) : null,
                lastAt: f.last_at ? Date.parse(f.last_at) : null,
              },
          now.getTime(),
          Number(f.closeness ?? 0),
        ).tier
      : null;
    out.set(f.id, presentSharedContact({ ...f, tier }, switches));
  }
  return out;
}
