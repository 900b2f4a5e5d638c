import type { OrganisationDuplicatePair } from '../../contracts/organisations';
import { normaliseWebUrl } from '../contacts/contact';
import { type Ctx, requireActor } from '../context';
import { words } from '../text/fold';
import { toOrganisation } from './organisation';
import {
  dismissedOrganisationPairs,
  findOrganisationsWithCounts,
  liveOrganisationNames,
} from './organisation.queries';

const LIMIT = 200;
// A name that begins this many others is a generic word ("University", "Freelance"), not a short spelling.
const MAX_EXTENSIONS = 25;
// Typos are looked for only in names this long: "Acme" and "Acne" are two companies more often than one.
const MIN_TYPO_LENGTH = 6;
// A deletion shared by more names than this is a common stem, not a typo.
const MAX_TYPO_BUCKET = 50;

export interface NamedOrganisation {
  id: string;
  name: string;
  /** Folded, legal form removed (normaliseOrganisationName). */
  name_norm: string;
  website: string | null;
}

export interface SuggestedPair {
  a: string;
  b: string;
  strength: 'strong' | 'possible';
  reasons: string[];
}

/**
 * Organisations of the actor that may be one company under two spellings, strongest first: the same name but for
 * spacing, punctuation and "&"/"and", or the same website (`strong`); one name that is the other plus words
 * ("Deloitte" / "Deloitte UK"), or names one letter apart (`possible`). Pairs marked "not the same" are left out.
 * Import already files "Acme" and "Acme, Inc." under one organisation; these are the spellings it cannot know.
 */
export async function findOrganisationDuplicates(ctx: Ctx): Promise<OrganisationDuplicatePair[]> {
  const ownerId = requireActor(ctx);
  const [orgs, dismissed] = await Promise.all([
    liveOrganisationNames(ctx.db, ownerId),
    dismissedOrganisationPairs(ctx.db, ownerId),
  ]);
  const pairs = suggestOrganisationPairs(orgs).filter((p) => !dismissed.has(`${p.a}|${p.b}`));
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const rows = new Map(
    (await findOrganisationsWithCounts(ctx.db, ownerId, ids)).map((r) => [r.id, toOrganisation(r)]),
  );
  const size = (p: SuggestedPair) => (rows.get(p.a)?.contactCount ?? 0) + (rows.get(p.b)?.contactCount ?? 0);
  return pairs
    .sort(
      (x, y) =>
        (x.strength === y.strength ? 0 : x.strength === 'strong' ? -1 : 1) ||
        y.reasons.length - x.reasons.length ||
        size(y) - size(x),
    )
    .slice(0, LIMIT)
    .flatMap((p) => {
      const a = rows.get(p.a);
      const b = rows.get(p.b);
      return a && b ? [{ a, b, strength: p.strength, reasons: p.reasons }] : [];
    });
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

  const wordsById = new Map(orgs.map((o) => [o.id, wordsOf(o.name_norm)]));
  const keyById = new Map([...wordsById].map(([id, ws]) => [id, ws.join('')]));
  const byCompact = groups([...keyById].map(([id, key]) => [key, id]));
  for (const [key, ids] of byCompact) {
    if (!key || ids.length > MAX_EXTENSIONS) continue;
    eachPair(ids, (x, y) => add(x, y, 'strong', 'same name apart from spacing and punctuation'));
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
