import type { DuplicatePair } from '../../contracts/duplicates';
import { contactNames, findContactSummaries } from '../contacts/contact.queries';
import { presentSummaries } from '../contacts/present-contact';
import { type Ctx, requireActor } from '../context';
import { namesAgree } from '../imports/names-agree';
import {
  dismissedPairs,
  linkedinProfilesOf,
  pairsSharingChannels,
  pairsWithSimilarNames,
} from './duplicates.queries';

const LIMIT = 200;
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const KIND_LABEL: Record<string, string> = {
  email: 'same email',
  phone: 'same phone',
  url: 'same profile URL',
};

/**
 * Contacts that may be the same person: first pairs sharing an email, LinkedIn profile or phone (`strong`), then
 * pairs whose names look alike (`possible`) unless each has its own, different LinkedIn profile. Pairs marked
 * "not a duplicate" are left out.
 */
export async function findDuplicates(ctx: Ctx): Promise<DuplicatePair[]> {
  const ownerId = requireActor(ctx);
  const dismissed = await dismissedPairs(ctx.db, ownerId);
  const pairs = new Map<
    string,
    { a: string; b: string; strength: 'strong' | 'possible'; reasons: string[] }
  >();
  const add = (a: string, b: string, strength: 'strong' | 'possible', reason: string) => {
    const key = pairKey(a, b);
    if (dismissed.has(key)) return;
    const pair = pairs.get(key) ?? { a: a < b ? a : b, b: a < b ? b : a, strength, reasons: [] };
    if (strength === 'strong') pair.strength = 'strong';
    if (!pair.reasons.includes(reason)) pair.reasons.push(reason);
    pairs.set(key, pair);
  };
  const sharing = await pairsSharingChannels(ctx.db, ownerId, LIMIT * 4);
  // A phone number alone joins only agreeing names, as an import does: colleagues on one switchboard are no pair.
  const byOtherKey = new Set(sharing.filter((p) => p.kind !== 'phone').map((p) => pairKey(p.a, p.b)));
  const phoneOnly = sharing.filter((p) => p.kind === 'phone' && !byOtherKey.has(pairKey(p.a, p.b)));
  const names = await contactNames(
    ctx.db,
    ownerId,
    phoneOnly.flatMap((p) => [p.a, p.b]),
  );
  const strangers = new Set(
    phoneOnly
      .filter((p) => {
        const [x, y] = [names.get(p.a), names.get(p.b)];
        return x !== undefined && y !== undefined && !namesAgree(x, y);
      })
      .map((p) => pairKey(p.a, p.b)),
  );
  for (const p of sharing)
    if (!strangers.has(pairKey(p.a, p.b)))
      add(p.a, p.b, 'strong', `${KIND_LABEL[p.kind] ?? p.kind}: ${p.value}`);
  // Two LinkedIn profiles are two people, however alike the names (a 30k import has many a "Wei Chen").
  const alike = await pairsWithSimilarNames(ctx.db, ownerId, LIMIT * 4);
  const profiles = await linkedinProfilesOf(ctx.db, ownerId, [...new Set(alike.flatMap((p) => [p.a, p.b]))]);
  const twoPeople = (a: string, b: string) => {
    const x = profiles.get(a);
    const y = profiles.get(b);
    return x !== undefined && y !== undefined && ![...x].some((u) => y.has(u));
  };
  for (const p of alike) if (!twoPeople(p.a, p.b)) add(p.a, p.b, 'possible', 'similar name');
  const list = [...pairs.values()]
    .sort((x, y) =>
      x.strength === y.strength ? y.reasons.length - x.reasons.length : x.strength === 'strong' ? -1 : 1,
    )
    .slice(0, LIMIT);
  const ids = [...new Set(list.flatMap((p) => [p.a, p.b]))];
  const rows = await findContactSummaries(ctx.db, ownerId, ids);
  const summaries = new Map((await presentSummaries(ctx, ownerId, rows)).map((s) => [s.id, s]));
  return list.flatMap((p) => {
    const a = summaries.get(p.a);
    const b = summaries.get(p.b);
    return a && b ? [{ a, b, strength: p.strength, reasons: p.reasons }] : [];
  });
}
