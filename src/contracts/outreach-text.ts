/**
 * The text rules of personal outreach (docs/adr/0012-outreach.md), pure so the server enforces exactly what the
 * web composer explains live: merge fields, the personal line and the fingerprint text.
 */

/** Merge fields a template or message may use, written `{firstName}`. `{{` and `}}` write a literal brace. */
export const MERGE_FIELDS = [
  'firstName',
  'lastName',
  'name',
  'organisation',
  'title',
  'howWeMet',
  'purpose',
  'myName',
  'myFirstName',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Partial<Record<MergeField, string | null>>;

/** A message is personal when the words the template did not write (merge values aside) reach both minimums. */
export const PERSONAL_MIN_WORDS = 5;
export const PERSONAL_MIN_CHARS = 25;

/**
 * What a message without a template starts from (the suggested draft): a greeting and a sign-off the writer did not
 * write, so they are not part of the personal line. The follow-up's words are the first's without "Best".
 */
export const BLANK_DRAFT = 'Hi {firstName},\n\n\n\nBest,\n{myFirstName}';
export const FOLLOW_UP_DRAFT = 'Hi {firstName},\n\n\n\n{myFirstName}';

/** LinkedIn's limits: an invitation note (free / Premium) and a message. */
export const LINKEDIN_LIMITS = { note: 200, notePremium: 300, message: 8000 } as const;

const FIELD_MAX = 40;

type Piece = { text: string } | { field: string };

/** Splits text into literal pieces and `{field}` references (any name: unknown ones are reported, not dropped). */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if ((ch === '{' || ch === '}') && text[i + 1] === ch) {
      literal += ch;
      i += 2;
      continue;
    }
    if (ch === '{') {
      const end = text.indexOf('}', i + 1);
      const inner = end < 0 ? '' : text.slice(i + 1, end);
      if (end > i + 1 && inner.length <= FIELD_MAX && !/[{\n]/.test(inner)) {
        if (literal) out.push({ text: literal });
        literal = '';
        out.push({ field: inner.trim() });
        i = end + 1;
        continue;
      }
    }
    literal += ch;
    i++;
  }
  if (literal) out.push({ text: literal });
  return out;
}

const isKnown = (f: string): f is MergeField => (MERGE_FIELDS as readonly string[]).includes(f);

/** The `{fields}` the text refers to that are not merge fields, in order of appearance, each once. */
export function unknownFields(text: string): string[] {
  const out: string[] = [];
  for (const p of pieces(text))
    if ('field' in p && !isKnown(p.field) && !out.includes(p.field)) out.push(p.field);
  return out;
}

/** The merge fields the text uses, each once. */
export function usedFields(text: string): MergeField[] {
  const out: MergeField[] = [];
  for (const p of pieces(text))
    if ('field' in p && isKnown(p.field) && !out.includes(p.field)) out.push(p.field);
  return out;
}

/**
 * Fills the merge fields from `values` (a missing value renders as nothing and is listed in `empty`); unknown
 * fields stay as written and are listed in `unknown`.
 */
export function renderMerge(
  text: string,
  values: MergeValues,
): { text: string; unknown: string[]; empty: MergeField[] } {
  let out = '';
  const unknown: string[] = [];
  const empty: MergeField[] = [];
  for (const p of pieces(text)) {
    if ('text' in p) out += p.text;
    else if (!isKnown(p.field)) {
      out += `{${p.field}}`;
      if (!unknown.includes(p.field)) unknown.push(p.field);
    } else {
      const v = values[p.field]?.trim() ?? '';
      if (!v && !empty.includes(p.field)) empty.push(p.field);
      out += v;
    }
  }
  return { text: out, unknown, empty };
}

/** Accent- and case-folded words, letters and digits only. */
function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Indexes of `words` covered by any merge value's word sequence (a value typed by hand counts as merge too), from
 * one person's values or several people's.
 */
function mergeWordMask(words: string[], ...valueSets: MergeValues[]): boolean[] {
  const mask = words.map(() => false);
  const seqs = valueSets
    .flatMap((values) => Object.values(values))
    .map((v) => wordsOf(v ?? ''))
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length);
  for (const seq of seqs) {
    for (let i = 0; i + seq.length <= words.length; i++) {
      if (seq.every((w, k) => words[i + k] === w)) for (let k = 0; k < seq.length; k++) mask[i + k] = true;
    }
  }
  return mask;
}

/** Which of `a`'s items are part of a longest common subsequence with `b`. */
function commonMask(a: string[], b: string[]): boolean[] {
  const n = a.length;
  const m = b.length;
  // Messages are short (a few hundred words); the quadratic table is small.
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = table[i] as Uint16Array;
    const next = table[i + 1] as Uint16Array;
    for (let j = m - 1; j >= 0; j--)
      row[j] =
        a[i] === b[j] ? (next[j + 1] as number) + 1 : Math.max(next[j] as number, row[j + 1] as number);
  }
  const mask = a.map(() => false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      mask[i] = true;
      i++;
      j++;
    } else if (((table[i + 1] as Uint16Array)[j] as number) >= ((table[i] as Uint16Array)[j + 1] as number))
      i++;
    else j++;
  }
  return mask;
}

export interface PersonalCheck {
  /** The words of your own: what the template did not write, merge values removed (folded, space-separated). */
  line: string;
  words: number;
  chars: number;
  ok: boolean;
  /** Why the message is not personal yet (null when it is). */
  reason: string | null;
  /** The message with merge values removed, folded: the same text to two people has the same fingerprint. */
  fingerprintText: string;
}

/**
 * The personal-line rule: `message` (rendered) must contain at least PERSONAL_MIN_WORDS words and
 * PERSONAL_MIN_CHARS characters that `template` (rendered for the same person, or nothing) did not write and that
 * are not merge values (their name, organisation, title…).
 */
export function checkPersonal(message: string, template: string | null, values: MergeValues): PersonalCheck {
  const words = wordsOf(message);
  const merge = mergeWordMask(words, values);
  const kept = words.filter((_w, i) => !merge[i]);
  // Without a template the pre-filled greeting and sign-off stand in for it: "Hi Wen, … Best, Ana" is not a line of
  // one's own, so they do not count towards it.
  const templateWords = wordsOf(template ?? renderMerge(BLANK_DRAFT, values).text);
  const templateMerge = mergeWordMask(templateWords, values);
  const templateKept = templateWords.filter((_w, i) => !templateMerge[i]);
  const fromTemplate = commonMask(kept, templateKept);
  const own = kept.filter((_w, i) => !fromTemplate[i]);
  const line = own.join(' ');
  const result = { line, words: own.length, chars: line.length, fingerprintText: kept.join(' ') };
  const need = `at least ${PERSONAL_MIN_WORDS} words and ${PERSONAL_MIN_CHARS} characters`;
  const beyond = template ? 'the template' : 'the greeting and sign-off';
  let reason: string | null = null;
  if (words.length === 0) reason = 'the message is empty: write something only this person would get';
  else if (own.length === 0)
    reason = template
      ? `this is the template alone: add a line of your own for this person (${need} beyond the template and their details)`
      : kept.length === 0
        ? `the message holds nothing but their details: write a line of your own (${need})`
        : `this is the greeting and sign-off alone: add a line of your own about them (${need} beyond ${beyond} and their details)`;
  // Not quoted back: a few words typed into a draft are not yet a line worth showing as "your own".
  else if (own.length < PERSONAL_MIN_WORDS || line.length < PERSONAL_MIN_CHARS)
    reason = `add a line of your own about them (a personal line needs ${need} beyond ${beyond} and their details)`;
  return { ...result, ok: reason === null, reason };
}

const SHINGLE = 3;

function shingles(words: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

/**
 * Whether personal line `line` repeats `earlier` (both as `checkPersonal` gives them): four in five of its
 * three-word runs already appeared there, so a line reworded at the edges is still the same line, while a habit of
 * phrasing around a new detail is not.
 */
export function repeatsLine(line: string, earlier: string): boolean {
  const mine = shingles(line.split(' ').filter(Boolean));
  if (mine.size === 0) return false;
  const theirs = shingles(earlier.split(' ').filter(Boolean));
  let shared = 0;
  for (const s of mine) if (theirs.has(s)) shared++;
  return shared * 5 >= mine.size * 4;
}

/** Folded words of `text` (a message or a personal line) with the merge values of every given person removed. */
export function withoutMergeValues(text: string, ...valueSets: MergeValues[]): string {
  const words = wordsOf(text);
  const merge = mergeWordMask(words, ...valueSets);
  return words.filter((_w, i) => !merge[i]).join(' ');
}

/**
 * Whether two messages to two people are the same text: equal once the merge values of both people are removed
 * from both (each person's own alone is not enough: "Initech", typed in both, is one recipient's organisation).
 */
export function sameTextFor(
  message: string,
  mine: MergeValues,
  earlier: string,
  theirs: MergeValues,
): boolean {
  return withoutMergeValues(message, mine, theirs) === withoutMergeValues(earlier, mine, theirs);
}

/** `repeatsLine` for two people's personal lines, with the merge values of both removed from both. */
export function repeatsLineFor(
  line: string,
  mine: MergeValues,
  earlier: string,
  theirs: MergeValues,
): boolean {
  return repeatsLine(withoutMergeValues(line, mine, theirs), withoutMergeValues(earlier, mine, theirs));
}
