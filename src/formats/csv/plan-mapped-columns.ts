import type { ParseIssue } from '../model';
import type { ColumnDestination, ColumnMapping } from './column-mapping';
import type { ColumnAction, DateOrder } from './column-plan';

/**
 * Applies a user's column mapping over a format's plan (or over "everything to extra" for a generic file):
 * mapped columns get the mapping's action, the others keep theirs. Mapping keys match header names trimmed
 * and case-insensitively. Keys that match no column are one `error` (on the first of them) naming them all and the
 * file's columns: the file is not to be read with that mapping.
 */
export function planMappedColumns(
  headers: string[],
  base: ColumnAction[],
  mapping: ColumnMapping,
  order: DateOrder,
  file: string,
  issues: ParseIssue[],
): ColumnAction[] {
  const byName = new Map<string, ColumnDestination>();
  for (const [column, destination] of Object.entries(mapping))
    byName.set(column.trim().toLowerCase(), destination);
  const used = new Set<string>();
  const actions = headers.map((header, i): ColumnAction => {
    const key = header.trim().toLowerCase();
    const destination = byName.get(key);
    if (destination === undefined) return base[i] ?? { kind: 'extra' };
    used.add(key);
    const target = typeof destination === 'string' ? destination : destination.target;
    const label = typeof destination === 'string' ? undefined : destination.label;
    switch (target) {
      case 'email':
      case 'phone':
      case 'url':
        return {
          kind: target,
          split: target === 'phone' ? 'semicolon' : 'list-comma',
          ...(label ? { label } : {}),
        };
      case 'address':
        return { kind: 'address', group: `column:${i}`, part: 'formatted', ...(label ? { label } : {}) };
      case 'tags':
        return { kind: 'tags', split: 'list-comma' };
      case 'birthday':
        return { kind: 'birthday', order };
      case 'connectedOn':
        return { kind: 'connectedOn', order };
      case 'ignore':
        return { kind: 'ignore' };
      case 'extra':
        return { kind: 'extra' };
      default:
        return { kind: 'scalar', field: target };
    }
  });
  // A column named but not there would import everyone without that field (people without their e-mails, say):
  // an error, on which the reader reads no row.
  const missing = Object.keys(mapping).filter((column) => !used.has(column.trim().toLowerCase()));
  if (missing.length > 0) {
    const quoted = missing.map((c) => `"${c}"`);
    const named =
      quoted.length === 1
        ? `column ${quoted[0]}, which is`
        : `columns ${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}, which are`;
    issues.push({
      ref: { file, line: 1 },
      field: missing[0],
      message: `the mapping names ${named} not in the file: its columns are ${headers.filter((h) => h.trim()).join(', ')}`,
      severity: 'error',
    });
  }
  return actions;
}
