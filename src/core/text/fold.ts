// No code unit above 0x7f (a surrogate is one too): faster than `\p{ASCII}` with the same answer.
const ASCII = /^[^\u0080-\uffff]*$/;
const ASCII_NON_WORD = /[^a-z0-9]+/;

/**
 * Accent- and case-insensitive folding used for search and matching, done in the app so both engines see
 * the same tokens (no `unaccent` extension needed on PostgreSQL).
 */
export function fold(text: string): string {
  // Most names and organisations are plain ASCII, which NFKD leaves as it is: skip the Unicode passes (imports fold
  // every field of every person; the full path was a tenth of a 30k-row import).
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(UNDECOMPOSED, (c) => SPELT[c] ?? String.fromCharCode(c.charCodeAt(0) - 0x60))
    .toLowerCase();
}

// Letters NFKD leaves whole, by their plain spelling (one pass: imports fold every field of every person). Turkish
// dotless ı: "isik" must find Işık as "ipek" finds İpek (İ is I + a dot above).
const SPELT: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ł: 'l',
  Ł: 'l',
  ı: 'i',
  œ: 'oe',
  Œ: 'oe',
  ð: 'd',
  Ð: 'd',
};
// …and katakana as hiragana (0x60 below): a reading typed in either script finds the other (ヤマダ, やまだ).
const UNDECOMPOSED = /[ßæÆøØđĐłŁıœŒðÐ\u30a1-\u30f6]/g;
const UMLAUT = /[äöüÄÖÜ]/;
const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/**
 * `text` with German umlauts spelt out (Müller → Mueller, Schröder → Schroeder), as a keyboard or a passport
 * without them writes the name; null when it has none. Search docs store both spellings' words.
 */
export function umlautsSpelt(text: string): string | null {
  if (!UMLAUT.test(text) && !text.includes('\u0308')) return null;
  const composed = text.normalize('NFC');
  return composed.replace(/[äöüÄÖÜ]/g, (c) => UMLAUTS[c] as string);
}

// Scripts written without spaces between words (Han, kana, Hangul): a name like 王小明 or 山田太郎 is one word.
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]+$/u;

/** Whether a folded word is written in a script without spaces between words (Chinese, Japanese, Korean). */
export function isUnspaced(word: string): boolean {
  return UNSPACED.test(word);
}

/**
 * The name-alike key two contacts of one person share however their names were spelt: folded words with umlauts
 * spelt out, and no space between Chinese, Japanese or Korean words (山田 太郎 and 山田太郎).
 */
export function nameAlikeKey(name: string): string {
  const ws = words(umlautsSpelt(name) ?? name);
  let out = ws[0] ?? '';
  for (let i = 1; i < ws.length; i++) {
    const joined = isUnspaced(ws[i - 1] as string) && isUnspaced(ws[i] as string);
    out += joined ? ws[i] : ` ${ws[i]}`;
  }
  return out || fold(name);
}

/** Folded words: letters and digits only, everything else separates. Engines tokenise this identically. */
export function words(text: string): string[] {
  // ASCII folds to lower case, whose letters and digits are a-z and 0-9: the same split without Unicode classes.
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .split(ASCII_NON_WORD)
      .filter((w) => w.length > 0);
  return wordsOfFolded(fold(text));
}

/** `words()` of text already folded (a caller that needs the folded text too folds it once). */
export function wordsOfFolded(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}
