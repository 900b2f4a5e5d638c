import { useRef } from 'react';
import { type DateRow, emptyDateRow } from './contact-form-state';
import { DatePartsField } from './date-parts-field';

interface DateListEditorProps {
  rows: DateRow[];
  onChange: (rows: DateRow[]) => void;
  errorFor: (rowId: string, field: 'value' | 'label') => string | undefined;
  listError?: string | undefined;
}

/** Other dates worth remembering (anniversary, started at…): a label and a date each, year optional. */
export function DateListEditor({ rows, onChange, errorFor, listError }: DateListEditorProps) {
  const focusRow = useRef<string | null>(null);
  const update = (rowId: string, patch: Partial<DateRow>) =>
    onChange(rows.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)));
  return (
    <div className="date-rows">
      {listError ? <p className="field__error">{listError}</p> : null}
      {rows.map((row, i) => {
        const labelId = `date-${row.rowId}-label`;
        const labelError = errorFor(row.rowId, 'label');
        return (
          <div key={row.rowId} className="date-row">
            <div className={labelError ? 'field field--invalid date-row__label' : 'field date-row__label'}>
              <label htmlFor={labelId}>{`Label for date ${i + 1}`}</label>
              <input
                id={labelId}
                placeholder="Anniversary, started…"
                value={row.label}
                aria-invalid={labelError ? true : undefined}
                aria-describedby={labelError ? `${labelId}-error` : undefined}
                ref={(el) => {
                  if (el && focusRow.current === row.rowId) {
                    focusRow.current = null;
                    el.focus();
                  }
                }}
                onChange={(e) => update(row.rowId, { label: e.target.value })}
              />
              {labelError ? (
                <p id={`${labelId}-error`} className="field__error">
                  {labelError}
                </p>
              ) : null}
            </div>
            <DatePartsField
              legend={`Date ${i + 1}${row.label.trim() ? ` (${row.label.trim()})` : ''}`}
              hideLegend
              value={row}
              onChange={(parts) => update(row.rowId, parts)}
              error={errorFor(row.rowId, 'value')}
            />
            <button
              type="button"
              className="button button--small button--quiet row__remove"
              aria-label={`Remove date ${i + 1}${row.label ? ` (${row.label})` : ''}`}
              onClick={() => onChange(rows.filter((r) => r.rowId !== row.rowId))}
            >
              Remove
            </button>
          </div>
        );
      })}
      <div>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            const row = emptyDateRow();
            focusRow.current = row.rowId;
            onChange([...rows, row]);
          }}
        >
          Add date
        </button>
      </div>
    </div>
  );
}
