import type { KeyboardEvent } from 'react';
import { useTags } from '../tags/use-tags';

interface TagsEditorProps {
  tags: string[];
  draft: string;
  onChange: (tags: string[], draft: string) => void;
  error?: string | undefined;
}

/** Tag chips with remove buttons; type a tag and press Enter or comma to add it (existing tags are suggested). */
export function TagsEditor({ tags, draft, onChange, error }: TagsEditorProps) {
  const existing = useTags();
  const suggestions = (existing.data ?? []).filter(
    (t) => !tags.some((x) => x.toLowerCase() === t.name.toLowerCase()),
  );

  function add(raw: string) {
    const parts = raw
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const next = [...tags];
    for (const p of parts) if (!next.some((t) => t.toLowerCase() === p.toLowerCase())) next.push(p);
    onChange(next, '');
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if ((e.key === 'Enter' || e.key === ',') && draft.trim()) {
      e.preventDefault();
      add(draft);
    } else if (e.key === 'Backspace' && !draft && tags.length > 0) {
      onChange(tags.slice(0, -1), '');
    }
  }

  return (
    <fieldset className={error ? 'rows field--invalid' : 'rows'}>
      <legend>Tags</legend>
      {tags.length > 0 ? (
        <ul className="chips" aria-label="Tags on this contact">
          {tags.map((t) => (
            <li key={t} className="chip chip--removable">
              {t}
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove tag ${t}`}
                onClick={() =>
                  onChange(
                    tags.filter((x) => x !== t),
                    draft,
                  )
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field">
        <label htmlFor="contact-tag-input">Add a tag</label>
        <input
          id="contact-tag-input"
          list="contact-tag-suggestions"
          value={draft}
          placeholder="e.g. former student"
          aria-describedby={error ? 'contact-tag-hint contact-tag-error' : 'contact-tag-hint'}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            const value = e.target.value;
            if (value.endsWith(',')) add(value);
            else onChange(tags, value);
          }}
          onKeyDown={onKeyDown}
        />
        <datalist id="contact-tag-suggestions">
          {suggestions.map((t) => (
            <option key={t.id} value={t.name} />
          ))}
        </datalist>
        <p id="contact-tag-hint" className="field__hint">
          Press Enter or type a comma to add.
        </p>
        {error ? (
          <p id="contact-tag-error" className="field__error">
            {error}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
