import stringWidth from 'string-width';
import { isDatabaseBusy } from '../core/db/portable';
import { AppError, databaseBusy } from '../core/errors';
import { exitCodeFor } from './exit-codes';

/** Options every command understands (declared once on the program). */
export interface GlobalOptions {
  data?: string;
  account?: string;
  json?: boolean;
}

/** Prints `value` as JSON when `--json` is on, else the human text `human()` builds. */
export function emit(g: GlobalOptions, value: unknown, human: () => string): void {
  const text = g.json ? JSON.stringify(value, null, 2) : human();
  if (text) process.stdout.write(`${text}\n`);
}

/** A note for people (hints, "more pages"), kept off stdout so pipes only see data; silent under --json. */
export function note(g: GlobalOptions, text: string): void {
  if (!g.json) process.stderr.write(`${text}\n`);
}

// Printable ASCII takes one column a character; anything else (accents, CJK, emoji, colour codes) is measured by
// string-width, as cli-table3 did.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const displayWidth = (line: string) => (PRINTABLE_ASCII.test(line) ? line.length : stringWidth(line));

/**
 * Borderless, aligned columns: readable in a terminal and still easy to grep or cut. A cell may hold several lines.
 * Laid out here in one pass: cli-table3 took minutes for `list --all` over 30,000 contacts (its layout is quadratic).
 */
export function table(head: string[], rows: (string | number | null | undefined)[][]): string {
  const columns = rows.reduce((n, r) => Math.max(n, r.length), head.length);
  const cells = [head, ...rows].map((row) =>
    Array.from({ length: columns }, (_, i) => {
      const c = row[i];
      return (c === null || c === undefined ? '' : String(c))
        .split('\n')
        .map((l) => [l, displayWidth(l)] as const);
    }),
  );
  const widths: number[] = new Array(columns).fill(1);
  for (const row of cells)
    row.forEach((c, i) => {
      for (const [, w] of c) widths[i] = Math.max(widths[i] ?? 1, w);
    });
  const out: string[] = [];
  for (const row of cells) {
    const height = Math.max(...row.map((c) => c.length));
    for (let n = 0; n < height; n++) {
      const line = row.map((c, i) => {
        const [text, w] = c[n] ?? ['', 0];
        return text + ' '.repeat((widths[i] ?? 1) - w);
      });
      out.push(line.join('  ').trimEnd());
    }
  }
  return out.join('\n');
}

/** `label  value` lines with the labels padded to one width; empty values show as a dash. */
export function fields(pairs: [string, string | null | undefined][]): string {
  const width = Math.max(...pairs.map(([k]) => k.length));
  return pairs
    .map(([k, v]) => {
      const value = v === null || v === undefined || v === '' ? '—' : v;
      // Continuation lines of multi-line values line up under the first.
      return `${k.padEnd(width)}  ${value.replaceAll('\n', `\n${' '.repeat(width + 2)}`)}`;
    })
    .join('\n');
}

/**
 * A domain error with text for people on what to do next (e.g. a ready-to-edit `--map`), printed after the
 * message; under --json the error is reported exactly as the wrapped one.
 */
export class HintedError extends AppError {
  constructor(
    error: AppError,
    readonly hint: string,
  ) {
    super(error.code, error.message, error.details);
  }
}

interface Candidate {
  id: string;
  displayName: string;
  organisation?: { name: string } | null;
}

/**
 * Reports any failure on stderr (plain or `{"error":…}` JSON) and returns the exit status for it. In plain text
 * `label` turns the field paths of the error into what the person typed (field-flags.ts); JSON keeps the paths, as
 * the API gives them.
 */
export function reportError(e: unknown, json: boolean, label: (path: string) => string = (p) => p): number {
  const err =
    e instanceof AppError
      ? e
      : isDatabaseBusy(e)
        ? databaseBusy()
        : new AppError('internal', e instanceof Error ? e.message : String(e), {});
  if (json) {
    const body = { error: { code: err.code, message: err.message, details: err.details } };
    process.stderr.write(`${JSON.stringify(body)}\n`);
    return exitCodeFor(err.code);
  }
  const issues = err.details.issues ?? [];
  // validationError and validate() begin the message with the first issue's path.
  const first = issues[0];
  const message =
    first && err.message.startsWith(`${first.path}: `)
      ? `${label(first.path)}${err.message.slice(first.path.length)}`
      : err.message;
  const lines = [`error: ${message}`];
  // A single issue is usually the message itself; repeating it adds nothing.
  const only = issues.length === 1 ? issues[0] : undefined;
  if (!only || `${only.path}: ${only.message}` !== err.message) {
    lines.push(...issues.map((i) => `  ${label(i.path)}: ${i.message}`));
  }
  const candidates = err.details.candidates as Candidate[] | undefined;
  if (candidates) {
    lines.push(
      ...candidates.map(
        (c) => `  ${c.id}  ${c.displayName}${c.organisation ? ` · ${c.organisation.name}` : ''}`,
      ),
    );
  }
  if (e instanceof HintedError) lines.push('', e.hint);
  if (err.code === 'internal' && process.env.RAPPORT_DEBUG && e instanceof Error && e.stack) {
    lines.push(e.stack);
  }
  process.stderr.write(`${lines.join('\n')}\n`);
  return exitCodeFor(err.code);
}
