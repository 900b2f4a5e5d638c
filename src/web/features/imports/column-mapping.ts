/** Where a CSV column can go (the server's column targets, in the order a person thinks of them). */
export const COLUMN_TARGETS = [
  ['ignore', 'Ignore this column'],
  ['extra', 'Keep as a custom field'],
  ['displayName', 'Full name'],
  ['givenName', 'Given name'],
  ['additionalNames', 'Middle names'],
  ['familyName', 'Family name'],
  ['prefix', 'Name prefix (Dr, Ms…)'],
  ['suffix', 'Name suffix (Jr, PhD…)'],
  ['nickname', 'Nickname'],
  ['organisation', 'Organisation'],
  ['department', 'Department'],
  ['title', 'Title'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['url', 'Web link'],
  ['address', 'Address'],
  ['notes', 'Notes'],
  ['tags', 'Tags'],
  ['connectedOn', 'Connected on'],
  ['birthday', 'Birthday'],
] as const;

export type ColumnTarget = (typeof COLUMN_TARGETS)[number][0];

const TARGETS = new Set<string>(COLUMN_TARGETS.map(([t]) => t));
/** Targets that take a label ("work", "Mobile"). */
export const LABELLED_TARGETS: ReadonlySet<ColumnTarget> = new Set<ColumnTarget>(['email', 'phone', 'url']);

export interface MappingRow {
  header: string;
  target: ColumnTarget;
  label: string;
}

function isTarget(v: unknown): v is ColumnTarget {
  return typeof v === 'string' && TARGETS.has(v);
}

/**
 * One row per column, prefilled from the server's suggestion (`"field"` or `{target, label}`, keyed by header
 * compared trimmed and without case). Columns it has no guess for are kept as custom fields, as the server
 * would do: nothing is dropped unless the user says so.
 */
export function mappingRows(headers: string[], suggested: Record<string, unknown>): MappingRow[] {
  const byKey = new Map(Object.entries(suggested).map(([k, v]) => [k.trim().toLowerCase(), v]));
  return headers.map((header) => {
    const s = byKey.get(header.trim().toLowerCase());
    if (isTarget(s)) return { header, target: s, label: '' };
    if (typeof s === 'object' && s !== null) {
      const { target, label } = s as { target?: unknown; label?: unknown };
      if (isTarget(target)) return { header, target, label: typeof label === 'string' ? label : '' };
    }
    return { header, target: header.trim() ? 'extra' : 'ignore', label: '' };
  });
}

/**
 * The `map` query parameter: `{"Column": "field" | {"target", "label"}}`. Columns kept as custom fields are left
 * out (the server keeps every unmapped column that way), which keeps wide files under the parameter's size limit;
 * blank headers cannot be named, so are left out too.
 */
export function mappingJson(rows: MappingRow[]): string {
  const map: Record<string, ColumnTarget | { target: ColumnTarget; label: string }> = {};
  for (const row of rows) {
    const header = row.header.trim();
    if (!header || row.target === 'extra') continue;
    const label = row.label.trim();
    map[header] = label && LABELLED_TARGETS.has(row.target) ? { target: row.target, label } : row.target;
  }
  return JSON.stringify(map);
}

/** Which row an API issue path (`map.Work mail.label`) is about, and whether it is the label. */
export function mappingIssueTarget(
  path: string,
  rows: MappingRow[],
): { index: number; part: 'target' | 'label' } | null {
  if (!path.startsWith('map.')) return null;
  let rest = path.slice(4);
  let part: 'target' | 'label' = 'target';
  for (const suffix of ['.label', '.target']) {
    if (rest.endsWith(suffix) && !rows.some((r) => r.header.trim() === rest)) {
      part = suffix === '.label' ? 'label' : 'target';
      rest = rest.slice(0, -suffix.length);
      break;
    }
  }
  const index = rows.findIndex((r) => r.header.trim() === rest);
  return index < 0 ? null : { index, part };
}
