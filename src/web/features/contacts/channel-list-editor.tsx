import { useRef } from 'react';
import { type ChannelKind, type ChannelRow, emptyChannel } from './contact-form-state';

const WORDS: Record<
  ChannelKind,
  { legend: string; one: string; type: string; autoComplete: string; placeholder: string }
> = {
  emails: {
    legend: 'Emails',
    one: 'email',
    type: 'email',
    autoComplete: 'off',
    placeholder: 'name@example.com',
  },
  phones: {
    legend: 'Phones',
    one: 'phone',
    type: 'tel',
    autoComplete: 'off',
    placeholder: '+44 20 7946 0000',
  },
  urls: {
    legend: 'Web links',
    one: 'link',
    type: 'url',
    autoComplete: 'off',
    placeholder: 'linkedin.com/in/…',
  },
};

interface ChannelListEditorProps {
  kind: ChannelKind;
  rows: ChannelRow[];
  onChange: (rows: ChannelRow[]) => void;
  errorFor: (rowId: string, field: 'value' | 'label') => string | undefined;
  listError?: string | undefined;
}

/** Rows of value + label (emails, phones or links), each removable, plus "Add". */
export function ChannelListEditor({ kind, rows, onChange, errorFor, listError }: ChannelListEditorProps) {
  const words = WORDS[kind];
  const focusRow = useRef<string | null>(null);
  const update = (rowId: string, patch: Partial<ChannelRow>) =>
    onChange(rows.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)));
  return (
    <fieldset className="rows">
      <legend>{words.legend}</legend>
      {listError ? <p className="field__error">{listError}</p> : null}
      {rows.length === 0 ? <p className="rows__empty">No {words.legend.toLowerCase()} yet.</p> : null}
      {rows.map((row, i) => {
        const valueError = errorFor(row.rowId, 'value');
        const labelError = errorFor(row.rowId, 'label');
        const valueId = `${kind}-${row.rowId}-value`;
        const labelId = `${kind}-${row.rowId}-label`;
        return (
          <div key={row.rowId} className="row">
            <div className={valueError ? 'field field--invalid row__value' : 'field row__value'}>
              <label htmlFor={valueId} className="visually-hidden">
                {`${words.one[0]?.toUpperCase()}${words.one.slice(1)} ${i + 1}`}
              </label>
              <input
                id={valueId}
                name={`${kind}.${i}.value`}
                type={words.type}
                autoComplete={words.autoComplete}
                placeholder={words.placeholder}
                value={row.value}
                aria-invalid={valueError ? true : undefined}
                aria-describedby={valueError ? `${valueId}-error` : undefined}
                ref={(el) => {
                  if (el && focusRow.current === row.rowId) {
                    focusRow.current = null;
                    el.focus();
                  }
                }}
                onChange={(e) => update(row.rowId, { value: e.target.value })}
              />
              {valueError ? (
                <p id={`${valueId}-error`} className="field__error">
                  {valueError}
                </p>
              ) : null}
            </div>
            <div className={labelError ? 'field field--invalid row__label' : 'field row__label'}>
              <label htmlFor={labelId} className="visually-hidden">
                {`Label for ${words.one} ${i + 1}`}
              </label>
              <input
                id={labelId}
                name={`${kind}.${i}.label`}
                placeholder="Label (work, home…)"
                value={row.label}
                aria-invalid={labelError ? true : undefined}
                aria-describedby={labelError ? `${labelId}-error` : undefined}
                onChange={(e) => update(row.rowId, { label: e.target.value })}
              />
              {labelError ? (
                <p id={`${labelId}-error`} className="field__error">
                  {labelError}
                </p>
              ) : null}
            </div>
            <button
              type="button"
              className="button button--small button--quiet row__remove"
              aria-label={`Remove ${words.one} ${i + 1}${row.value ? ` (${row.value})` : ''}`}
              onClick={() => onChange(rows.filter((r) => r.rowId !== row.rowId))}
            >
              Remove
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          const row = emptyChannel();
          focusRow.current = row.rowId;
          onChange([...rows, row]);
        }}
      >
        Add {words.one}
      </button>
    </fieldset>
  );
}
