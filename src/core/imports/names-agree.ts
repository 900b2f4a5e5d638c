import { words } from '../text/fold';

/** A name as matching compares it. */
export interface NameOf {
  givenName?: string | null;
  displayName: string;
}

/**
 * Whether two records could name the same person, asked of keys several people may hold: a phone number alone (a
 * switchboard, a family's landline) must not make one contact of two people with different first names, nor
 * rename one after the other. Lenient where it cannot tell: a missing name, a name without letters (a card called
 * by its number), an initial or a short form (`J.` / `Jane`, `Rob` / `Robert`) agree.
 */
export function namesAgree(a: NameOf, b: NameOf): boolean {
  const ga = givenOf(a);
  const gb = givenOf(b);
  // Without a given name on one side, any word of its shown name may be it; on neither side, the first words.
  const fa = ga ? [ga] : gb ? shownWords(a) : shownWords(a).slice(0, 1);
  const fb = gb ? [gb] : ga ? shownWords(b) : shownWords(b).slice(0, 1);
  if (fa.length === 0 || fb.length === 0) return true;
  return fa.some((x) => fb.some((y) => x.startsWith(y) || y.startsWith(x)));
}

const lettered = (ws: string[]) => ws.filter((w) => /\p{L}/u.test(w));
const givenOf = (n: NameOf) => (n.givenName ? lettered(words(n.givenName))[0] : undefined);
const shownWords = (n: NameOf) => lettered(words(n.displayName));
