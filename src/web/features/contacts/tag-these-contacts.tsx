import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { ContactFilterQuery } from '../../../contracts/contacts';
import { type ContactTagsResult, MAX_TAGGED_IDS } from '../../../contracts/tags';
import { api } from '../../api/client';
import { ConfirmButton } from '../../ui/confirm-button';
import { soleFieldError, toFieldErrors } from '../../ui/field-errors';
import { formatCount, plural } from '../../ui/format';
import { useToast } from '../../ui/use-toast';
import { useTags } from '../tags/use-tags';
import { taggingBusyText } from './tag-these-words';
import { useInvalidateRolodex } from './use-invalidate-rolodex';
import { useTagContacts } from './use-tag-contacts';

type Mode = 'add' | 'remove';

/**
 * Adds a tag to (or takes one off) every contact the list shows, all pages: its search and filters, not only the
 * rows loaded. Says how many before it acts, and how many changed after, with an "Undo".
 */
export function TagTheseContacts({ filter, total }: { filter: ContactFilterQuery; total: number }) {
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>('add');
  const [name, setName] = useState('');
  const tags = useTags();
  const tagContacts = useTagContacts();
  const invalidate = useInvalidateRolodex();
  const toast = useToast();
  const toggle = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const modeId = useId();
  const nameId = useId();
  const optionsId = useId();
  const errorId = useId();
  const these = plural(total, 'contact');

  // Opening gives the keyboard to the form; closing gives it back to the button that opened it.
  useEffect(() => {
    if (open) document.getElementById(modeId)?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      toggle.current?.focus();
    }
  }, [open, modeId]);

  const close = () => {
    returnFocus.current = true;
    setOpen(false);
    setName('');
    tagContacts.reset();
  };

  if (!open) {
    return (
      <button ref={toggle} type="button" className="button button--small" onClick={() => setOpen(true)}>
        Tag these {these}
      </button>
    );
  }

  const tag = name.trim();
  const busy = tagContacts.isPending ? taggingBusyText(mode, tag, total) : null;
  const error = soleFieldError(
    toFieldErrors(tagContacts.error, (p) => (/^(add|remove)(\.\d+)?$/.test(p) ? 'name' : false)),
    'name',
  );
  const done = (r: ContactTagsResult) => {
    const of = r.changed === r.matched ? '' : ` of ${formatCount(r.matched)}`;
    const count = `${formatCount(r.changed)}${of} ${r.matched === 1 ? 'contact' : 'contacts'}`;
    toast.show({
      message:
        mode === 'add'
          ? `Added “${tag}” to ${count}${of ? ' (the others had it already)' : ''}.`
          : `Removed “${tag}” from ${count}${of ? ' (the others did not have it)' : ''}.`,
      ...(r.changed > 0 ? { action: { label: 'Undo', onClick: () => undo(mode, tag, r) } } : {}),
    });
    close();
  };
  // Exactly the contacts that changed go back: those that had the tag already keep it, and a tag made by the
  // bulk add goes to the trash.
  const undo = async (done: Mode, name: string, r: ContactTagsResult) => {
    try {
      for (let i = 0; i < r.changedIds.length; i += MAX_TAGGED_IDS) {
        const ids = r.changedIds.slice(i, i + MAX_TAGGED_IDS);
        await api.post<ContactTagsResult>(
          '/contacts/tags',
          done === 'add' ? { ids, remove: [name] } : { ids, add: [name] },
        );
      }
      for (const id of r.createdTagIds) await api.delete(`/tags/${encodeURIComponent(id)}`);
      toast.show({
        message:
          done === 'add'
            ? `Took “${name}” off ${plural(r.changed, 'contact')} again.`
            : `Gave “${name}” back to ${plural(r.changed, 'contact')}.`,
      });
    } catch (e) {
      toast.show({
        message: `Could not undo: ${e instanceof Error ? e.message : 'unknown error'}`,
        tone: 'error',
      });
    }
    await invalidate();
  };
  const submit = () => {
    if (!tag) return;
    tagContacts.mutate(
      { filter, ...(mode === 'add' ? { add: [tag] } : { remove: [tag] }) },
      { onSuccess: done },
    );
  };

  return (
    <form
      className="inline-form bulk-tag"
      aria-label={`Tag these ${these}`}
      noValidate
      onSubmit={(e: FormEvent) => e.preventDefault()}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          close();
        }
      }}
    >
      <div className="field">
        <label htmlFor={modeId}>For these {these}</label>
        <select
          id={modeId}
          value={mode}
          disabled={tagContacts.isPending}
          onChange={(e) => {
            setMode(e.target.value as Mode);
            setName('');
            tagContacts.reset();
          }}
        >
          <option value="add">Add a tag</option>
          <option value="remove">Remove a tag</option>
        </select>
      </div>
      <div className={error ? 'field field--invalid' : 'field'}>
        <label htmlFor={nameId}>{mode === 'add' ? 'Tag to add' : 'Tag to remove'}</label>
        {mode === 'add' ? (
          <>
            <input
              id={nameId}
              list={optionsId}
              disabled={tagContacts.isPending}
              autoComplete="off"
              value={name}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            <datalist id={optionsId}>
              {(tags.data ?? []).map((t) => (
                <option key={t.id} value={t.name} />
              ))}
            </datalist>
          </>
        ) : (
          <select
            id={nameId}
            value={name}
            disabled={tagContacts.isPending}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => setName(e.target.value)}
          >
            <option value="">Choose a tag…</option>
            {(tags.data ?? []).map((t) => (
              <option key={t.id} value={t.name}>
                {t.name}
              </option>
            ))}
          </select>
        )}
        {error ? (
          <p id={errorId} className="field__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="inline-form__actions">
        {busy ? (
          // Seconds for 30,000 contacts: say what is under way, and take no second click.
          <button type="button" className="button button--small button--primary" disabled aria-busy="true">
            {busy}
          </button>
        ) : (
          <ConfirmButton
            small
            label={mode === 'add' ? `Add to ${these}` : `Remove from ${these}`}
            question={mode === 'add' ? `Add “${tag}” to ${these}?` : `Remove “${tag}” from ${these}?`}
            confirmLabel={mode === 'add' ? 'Yes, add' : 'Yes, remove'}
            cancelLabel="No"
            pending={!tag}
            onConfirm={submit}
          />
        )}
        <button type="button" className="button button--small" onClick={close}>
          Cancel
        </button>
        {/* Always there, so that screen readers hear the busy words when they come. */}
        <span role="status" className="visually-hidden">
          {busy ?? ''}
        </span>
      </div>
    </form>
  );
}
