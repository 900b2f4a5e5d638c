import { type FormEvent, type KeyboardEvent, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import type { TagWithCadence } from '../../api/types';
import { soleFieldError, toFieldErrors } from '../../ui/field-errors';
import { plural } from '../../ui/format';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/use-toast';
import { useDeleteTag } from './use-delete-tag';
import { useMergeTag } from './use-merge-tag';
import { useRenameTag } from './use-rename-tag';
import { useSetTagCadence } from './use-tag-cadence';

type Mode = 'view' | 'rename' | 'merge' | 'cadence';

/** One tag with its actions: rename (a clash offers a merge), merge into another tag, delete. */
export function TagRow({ tag, others }: { tag: TagWithCadence; others: TagWithCadence[] }) {
  const [mode, setMode] = useState<Mode>('view');
  const [name, setName] = useState(tag.name);
  const [into, setInto] = useState('');
  const rename = useRenameTag();
  const merge = useMergeTag();
  const remove = useDeleteTag();
  const cadence = useSetTagCadence();
  const toast = useToast();
  const [days, setDays] = useState(tag.cadenceDays ? String(tag.cadenceDays) : '');
  const [localDays, setLocalDays] = useState<string | null>(null);
  const selectId = useId();
  const inputId = useId();
  const daysId = useId();

  // The field the user asked for gets the keyboard; leaving a form gives it back to the row's first action.
  useEffect(() => {
    if (mode === 'rename') {
      const input = document.getElementById(inputId);
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      }
    } else if (mode === 'merge') {
      document.getElementById(selectId)?.focus();
    } else if (mode === 'cadence') {
      document.getElementById(daysId)?.focus();
    }
  }, [mode, inputId, selectId, daysId]);
  const clash =
    isApiError(rename.error) && rename.error.status === 409
      ? others.find((t) => t.name.toLowerCase() === name.trim().toLowerCase())
      : undefined;
  const renameErrors = toFieldErrors(rename.error, (p) => p === 'name');
  const renameError = clash
    ? `A tag named “${clash.name}” already exists.`
    : soleFieldError(renameErrors, 'name');

  const close = () => {
    setMode('view');
    rename.reset();
    merge.reset();
    cadence.reset();
    setLocalDays(null);
    setName(tag.name);
  };

  function saveCadence(cadenceDays: number | null) {
    cadence.mutate(
      { id: tag.id, cadenceDays },
      {
        onSuccess: () => {
          setMode('view');
          toast.show({
            message:
              cadenceDays === null
                ? `No keep-in-touch reminder for “${tag.name}” any more.`
                : `Keeping in touch with everyone tagged “${tag.name}” every ${cadenceDays} days.`,
          });
        },
      },
    );
  }

  function submitCadence(e: FormEvent) {
    e.preventDefault();
    const n = Number(days);
    if (!days.trim() || !Number.isInteger(n)) {
      setLocalDays('Enter a whole number of days.');
      document.getElementById(daysId)?.focus();
      return;
    }
    setLocalDays(null);
    saveCadence(n);
  }
  const cadenceErrors = toFieldErrors(cadence.error, (p) => p === 'cadenceDays');
  const cadenceError = localDays ?? soleFieldError(cadenceErrors, 'cadenceDays');

  function submitRename(e: FormEvent) {
    e.preventDefault();
    if (name.trim() === tag.name) return close();
    rename.mutate({ id: tag.id, name }, { onSuccess: () => setMode('view') });
  }

  // What happens to the keep-in-touch intervals, said before the merge (the kept tag keeps the shorter one).
  const target = others.find((t) => t.id === into);
  const keptDays = target ? shorterDays(tag.cadenceDays ?? null, target.cadenceDays ?? null) : null;
  const mergeHint =
    target && keptDays
      ? `Everyone tagged “${target.name}” will be kept in touch with every ${keptDays} days (the shorter interval of the two).`
      : null;

  function submitMerge(e: FormEvent) {
    e.preventDefault();
    if (into) merge.mutate({ id: tag.id, into }, { onSuccess: () => setMode('view') });
  }

  const onEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  return (
    <li className="tag-row">
      {mode === 'rename' ? (
        <form className="inline-form" onSubmit={submitRename} onKeyDown={onEscape} noValidate>
          <TextField
            label={`New name for ${tag.name}`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={renameError}
            id={inputId}
            autoComplete="off"
          />
          <div className="inline-form__actions">
            <button
              type="submit"
              className="button button--primary button--small"
              disabled={rename.isPending}
            >
              Save
            </button>
            {clash ? (
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  merge.mutate({ id: tag.id, into: clash.id }, { onSuccess: () => setMode('view') })
                }
              >
                Merge into “{clash.name}”
              </button>
            ) : null}
            <button type="button" className="button button--small" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      ) : mode === 'merge' ? (
        <form className="inline-form" onSubmit={submitMerge} onKeyDown={onEscape}>
          <div className="field">
            <label htmlFor={selectId}>Merge “{tag.name}” into</label>
            <select
              id={selectId}
              value={into}
              onChange={(e) => setInto(e.target.value)}
              required
              aria-describedby={mergeHint ? `${selectId}-hint` : undefined}
            >
              <option value="">Choose a tag…</option>
              {others.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            {mergeHint ? (
              <p className="field__hint" id={`${selectId}-hint`}>
                {mergeHint}
              </p>
            ) : null}
            {merge.error ? <p className="field__error">{merge.error.message}</p> : null}
          </div>
          <div className="inline-form__actions">
            <button
              type="submit"
              className="button button--primary button--small"
              disabled={!into || merge.isPending}
            >
              Merge
            </button>
            <button type="button" className="button button--small" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      ) : mode === 'cadence' ? (
        <form className="inline-form" onSubmit={submitCadence} onKeyDown={onEscape} noValidate>
          <TextField
            id={daysId}
            label={`Keep in touch with “${tag.name}” every (days)`}
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            hint="e.g. 180 for former students: every six months."
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={cadenceError}
          />
          <div className="inline-form__actions">
            <button
              type="submit"
              className="button button--primary button--small"
              disabled={cadence.isPending}
            >
              Save
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={cadence.isPending}
              onClick={() => saveCadence(null)}
            >
              No reminder
            </button>
            <button type="button" className="button button--small" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <Link to={`/contacts?tag=${encodeURIComponent(tag.name)}`} className="tag-row__name">
            <span className="chip">{tag.name}</span>
            <span className="muted">{plural(tag.contactCount, 'contact')}</span>
            {tag.cadenceDays ? <span className="muted">· every {tag.cadenceDays} days</span> : null}
          </Link>
          <div className="tag-row__actions">
            <button type="button" className="button button--small" onClick={() => setMode('cadence')}>
              Keep in touch<span className="visually-hidden"> with {tag.name}</span>
            </button>
            <button type="button" className="button button--small" onClick={() => setMode('rename')}>
              Rename<span className="visually-hidden"> {tag.name}</span>
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={others.length === 0}
              onClick={() => setMode('merge')}
            >
              Merge<span className="visually-hidden"> {tag.name}</span>
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(tag)}
            >
              Delete<span className="visually-hidden"> {tag.name}</span>
            </button>
          </div>
        </>
      )}
    </li>
  );
}

function shorterDays(a: number | null, b: number | null): number | null {
  return a && b ? Math.min(a, b) : (a ?? b);
}
