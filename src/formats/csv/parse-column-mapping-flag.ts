import { COLUMN_TARGETS, type ColumnMapping, type ColumnTarget } from './column-mapping';

/**
 * Reads the CLI flag `--map "First=givenName,Surname=familyName,Mobile=phone:Mobile"` (a label after `:`;
 * column names with commas or `=` in double quotes: `"Name, First"=givenName`). Every problem is reported, with
 * the list of valid targets when one is unknown.
 */
export function parseColumnMappingFlag(
  flag: string,
): { ok: true; mapping: ColumnMapping } | { ok: false; errors: string[] } {
  const mapping: ColumnMapping = {};
  const errors: string[] = [];
  for (const entry of splitEntries(flag)) {
    const text = entry.trim();
    if (!text) continue;
    const parsed = splitEntry(text);
    if (!parsed) {
      errors.push(`"${text}": expected Column=target, e.g. First=givenName`);
      continue;
    }
    const { column, destination } = parsed;
    const colon = destination.indexOf(':');
    const target = (colon === -1 ? destination : destination.slice(0, colon)).trim();
    const label = colon === -1 ? '' : destination.slice(colon + 1).trim();
    if (!column) {
      errors.push(`"${text}": the column name is empty`);
      continue;
    }
    if (!(COLUMN_TARGETS as readonly string[]).includes(target)) {
      const hint = COLUMN_TARGETS.find((t) => t.toLowerCase() === target.toLowerCase());
      errors.push(
        `"${text}": unknown target "${target}"${hint ? ` (did you mean ${hint}?)` : ''}; use one of ${COLUMN_TARGETS.join(', ')}`,
      );
      continue;
    }
    if (column in mapping) {
      errors.push(`"${text}": column "${column}" is mapped twice`);
      continue;
    }
    mapping[column] = label ? { target: target as ColumnTarget, label } : (target as ColumnTarget);
  }
  if (errors.length === 0 && Object.keys(mapping).length === 0) errors.push('the mapping is empty');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, mapping };
}

/** Splits on commas outside double quotes. */
function splitEntries(flag: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of flag) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** `"Name, First"=givenName` or `First=givenName`: the column (unquoted) and what follows the `=`. */
function splitEntry(text: string): { column: string; destination: string } | undefined {
  if (text.startsWith('"')) {
    const close = text.indexOf('"', 1);
    if (close === -1 || text[close + 1] !== '=') return undefined;
    return { column: text.slice(1, close).trim(), destination: text.slice(close + 2) };
  }
  const eq = text.lastIndexOf('=');
  if (eq === -1) return undefined;
  return { column: text.slice(0, eq).trim(), destination: text.slice(eq + 1) };
}
