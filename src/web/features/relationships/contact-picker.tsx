import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { api, withQuery } from '../../api/client';
import type { ContactPage, PersonRef } from '../../api/types';
import { useDebouncedValue } from '../../ui/use-debounced-value';

interface ContactPickerProps {
  label: string;
  selected: PersonRef[];
  onChange: (people: PersonRef[]) => void;
  /** Several people (an interaction) or exactly one (a favour, a promise). */
  multiple?: boolean;
  error?: string | undefined;
  /** Where a heading above already names the group ("Add people"): the legend is for screen readers only. */
  hideLegend?: boolean;
}

/**
 * Choose people by typing part of a name: the matches appear as buttons under the field (↓ reaches them, Enter or a
 * tap picks one), the chosen ones as chips with a remove button.
 */
export function ContactPicker({
  label,
  selected,
  onChange,
  multiple = false,
  error,
  hideLegend = false,
}: ContactPickerProps) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 120);
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const chipsRef = useRef<HTMLUListElement>(null);
  const results = useQuery({
    queryKey: ['contacts', 'picker', q],
    queryFn: ({ signal }) => api.get<ContactPage>(withQuery('/contacts', { q, limit: 8 }), { signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const matches = (q ? (results.data?.items ?? []) : []).filter((c) => !selected.some((s) => s.id === c.id));
  const showInput = multiple || selected.length === 0;

  function pick(person: PersonRef) {
    onChange(multiple ? [...selected, person] : [person]);
    setText('');
    // With one person the search gives way to the chosen chip: the keyboard goes to its remove button (where the
    // search was, and the way to change the choice) instead of falling to the page.
    requestAnimationFrame(() => {
      const chip = multiple ? null : chipsRef.current?.querySelector<HTMLButtonElement>('button');
      (chip ?? inputRef.current)?.focus();
    });
  }

  function remove(person: PersonRef) {
    onChange(selected.filter((s) => s.id !== person.id));
    requestAnimationFrame(() => inputRef.current?.focus());
  }

  function onInputKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' && matches.length > 0) {
      e.preventDefault();
      listRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    } else if (e.key === 'Enter') {
      // Enter in the search picks the best match instead of submitting the form half-filled.
      e.preventDefault();
      const first = matches[0];
      if (first && text.trim()) pick({ id: first.id, displayName: first.displayName });
    }
  }

  function onListKey(e: KeyboardEvent<HTMLUListElement>) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowUp' && at <= 0) inputRef.current?.focus();
    else buttons[Math.min(buttons.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1))]?.focus();
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset className={error ? 'picker field--invalid' : 'picker'}>
      <legend className={hideLegend ? 'visually-hidden' : undefined}>{label}</legend>
      {selected.length > 0 ? (
        <ul ref={chipsRef} className="chips" aria-label={`Chosen: ${label.toLowerCase()}`}>
          {selected.map((p) => (
            <li key={p.id} className="chip">
              {p.displayName}
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${p.displayName}`}
                onClick={() => remove(p)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {showInput ? (
        <div className="field">
          <label htmlFor={id}>{selected.length > 0 ? 'Add someone else' : 'Find a person'}</label>
          <input
            ref={inputRef}
            id={id}
            type="search"
            autoComplete="off"
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
            aria-controls={`${id}-results`}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onInputKey}
          />
          <p id={hintId} className="field__hint">
            Type part of a name, then pick from the list (↓ to reach it).
          </p>
        </div>
      ) : null}
      <ul id={`${id}-results`} ref={listRef} className="picker__results" onKeyDown={onListKey}>
        {matches.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="picker__option"
              onClick={() => pick({ id: c.id, displayName: c.displayName })}
            >
              <span className="visually-hidden">Choose </span>
              {c.displayName}
              {c.organisation ? <span className="muted"> · {c.organisation.name}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      {q && results.data && matches.length === 0 && !results.isPlaceholderData ? (
        <p className="muted picker__none" role="status">
          Nobody matches “{q}”.
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
