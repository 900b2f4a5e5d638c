import { type KeyboardEvent, useId, useState } from 'react';

interface PhraseListEditorProps {
  legend: string;
  hint: string;
  placeholder: string;
  /** Words for one phrase in button names, e.g. "offer". */
  noun: string;
  phrases: string[];
  onChange: (phrases: string[]) => void;
  /** Messages from the API, by the phrase's index (or -1 for the list). */
  errorAt: (index: number) => string | undefined;
}

/** Short phrases as chips with a remove button; type one and press Enter (or "Add") to add it. */
export function PhraseListEditor({
  legend,
  hint,
  placeholder,
  noun,
  phrases,
  onChange,
  errorAt,
}: PhraseListEditorProps) {
  const [draft, setDraft] = useState('');
  const id = useId();
  const listError = errorAt(-1);
  const phraseErrors = phrases
    .map((p, i) => (errorAt(i) ? `“${p}”: ${errorAt(i)}` : null))
    .filter(Boolean)
    .join(' ');
  const error = [listError, phraseErrors].filter(Boolean).join(' ') || undefined;

  function add() {
    const p = draft.trim();
    if (!p) return;
    if (!phrases.some((x) => x.toLowerCase() === p.toLowerCase())) onChange([...phrases, p]);
    setDraft('');
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  }

  return (
    <fieldset className={error ? 'rows field--invalid' : 'rows'}>
      <legend>{legend}</legend>
      {phrases.length > 0 ? (
        <ul className="chips" aria-label={legend}>
          {phrases.map((p) => (
            <li key={p} className="chip">
              {p}
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${noun} ${p}`}
                onClick={() => onChange(phrases.filter((x) => x !== p))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rows__empty">None yet.</p>
      )}
      <div className="field phrase-field">
        <label htmlFor={id}>Add {noun === 'offer' ? 'an offer' : 'a need'}</label>
        <div className="phrase-add">
          <input
            id={id}
            value={draft}
            placeholder={placeholder}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <button type="button" className="button" onClick={add} disabled={!draft.trim()}>
            Add<span className="visually-hidden"> {noun}</span>
          </button>
        </div>
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
        {error ? (
          <p id={`${id}-error`} className="field__error">
            {error}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
