import type { BackupDocument } from './backup-format';

// Rows per chunk: few chunks to write, none of more than a few MB.
const ROWS_PER_CHUNK = 1_000;

/**
 * A backup as the text of `JSON.stringify(backup, null, 2)` and a line end, byte for byte, a thousand rows at a
 * time: the text of a large account (70 MB for 30,000 contacts) is never held whole next to the backup.
 */
export function* backupJsonChunks(backup: BackupDocument): Generator<string> {
  const { tables, ...head } = backup;
  // `tables` is the document's last key (see exportBackup): the text before it is the document without it.
  const before = `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "tables": `;
  const names = Object.keys(tables);
  if (names.length === 0) {
    yield `${before}{}\n}\n`;
    return;
  }
  let out = `${before}{\n`;
  for (let t = 0; t < names.length; t++) {
    const name = names[t] as string;
    const rows = tables[name] as unknown[];
    out += `    ${JSON.stringify(name)}: `;
    if (rows.length === 0) out += '[]';
    else {
      out += '[\n';
      for (let i = 0; i < rows.length; i++) {
        // Strings in JSON hold no raw line end: every line break in a row's text is one of the layout's.
        out += `      ${JSON.stringify(rows[i], null, 2).replaceAll('\n', '\n      ')}`;
        if (i < rows.length - 1) out += ',\n';
        if ((i + 1) % ROWS_PER_CHUNK === 0) {
          yield out;
          out = '';
        }
      }
      out += '\n    ]';
    }
    out += t < names.length - 1 ? ',\n' : '\n';
  }
  yield `${out}  }\n}\n`;
}
