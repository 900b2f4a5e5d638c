import type { Kysely } from 'kysely';
import {
  type OrganisationDuplicateList,
  type OrganisationDuplicatesQuery,
  organisationDuplicatesQuery,
} from '../../contracts/organisations';
import { normaliseWebUrl } from '../contacts/contact';
import { type Ctx, requireActor } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { cachedUntilWrite } from '../db/cached-until-write';
import type { Database } from '../db/schema';
import { compareOrder, firstAfter } from '../duplicates/duplicate-candidates';
import { validationError } from '../errors';
import { words } from '../text/fold';
import { validate } from '../validate';
import { normaliseOrganisationName, toOrganisation } from './organisation';
import {
  contactCountsByOrganisation,
  dismissedOrganisationPairs,
  findOrganisationsWithCounts,
  liveOrganisationNames,
} from './organisation.queries';

// A name that begins this many others is a generic word ("University", "Freelance"), not a short spelling.
const MAX_EXTENSIONS = 25;
// Typos are looked for only in names this long: "Acme" and "Acne" are two companies more often than one.
const MIN_TYPO_LENGTH = 6;
// A deletion shared by more names than this is a common stem, not a typo.
const MAX_TYPO_BUCKET = 50;

export interface NamedOrganisation {
  id: string;
  name: string;
  website: string | null;
}

export interface SuggestedPair {
  a: string;
  b: string;
  strength: 'strong' | 'possible';
  reasons: string[];
}

/** Where a pair sorts: strong first, more reasons first, more people at the two first; then by their ids. */
type OrganisationPairOrder = readonly [rank: number, reasons: number, people: number, a: string, b: string];

interface OrderedPair extends SuggestedPair {
  order: OrganisationPairOrder;
}

export const organisationCandidatesKey = (ownerId: string) => `organisation-duplicates:${ownerId}`;

/**
 * Every suggested pair of the owner's organisations in the order the view shows them, before "different
 * companies" is applied; kept until the next write (docs/adr/0017), so paging does not work them out anew.
 */
export function organisationCandidates(db: Kysely<Database>, ownerId: string): Promise<OrderedPair[]> {
  return cachedUntilWrite(db, organisationCandidatesKey(ownerId), async () => {
    const [orgs, people] = await Promise.all([
      liveOrganisationNames(db, ownerId),
      contactCountsByOrganisation(db, ownerId),
    ]);
    return suggestOrganisationPairs(orgs)
      .map((p): OrderedPair => {
        const size = (people.get(p.a) ?? 0) + (people.get(p.b) ?? 0);
        return { ...p, order: [p.strength === 'strong' ? 0 : 1, -p.reasons.length, -size, p.a, p.b] };
      })
      .sort((x, y) => compareOrder(x.order, y.order));
  });
}

/**
 * A page of the organisations of the actor that may be one company under two spellings, strongest first, and how
 * many pairs there are in all: the same name but for spacing, punctuation and "&"/"and", or the same website
 * (`strong`); one name that is the other plus words ("Deloitte" / "Deloitte UK"), names one letter apart, or a
 * name made of several and one of them ("Alphabet/Google" / "Google") (`possible`). Pairs marked "not the same"
 * are left out. Import already files "Acme" and "Acme, Inc." under one organisation; these are the spellings it
 * cannot know, and those stored apart before its rule last changed (`strong`: same name apart from a legal
 * form). The cursor is the last pair's place in the order, so a pair dismissed or merged meanwhile neither skips
 * nor repeats one on the next page.
 */
export async function findOrganisationDuplicates(
  ctx: Ctx,
  query: OrganisationDuplicatesQuery = {},
): Promise<OrganisationDuplicateList> {
  const ownerId = requireActor(ctx);
  const q = validate(organisationDuplicatesQuery, query);
  const after = q.cursor === undefined ? undefined : orderOf(q.cursor);
  const [candidates, dismissed] = await Promise.all([
    organisationCandidates(ctx.db, ownerId),
    dismissedOrganisationPairs(ctx.db, ownerId),
  ]);
  const open = candidates.filter((p) => !dismissed.has(`${p.a}|${p.b}`));
  const start = after ? firstAfter(open, after) : 0;
  const page = open.slice(start, start + q.limit);
  const rows = new Map(
    (await findOrganisationsWithCounts(ctx.db, ownerId, [...new Set(page.flatMap((p) => [p.a, p.b]))])).map(
      (r) => [r.id, toOrganisation(r)],
    ),
  );
  const last = page.at(-1);
  return {
    // An organisation trashed by a write between the two reads takes its pairs along.
    items: page.flatMap((p) => {
      const a = rows.get(p.a);
      const b = rows.get(p.b);
      return a && b ? [{ a, b, strength: p.strength, reasons: p.reasons }] : [];
    }),
    total: open.length,
    nextCursor: last && start + q.limit < open.length ? cursorOf(last.order) : null,
  };
}

function cursorOf([r, n, s, a, b]: OrganisationPairOrder): string {
  return encodeCursor({ r, n, s, a, b });
}

function orderOf(cursor: string): OrganisationPairOrder {
  const { r, n, s, a, b } = decodeCursor(cursor, ['r', 'n', 's', 'a', 'b'] as const);
  if (
    typeof r !== 'number' ||
    typeof n !== 'number' ||
    typeof s !== 'number' ||
    typeof a !== 'string' ||
    typeof b !== 'string'
  )
    throw validationError('cursor', 'is not a cursor this list gave out');
  return [r, n, s, a, b];
}

/** The name's letters and digits only, "&" read as "and": what spacing and punctuation cannot change. */
function wordsOf(nameNorm: string): string[] {
  return words(nameNorm.replace(/&/g, ' and '));
}

/**
 * A website's matching key, as for a contact's web addresses (host without `www.`, and the path when there is one:
 * a company page on a shared platform); websites are often typed without a scheme.
 */
export function websiteKey(website: string | null): string | undefined {
  const w = website?.trim();
  if (!w) return undefined;
  return normaliseWebUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(w) ? w : `https://${w}`) ?? undefined;
}

/** Optimal string alignment distance is at most 1: one letter changed, added, removed, or two swapped. */
function oneEditApart(x: string, y: string): boolean {
  if (Math.abs(x.length - y.length) > 1 || x === y) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (x.length === y.length) {
    const swapped = x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2) === y.slice(i + 2);
    return swapped || x.slice(i + 1) === y.slice(i + 1);
  }
  return x.length > y.length ? x.slice(i + 1) === y.slice(i) : x.slice(i) === y.slice(i + 1);
}

/** The pairs, each with its reasons (pure: tested on its own). Ids in a pair are ordered, smaller first. */
export function suggestOrganisationPairs(orgs: NamedOrganisation[]): SuggestedPair[] {
  const pairs = new Map<string, SuggestedPair>();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const add = (x: string, y: string, strength: SuggestedPair['strength'], reason: string) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}|${b}`;
    const pair = pairs.get(key) ?? { a, b, strength, reasons: [] };
    if (strength === 'strong') pair.strength = 'strong';
    if (!pair.reasons.includes(reason)) pair.reasons.push(reason);
    pairs.set(key, pair);
  };
  const groups = (entries: [string, string][]) => {
    const map = new Map<string, string[]>();
    for (const [key, id] of entries) {
      const list = map.get(key);
      if (list) list.push(id);
      else map.set(key, [id]);
    }
    return map;
  };
  const name = (id: string) => byId.get(id)?.name ?? '';
  const eachPair = (ids: string[], fn: (x: string, y: string) => void) => {
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) fn(ids[i] as string, ids[j] as string);
  };

  // Today's rule, not the stored key: spellings stored apart before the rule last changed ("Tyrell Corp" and
  // "Tyrell Corp, Inc.", migration 0032) keep two keys, one live organisation per key, but are one name now.
  const normById = new Map(orgs.map((o) => [o.id, normaliseOrganisationName(o.name)]));
  const wordsById = new Map([...normById].map(([id, norm]) => [id, wordsOf(norm)]));
  const keyById = new Map([...wordsById].map(([id, ws]) => [id, ws.join('')]));
  const byCompact = groups([...keyById].map(([id, key]) => [key, id]));
  for (const [key, ids] of byCompact) {
    if (!key || ids.length > MAX_EXTENSIONS) continue;
    eachPair(ids, (x, y) =>
      add(
        x,
        y,
        'strong',
        normById.get(x) === normById.get(y)
          ? 'same name apart from a legal form'
          : 'same name apart from spacing and punctuation',
      ),
    );
  }

  const bySite = groups(
    orgs.flatMap((o) => {
      const site = websiteKey(o.website);
      return site ? [[site, o.id] as [string, string]] : [];
    }),
  );
  for (const [site, ids] of bySite) {
    if (ids.length > MAX_EXTENSIONS) continue;
    eachPair(ids, (x, y) => add(x, y, 'strong', `same website: ${site}`));
  }

  // "Deloitte" / "Deloitte UK", "J.P. Morgan" / "JPMorgan Chase": a whole name that another begins with.
  const extensions = groups(
    [...wordsById].flatMap(([id, ws]) => {
      const found: [string, string][] = [];
      let prefix = '';
      for (let k = 0; k < ws.length - 1; k++) {
        prefix += ws[k];
        if (prefix.length >= 3 && byCompact.has(prefix)) found.push([prefix, id]);
      }
      return found;
    }),
  );
  for (const [prefix, longer] of extensions) {
    if (longer.length > MAX_EXTENSIONS) continue;
    for (const short of byCompact.get(prefix) ?? [])
      for (const long of longer) add(short, long, 'possible', `“${name(long)}” begins with “${name(short)}”`);
  }

  // "Alphabet/Google", "Meta (formerly Facebook)": one name made of several, each of which may be filed alone.
  for (const o of orgs) {
    const parts = o.name.split(/\s*[/|()]\s*/).map((p) => p.replace(/^(formerly|previously|now|ex)\s+/i, ''));
    if (parts.filter(Boolean).length < 2) continue;
    for (const part of parts) {
      const key = wordsOf(normaliseOrganisationName(part)).join('');
      if (key.length < 3 || key === keyById.get(o.id)) continue;
      for (const other of byCompact.get(key) ?? [])
        add(other, o.id, 'possible', `“${o.name}” names “${name(other)}”`);
    }
  }

  // Names one letter apart, found through their shared one-letter deletions (a symmetric-delete index).
  const typoKeys = [...keyById].filter(([, key]) => key.length >= MIN_TYPO_LENGTH && !/\p{N}/u.test(key));
  const byDeletion = groups(
    typoKeys.flatMap(([id, key]) => {
      const keys = new Set([key]);
      for (let i = 0; i < key.length; i++) keys.add(key.slice(0, i) + key.slice(i + 1));
      return [...keys].map((k) => [k, id] as [string, string]);
    }),
  );
  for (const ids of byDeletion.values()) {
    if (ids.length > MAX_TYPO_BUCKET) continue;
    eachPair(ids, (x, y) => {
      if (oneEditApart(keyById.get(x) ?? '', keyById.get(y) ?? ''))
        add(x, y, 'possible', 'names one letter apart');
    });
  }
  return [...pairs.values()];
}
