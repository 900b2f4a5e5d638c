import { type FormEvent, useId, useState } from 'react';
import { isApiError } from '../../api/client';
import type { RestoreResult } from '../../api/types';
import { plural } from '../../ui/format';
import { useRestoreBackup } from './use-restore-backup';

/** What went wrong, in words that say what to do next. */
function restoreProblem(e: unknown): string {
  if (!isApiError(e)) return e instanceof Error ? e.message : 'Something went wrong.';
  if (e.status === 409) {
    const what = /already has ([^:]+)/.exec(e.message)?.[1] ?? 'data';
    return `Not restored: this account already has ${what}. A backup can only be restored into an empty account, so nothing here is overwritten. Create a new account, sign in with it and restore there.`;
  }
  if (e.code === 'too_large') return 'This file is larger than the server accepts.';
  const paths = e.issues.map((i) => i.path);
  if (paths.includes('body')) return 'This file is not a JSON file. Choose the .json file Rapport’s backup download gave you.';
  if (paths.includes('backup.format')) return 'This is not a Rapport backup. Choose the .json file Rapport’s backup download gave you.';
  if (paths.includes('backup.version')) return `This backup comes from another version of Rapport: ${e.issues.find((i) => i.path === 'backup.version')?.message}.`;
  return `The backup could not be read: ${e.message}`;
}

// The backup's tables a person would name, in the order they would; the rest (links, history, sources, settings)
// are counted together.
const NAMED: [table: string, one: string, many: string][] = [
  ['contacts', 'contact', 'contacts'],
  ['organisations', 'organisation', 'organisations'],
  ['tags', 'tag', 'tags'],
  ['interactions', 'interaction', 'interactions'],
  ['favours', 'favour', 'favours'],
  ['promises', 'promise', 'promises'],
  ['purposes', 'purpose', 'purposes'],
  ['outreach_items', 'outreach queue item', 'outreach queue items'],
  ['linkedin_invitations', 'LinkedIn invitation', 'LinkedIn invitations'],
  ['imports', 'import', 'imports'],
  ['merges', 'merge', 'merges'],
];

function rowsText(rows: Record<string, number>): string {
  const named = new Set(NAMED.map(([table]) => table));
  const parts = NAMED.filter(([table]) => (rows[table] ?? 0) > 0).map(([table, one, many]) =>
    plural(rows[table] as number, one, many),
  );
  const rest = Object.entries(rows)
    .filter(([table]) => !named.has(table))
    .reduce((n, [, count]) => n + count, 0);
  if (rest > 0) parts.push(`${plural(rest, 'other record')} (history, links, sources, settings)`);
  return parts.length > 0 ? parts.join(', ') : 'nothing (the backup was empty)';
}

/** Restore a JSON backup into this account, which must be empty (the server answers 409 otherwise). */
export function RestoreBackupSection() {
  const id = useId();
  const restore = useRestoreBackup();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<RestoreResult | null>(null);
  const error = missing ? 'Choose a backup file first.' : restore.error ? restoreProblem(restore.error) : undefined;

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    if (!file) {
      setMissing(true);
      document.getElementById(`${id}-file`)?.focus();
      return;
    }
    restore.mutate(file, { onSuccess: setDone });
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>Restore a backup</h2>
      <p>
        Brings back everything in a Rapport backup: contacts, organisations, tags, history, imports and merges,
        exactly as they were. <strong>It only works into an empty account</strong>, so nothing you have is
        overwritten: to move to this server, create a fresh account and restore there. (A profile or settings you
        saved there first are replaced by the backup’s.)
      </p>
      <form className="inline-form" onSubmit={submit} noValidate>
        <div className={error ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-file`}>Backup file (.json)</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setMissing(false);
              setDone(null);
              restore.reset();
            }}
          />
          {error ? (
            <p id={`${id}-error`} className="field__error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <div className="inline-form__actions">
          <button type="submit" className="button button--primary" disabled={restore.isPending}>
            {restore.isPending ? 'Restoring…' : 'Restore backup'}
          </button>
        </div>
      </form>
      {done ? (
        <p className="alert alert--success" role="status">
          Restored {rowsText(done.rows)}
          {done.idsKept ? '.' : '. (New ids were given, because the originals are still in use on this server.)'}
        </p>
      ) : null}
    </section>
  );
}
