export type CsvDelimiter = ',' | ';' | '\t';

const CANDIDATES: CsvDelimiter[] = [',', ';', '\t'];

/**
 * The delimiter of a CSV text, from its first record (quote-aware, so commas inside quoted cells do not count):
 * the candidate found most often, `,` on a tie or when there is none. German Outlook/Excel writes `;`.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  const end = Math.min(text.length, 64 * 1024);
  for (let i = 0; i < end; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted) {
      if (ch === '\n' || ch === '\r') break;
      const n = counts.get(ch);
      if (n !== undefined) counts.set(ch, n + 1);
    }
  }
  let best: CsvDelimiter = ',';
  for (const c of CANDIDATES) if ((counts.get(c) ?? 0) > (counts.get(best) ?? 0)) best = c;
  return best;
}
