import type { ParseIssue } from '../model';
import type { ColumnDestination, ColumnMapping } from './column-mapping';
import type { ColumnAction, DateOrder } from './column-plan';

/**
 * Applies a user's column mapping over a format's plan (or over "everything to extra" for a generic file):
 * mapped columns get the mapping's action, the others keep theirs. Mapping keys match header names trimmed
 * and case-insensitively; keys that match no column are reported.
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
  for (const column of Object.keys(mapping)) {
    if (!used.has(column.trim().toLowerCase())) {
      issues.push({
        ref: { file, line: 1 },
        field: column,
        message: `the mapping names column "${column}", which is not in the file (columns: ${headers.join(', ')})`,
        severity: 'warning',
      });
    }
  }
  return actions;
}
