import { isUuid } from '../../contracts/common';
import type { ParseIssue, PostalAddress } from '../../formats/model';
import { phoneRegionOf } from '../agenda/agenda.queries';
import { channelKey } from '../contacts/channels';
import { parseJsonArray, parseJsonRecord } from '../contacts/contact';
import {
  type ContactRow,
  channelsOf,
  contactNames,
  findContacts,
  lockContacts,
  photoHashes,
} from '../contacts/contact.queries';
import type { Ctx } from '../context';
import { chunkIds } from '../db/chunk';
import type { ContactChannelTable } from '../db/schema';
import { normaliseTagName } from '../tags/tag';
import { tagNamesByContact } from '../tags/tag.queries';
import { fold } from '../text/fold';
import { fillAddress, onePerPlace, placeOf } from './addresses';
import { legacySource, matchingKind } from './csv-sources';
import { latestSources, loadMatchIndex } from './import.queries';
import {
  type CleanPerson,
  type PersonSnapshot,
  personKeys,
  photoHash,
  snapshotJson,
} from './imported-person';
import { namesAgree } from './names-agree';

/** One value an import changes on an existing contact. */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export type PlannedItem =
  | { action: 'create'; person: CleanPerson; keys: string[] }
  | {
      action: 'update';
      contactId: string;
      person: CleanPerson;
      snapshot: string;
      changes: FieldChange[];
      current: ContactState;
    }
  | { action: 'unchanged'; contactId: string; person: CleanPerson; snapshot: string; sourceChanged: boolean };

/** A matched contact as the planner saw it. */
export interface ContactState {
  row: ContactRow;
  channels: ContactChannelTable[];
  tags: string[];
  photoSha: string | null;
}

export interface PeoplePlan {
  items: PlannedItem[];
  issues: ParseIssue[];
  /** Matching key → live contact id, as found while planning (applying adds the contacts it creates). */
  index: Map<string, string>;
  /** The account's country for phone numbers written without a country code, as the keys were read in. */
  phoneRegion: string | null;
}

/** Scalar fields an import may set: person key → contact column (`organisation_name`: the organisation's). */
export const SCALARS = [
  ['givenName', 'given_name'],
  ['familyName', 'family_name'],
  ['additionalNames', 'additional_names'],
  ['prefix', 'name_prefix'],
  ['suffix', 'name_suffix'],
  ['nickname', 'nickname'],
  ['organisation', 'organisation_name'],
  ['department', 'department'],
  ['title', 'title'],
  ['birthday', 'birthday'],
  ['notes', 'notes'],
  ['location', 'location'],
  ['howWeMet', 'how_we_met'],
  ['connectedOn', 'connected_on'],
] as const;

// A new employer or title from a source is news even when the owner typed another one: people move jobs.
const SOURCE_WINS_ON_FIRST_SIGHT = new Set(['organisation', 'title']);

export interface PlanOptions {
  /**
   * A source that is no news about anyone (an address book uploaded to LinkedIn years ago): on first sight of a
   * contact its values only fill fields the contact lacks, even employer and title.
   */
  weakSource?: boolean;
}

/**
 * Decides, for each person of a file, whether it creates a contact, updates one (and how), or changes nothing.
 * Matching uses the strongest shared key (source id, LinkedIn profile, email, phone). For a matched contact a value
 * changes only when the source changed it since its last import, or the contact has none: edits made in Rapport
 * survive re-imports. Lists (emails, phones, URLs, tags, addresses) only ever grow.
 */
export async function planPeople(
  ctx: Ctx,
  ownerId: string,
  sourceKind: string,
  people: CleanPerson[],
  options: PlanOptions = {},
): Promise<PeoplePlan> {
  const index = await loadMatchIndex(ctx.db, ownerId);
  const phoneRegion = await phoneRegionOf(ctx.db, ownerId);
  // A file Rapport exported names each contact by its id (vCard UID): re-importing it must find them again.
  const ownIds = people.map((p) => p.sourceKey).filter((k): k is string => Boolean(k && isUuid(k)));
  for (const batch of chunkIds(ownIds)) {
    for (const c of await findContacts(ctx.db, ownerId, batch)) index.live.set(`own:${c.id}`, c.id);
  }
  // Each person's keys, worked out once: applying the plan indexes the new contacts by them.
  const keyKind = matchingKind(sourceKind);
  const keysOf = people.map((p) => personKeys(p, keyKind, phoneRegion));
  const agrees = await phoneNameCheck(ctx, ownerId, index, keysOf);
  const issues: ParseIssue[] = [];
  const matched = new Map<number, string>();
  const pendingByKey = new Map<string, number>();
  // A number several people of the file share (a switchboard) is held by each of them, not only by the last.
  const pendingPhones = new Map<string, number[]>();
  const merged = new Set<number>();
  const grown = new Set<number>(); // people another record was merged into: their keys are worked out again

  for (let i = 0; i < people.length; i++) {
    const person = people[i] as CleanPerson;
    const keys = keysOf[i] as string[];
    const own = person.sourceKey ? `own:${person.sourceKey}` : undefined;
    // A phone number several people may share leads only to contacts whose names agree with this person's.
    const accept = (key: string, id: string) => !key.startsWith('phone:') || agrees(person, id);
    const live = liveMatch(
      index,
      own,
      keys,
      person.sourceKey ? `src:${keyKind}:${person.sourceKey}` : undefined,
      accept,
    );
    if (live) {
      matched.set(i, live);
      continue;
    }
    if (firstKnown(index.trashed, own, keys, accept)) {
      merged.add(i);
      issues.push({
        ref: person.ref,
        message: 'this person is in your trash; restore them to update them from this file',
        severity: 'skipped',
      });
      continue;
    }
    // Phone keys come last (personKeys): a stronger key of an earlier record wins, else one whose name agrees.
    // Two records the file itself tells apart (each its own id: vCard UID, profile, Rapport's export id) stay two,
    // whatever they share (an office e-mail): the duplicates view suggests them instead.
    const sameRecord = (j: number) => !toldApart(people[j] as CleanPerson, person);
    const earlier =
      firstKnown(pendingByKey, own, keys, (_key, j) => sameRecord(j)) ??
      keys
        .flatMap((k) => pendingPhones.get(k) ?? [])
        .find((j) => sameRecord(j) && namesAgree(people[j] as CleanPerson, person));
    if (earlier !== undefined) {
      const first = people[earlier] as CleanPerson;
      people[earlier] = mergePeople(first, person);
      grown.add(earlier);
      merged.add(i);
      issues.push({
        ref: person.ref,
        message: `same person as ${describeRef(first)}; merged into one contact`,
        severity: 'warning',
      });
      continue;
    }
    if (own) pendingByKey.set(own, i);
    for (const k of keys) {
      if (!k.startsWith('phone:')) pendingByKey.set(k, i);
      else pendingPhones.set(k, [...(pendingPhones.get(k) ?? []), i]);
    }
  }

  if (sourceKind === 'linkedin') await matchProfileless(ctx, ownerId, index, people, matched, merged);

  const contactIds = [...new Set(matched.values())];
  const previous = await latestSources(ctx.db, ownerId, contactIds, sourceKind, legacySource(sourceKind));
  // Only a matched person's snapshot is compared now; a new contact's is made when it is written.
  const snapshots = new Map<number, string>();
  for (const i of matched.keys()) snapshots.set(i, snapshotJson(people[i] as CleanPerson));
  // The source says exactly what it said last time: nothing can change, so the contact need not even be read.
  const same = (i: number, contactId: string) => {
    const prevRow = previous.get(contactId);
    return (
      prevRow !== undefined &&
      prevRow.snapshot === snapshots.get(i) &&
      prevRow.raw === (people[i]?.raw ?? null)
    );
  };
  const toRead = [...matched].filter(([i, id]) => !same(i, id)).map(([, id]) => id);
  const states = await loadStates(ctx, ownerId, [...new Set(toRead)]);

  const items: PlannedItem[] = [];
  people.forEach((person, i) => {
    if (merged.has(i)) return;
    const contactId = matched.get(i);
    if (!contactId) {
      const keys = grown.has(i) ? personKeys(person, keyKind, phoneRegion) : (keysOf[i] as string[]);
      items.push({ action: 'create', person, keys });
      return;
    }
    const snapshot = snapshots.get(i) as string;
    if (same(i, contactId)) {
      // A record made before CSVs were told apart by app becomes this app's, so no other app's takes it after.
      const claimed = previous.get(contactId)?.kind !== sourceKind;
      items.push({ action: 'unchanged', contactId, person, snapshot, sourceChanged: claimed });
      return;
    }
    const state = states.get(contactId);
    if (!state) return;
    const prevRow = previous.get(contactId);
    const prev = prevRow ? (JSON.parse(prevRow.snapshot) as PersonSnapshot) : null;
    const changes = diff(state, prev, person, options.weakSource === true, phoneRegion);
    if (changes.length > 0)
      items.push({ action: 'update', contactId, person, snapshot, changes, current: state });
    else items.push({ action: 'unchanged', contactId, person, snapshot, sourceChanged: true });
  });
  return { items, issues, index: index.live, phoneRegion };
}

type MatchIndex = Awaited<ReturnType<typeof loadMatchIndex>>;

const PROFILELESS = 'src:linkedin:name:';

/**
 * LinkedIn exports before 2023 had no profile URL column, so a connection without an e-mail came in keyed by name
 * and organisation only. When a later export brings the same people with their URLs, nothing else matches them:
 * each would become a second contact. A person still unmatched goes to the one such contact with the same name and
 * the same date connected (which LinkedIn never changes, unlike the organisation). Only contacts made from those
 * URL-less rows are candidates, so a namesake with a profile of their own is never taken.
 */
async function matchProfileless(
  ctx: Ctx,
  ownerId: string,
  index: MatchIndex,
  people: CleanPerson[],
  matched: Map<number, string>,
  merged: Set<number>,
): Promise<void> {
  const candidates = new Set<string>();
  for (const [key, id] of index.live) if (key.startsWith(PROFILELESS)) candidates.add(id);
  if (candidates.size === 0) return;
  const byNameAndDay = new Map<string, string | null>(); // null: two candidates alike, so neither is taken
  for (const batch of chunkIds([...candidates])) {
    for (const c of await findContacts(ctx.db, ownerId, batch)) {
      if (!c.connected_on) continue;
      const key = `${fold(c.display_name)}|${c.connected_on}`;
      byNameAndDay.set(key, byNameAndDay.has(key) ? null : c.id);
    }
  }
  const taken = new Set(matched.values());
  people.forEach((person, i) => {
    if (matched.has(i) || merged.has(i) || !person.connectedOn) return;
    const id = byNameAndDay.get(`${fold(person.displayName)}|${person.connectedOn}`);
    if (id && !taken.has(id)) {
      matched.set(i, id);
      taken.add(id);
    }
  });
}

/**
 * The live contact a person updates: the one of its own id, or the one every hit key leads to. When the keys lead
 * to several contacts, see `bestMatch`.
 */
function liveMatch(
  index: MatchIndex,
  own: string | undefined,
  keys: string[],
  srcKey: string | undefined,
  accept: (key: string, id: string) => boolean,
): string | undefined {
  if (own !== undefined) {
    const hit = index.live.get(own);
    if (hit !== undefined) return hit;
  }
  let only: string | undefined;
  for (const k of keys) {
    const hit = index.live.get(k);
    if (hit === undefined) continue;
    if (index.shared.has(k)) return bestMatch(index, keys, srcKey, accept);
    if (!accept(k, hit)) continue;
    only ??= hit;
    if (hit !== only) return bestMatch(index, keys, srcKey, accept);
  }
  return only;
}

/**
 * Of several contacts a person's keys lead to, the one that is this person: (1) the one this source recorded under
 * the person's source key, (2) else the one sharing most keys with the person (the first match alone let a
 * second contact with the same e-mail take another's re-import), (3) else the one of the strongest key, the oldest
 * of its contacts (ids are time-ordered): one choice on every engine, whatever order the rows came in.
 */
function bestMatch(
  index: MatchIndex,
  keys: string[],
  srcKey: string | undefined,
  accept: (key: string, id: string) => boolean,
): string | undefined {
  const score = new Map<string, { src: boolean; count: number; first: number }>();
  keys.forEach((k, position) => {
    const one = index.live.get(k);
    if (one === undefined) return;
    for (const id of index.shared.get(k) ?? [one]) {
      if (!accept(k, id)) continue;
      let s = score.get(id);
      if (!s) {
        s = { src: false, count: 0, first: position };
        score.set(id, s);
      }
      s.count++;
      if (k === srcKey) s.src = true;
    }
  });
  let best: string | undefined;
  let top = { src: false, count: 0, first: Number.POSITIVE_INFINITY };
  for (const [id, s] of score) {
    const better =
      s.src !== top.src
        ? s.src
        : s.count !== top.count
          ? s.count > top.count
          : s.first !== top.first
            ? s.first < top.first
            : best === undefined || id < best;
    if (better) {
      best = id;
      top = s;
    }
  }
  return best;
}

/** The value of the first of `own`, then `keys`, that the map knows (and `accept` takes, for a key). */
/** Whether each record carries an id of the file's own and the ids differ (a `name:` key is ours, not the file's). */
function toldApart(a: CleanPerson, b: CleanPerson): boolean {
  const idOf = (p: CleanPerson) => (p.sourceKey?.startsWith('name:') ? undefined : p.sourceKey);
  const ia = idOf(a);
  const ib = idOf(b);
  return ia !== undefined && ib !== undefined && ia !== ib;
}

function firstKnown<T>(
  map: Map<string, T>,
  own: string | undefined,
  keys: string[],
  accept: (key: string, hit: T) => boolean = () => true,
): T | undefined {
  if (own !== undefined) {
    const hit = map.get(own);
    if (hit !== undefined) return hit;
  }
  for (const k of keys) {
    const hit = map.get(k);
    if (hit !== undefined && accept(k, hit)) return hit;
  }
  return undefined;
}

/**
 * Whether a person's name agrees with that of a contact a phone number leads to (see names-agree.ts). The names
 * of every contact, live or in the trash, that some person's phone leads to are read once, up front.
 */
async function phoneNameCheck(
  ctx: Ctx,
  ownerId: string,
  index: MatchIndex,
  keysOf: string[][],
): Promise<(person: CleanPerson, id: string) => boolean> {
  const ids = new Set<string>();
  for (const keys of keysOf) {
    for (const k of keys) {
      if (!k.startsWith('phone:')) continue;
      for (const id of index.shared.get(k) ?? []) ids.add(id);
      const live = index.live.get(k);
      if (live) ids.add(live);
      const trashed = index.trashed.get(k);
      if (trashed) ids.add(trashed);
    }
  }
  const names = await contactNames(ctx.db, ownerId, [...ids]);
  return (person, id) => {
    const name = names.get(id);
    return name === undefined || namesAgree(person, name);
  };
}

async function loadStates(ctx: Ctx, ownerId: string, ids: string[]): Promise<Map<string, ContactState>> {
  const out = new Map<string, ContactState>();
  for (const batch of chunkIds([...ids].sort(), 500)) {
    // Locked before they are read, as an edit locks its contact: one saved during the import lands before this
    // read, not under the import's write of what it read. A preview writes nothing, and runs outside a transaction.
    if (ctx.db.isTransaction) await lockContacts(ctx.db, ownerId, batch);
    const [rows, channels, tags, photos] = await Promise.all([
      findContacts(ctx.db, ownerId, batch),
      channelsOf(ctx.db, ownerId, batch),
      tagNamesByContact(ctx.db, ownerId, batch),
      photoHashes(ctx.db, ownerId, batch),
    ]);
    for (const row of rows) {
      out.set(row.id, {
        row,
        channels: channels.filter((c) => c.contact_id === row.id),
        tags: tags.get(row.id) ?? [],
        photoSha: photos.get(row.id) ?? null,
      });
    }
  }
  return out;
}

function scalar(
  field: string,
  current: string | null,
  previous: string | undefined | null,
  incoming: string | undefined,
  hadSource: boolean,
  weak = false,
): FieldChange | null {
  if (incoming === undefined || incoming === current) return null;
  if (hadSource && previous === incoming) return null;
  if (current && !hadSource && (weak || !SOURCE_WINS_ON_FIRST_SIGHT.has(field))) return null;
  return { field, from: current, to: incoming };
}

function diff(
  state: ContactState,
  prev: PersonSnapshot | null,
  person: CleanPerson,
  weak: boolean,
  phoneRegion: string | null,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const row = state.row;
  const had = prev !== null;
  const push = (c: FieldChange | null) => {
    if (c) changes.push(c);
  };

  for (const [key, column] of SCALARS)
    push(scalar(key, row[column] ?? null, prev?.[key], person[key], had, weak));
  // The shown name follows the source only when the source renamed the person since its last import, and not
  // when it is only shorter for a name part the source left blank this time (kept above, as every blank is).
  const blankPart =
    prev?.givenName && !person.givenName ? true : Boolean(prev?.familyName && !person.familyName);
  if (
    had &&
    !blankPart &&
    prev?.displayName !== person.displayName &&
    person.displayName !== row.display_name
  ) {
    push({ field: 'displayName', from: row.display_name, to: person.displayName });
  }

  for (const [kind, list] of [
    ['email', person.emails],
    ['phone', person.phones],
    ['url', person.urls],
  ] as const) {
    const have = new Set(state.channels.filter((c) => c.kind === kind).map((c) => c.value_norm ?? c.value));
    // The source already had it last time: the owner removed it since, so it stays removed.
    for (const item of prev?.[`${kind}s`] ?? [])
      have.add(channelKey(kind, item.value, phoneRegion) ?? item.value);
    for (const item of list) {
      const key = channelKey(kind, item.value, phoneRegion) ?? item.value;
      if (!have.has(key)) {
        have.add(key);
        changes.push({ field: `${kind}s`, from: null, to: item.value });
      }
    }
  }
  const tagNorms = new Set([...state.tags, ...(prev?.tags ?? [])].map(normaliseTagName));
  for (const t of person.tags) {
    if (!tagNorms.has(normaliseTagName(t))) {
      tagNorms.add(normaliseTagName(t));
      changes.push({ field: 'tags', from: null, to: t });
    }
  }
  // One place is one address, whatever its label: the same place again fills the stored one's blanks.
  const stored = parseJsonArray<PostalAddress>(row.addresses);
  const said = new Set((prev?.addresses ?? []).map((a) => JSON.stringify(a)));
  const saidPlaces = new Set((prev?.addresses ?? []).map(placeOf));
  for (const a of person.addresses) {
    if (said.has(JSON.stringify(a))) continue; // as the source said last time: left as the owner keeps it
    const at = stored.findIndex((s) => placeOf(s) === placeOf(a));
    const kept = stored[at];
    if (kept) {
      const filled = fillAddress(kept, a);
      const from = JSON.stringify(kept);
      const to = JSON.stringify(filled);
      if (to !== from) changes.push({ field: 'addresses', from, to });
      stored[at] = filled;
    } else if (!saidPlaces.has(placeOf(a))) {
      // A place the source gave before and the contact lacks was removed by the owner: it stays removed.
      changes.push({ field: 'addresses', from: null, to: JSON.stringify(a) });
      stored.push(a);
    }
  }
  const dates = [...parseJsonArray<object>(row.dates), ...(prev?.dates ?? [])].map((d) => JSON.stringify(d));
  for (const d of person.dates ?? [])
    if (!dates.includes(JSON.stringify(d)))
      changes.push({ field: 'dates', from: null, to: JSON.stringify(d) });
  const custom = parseJsonRecord(row.custom_fields);
  for (const [k, v] of Object.entries(person.extra))
    push(scalar(`customFields.${k}`, custom[k] ?? null, prev?.extra?.[k], v, had));
  const sha = photoHash(person);
  if (sha && sha !== state.photoSha && (!state.photoSha || !had || prev?.photo !== sha)) {
    changes.push({ field: 'photo', from: state.photoSha, to: sha });
  }
  return changes;
}

/** Two records of one file that are the same person: the first one's values win, lists are combined. */
export function mergePeople(a: CleanPerson, b: CleanPerson): CleanPerson {
  const union = <T>(x: T[], y: T[], key: (v: T) => string) => {
    const seen = new Set(x.map(key));
    return [...x, ...y.filter((v) => !seen.has(key(v)))];
  };
  const byValue = (v: { value: string }) => v.value.toLowerCase();
  const merged: CleanPerson = {
    ...b,
    ...Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)),
  } as CleanPerson;
  merged.emails = union(a.emails, b.emails, byValue);
  merged.phones = union(a.phones, b.phones, byValue);
  merged.urls = union(a.urls, b.urls, byValue);
  merged.tags = union(a.tags, b.tags, (t) => t.toLowerCase());
  merged.addresses = onePerPlace([...a.addresses, ...b.addresses]);
  merged.extra = { ...b.extra, ...a.extra };
  return merged;
}

export function describeRef(p: { ref: { file: string; line?: number; card?: number } }): string {
  return p.ref.card !== undefined
    ? `card ${p.ref.card}`
    : p.ref.line !== undefined
      ? `line ${p.ref.line}`
      : p.ref.file;
}
