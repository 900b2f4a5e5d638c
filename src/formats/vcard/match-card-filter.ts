import { splitContentLine } from './normalise-vcard';

/** One `CARDDAV:text-match` (RFC 6352 §10.5.4). */
export interface TextMatch {
  text: string;
  matchType: 'equals' | 'contains' | 'starts-with' | 'ends-with';
  negate: boolean;
  /** `i;unicode-casemap` and `i;ascii-casemap` (the default) ignore case; `i;octet` does not. */
  caseless: boolean;
}

/** One `CARDDAV:prop-filter`: a property (FN, EMAIL, TEL…) that must be absent, present, or match its texts. */
export interface PropFilter {
  name: string;
  test: 'anyof' | 'allof';
  isNotDefined: boolean;
  textMatches: TextMatch[];
}

/** A `CARDDAV:filter`: its prop-filters, any or all of which must hold. */
export interface CardFilter {
  test: 'anyof' | 'allof';
  propFilters: PropFilter[];
}

function matchesText(value: string, m: TextMatch): boolean {
  const v = m.caseless ? value.toLocaleLowerCase() : value;
  const t = m.caseless ? m.text.toLocaleLowerCase() : m.text;
  const hit =
    m.matchType === 'equals'
      ? v === t
      : m.matchType === 'starts-with'
        ? v.startsWith(t)
        : m.matchType === 'ends-with'
          ? v.endsWith(t)
          : v.includes(t);
  return hit !== m.negate;
}

/** The values of each property of a vCard (unfolded; group and parameters left aside), by upper-case name. */
function propertiesOf(card: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of card.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)) {
    const p = line ? splitContentLine(line) : null;
    if (!p) continue;
    const name = p.name.toUpperCase();
    const list = out.get(name) ?? [];
    list.push(p.value.replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, '\n'));
    out.set(name, list);
  }
  return out;
}

/** Whether a card passes an addressbook-query filter (RFC 6352 §10.5); an empty filter passes every card. */
export function matchesCardFilter(card: string, filter: CardFilter): boolean {
  if (filter.propFilters.length === 0) return true;
  const props = propertiesOf(card);
  const holds = (f: PropFilter): boolean => {
    const values = props.get(f.name.toUpperCase()) ?? [];
    if (f.isNotDefined) return values.length === 0;
    if (f.textMatches.length === 0) return values.length > 0;
    return values.some((v) =>
      f.test === 'allof'
        ? f.textMatches.every((m) => matchesText(v, m))
        : f.textMatches.some((m) => matchesText(v, m)),
    );
  };
  return filter.test === 'allof' ? filter.propFilters.every(holds) : filter.propFilters.some(holds);
}
