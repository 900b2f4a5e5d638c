import { useRef } from 'react';
import { type CustomFieldRow, emptyCustomField } from './contact-form-state';

interface CustomFieldsEditorProps {
  rows: CustomFieldRow[];
  onChange: (rows: CustomFieldRow[]) => void;
  errorFor: (rowId: string) => string | undefined;
  listError?: string | undefined;
}

/** Free key/value rows ("Alma mater" → "Leeds"), each removable. */
export function CustomFieldsEditor({ rows, onChange, errorFor, listError }: CustomFieldsEditorProps) {
  const focusRow = useRef<string | null>(null);
  const update = (rowId: string, patch: Partial<CustomFieldRow>) =>
    onChange(rows.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)));
  return (
    <fieldset className="rows">
      <legend>Custom fields</legend>
      {listError ? <p className="field__error">{listError}</p> : null}
      {rows.length === 0 ? <p className="rows__empty">No custom fields yet.</p> : null}
      {rows.map((row, i) => {
        const error = errorFor(row.rowId);
        const keyId = `custom-${row.rowId}-key`;
        const valueId = `custom-${row.rowId}-value`;
        return (
          <div key={row.rowId} className="row">
            <div className={error ? 'field field--invalid row__key' : 'field row__key'}>
              <label htmlFor={keyId} className="visually-hidden">
                {`Custom field ${i + 1} name`}
              </label>
              <input
                id={keyId}
                placeholder="Field name"
                value={row.key}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${keyId}-error` : undefined}
                ref={(el) => {
                  if (el && focusRow.current === row.rowId) {
                    focusRow.current = null;
                    el.focus();
                  }
                }}
                onChange={(e) => update(row.rowId, { key: e.target.value })}
              />
              {error ? (
                <p id={`${keyId}-error`} className="field__error">
                  {error}
                </p>
              ) : null}
            </div>
            <div className="field row__value">
              <label htmlFor={valueId} className="visually-hidden">
                {`Custom field ${i + 1} value`}
              </label>
              <input
                id={valueId}
                placeholder="Value"
                value={row.value}
                onChange={(e) => update(row.rowId, { value: e.target.value })}
              />
            </div>
            <button
              type="button"
              className="button button--small button--quiet row__remove"
              aria-label={`Remove custom field ${i + 1}${row.key ? ` (${row.key})` : ''}`}
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
          const row = emptyCustomField();
          focusRow.current = row.rowId;
          onChange([...rows, row]);
        }}
      >
        Add custom field
      </button>
    </fieldset>
  );
}
