import { type FormEvent, useEffect, useId, useRef } from 'react';
import type { CsvImportInfo } from '../../api/types';
import { FormAlert } from '../../ui/form-alert';
import { COLUMN_TARGETS, type ColumnTarget, LABELLED_TARGETS, type MappingRow } from './column-mapping';

interface MappingStepProps {
  fileName: string;
  csv: CsvImportInfo;
  rows: MappingRow[];
  onChange: (rows: MappingRow[]) => void;
  /** Problems the server found with the mapping, by row index and part. */
  rowErrors: Map<number, { target?: string; label?: string }>;
  generalError: string | null;
  onSubmit: () => void;
  onCancel: () => void;
}

/** The first two non-empty values of column `i` in the sample rows. */
function samples(csv: CsvImportInfo, i: number): string[] {
  return csv.sampleRows
    .map((r) => (r[i] ?? '').trim())
    .filter(Boolean)
    .slice(0, 2);
}

/**
 * A CSV Rapport cannot read alone: one row per column with its header, two sample values, where it goes
 * (prefilled from the server's guess) and, for emails, phones and links, an optional label.
 */
export function MappingStep({
  fileName,
  csv,
  rows,
  onChange,
  rowErrors,
  generalError,
  onSubmit,
  onCancel,
}: MappingStepProps) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const set = (i: number, patch: Partial<MappingRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const nothingMapped = rows.every((r) => r.target === 'ignore' || r.target === 'extra');

  useEffect(() => {
    if (rowErrors.size > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [rowErrors]);

  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit();
  }

  return (
    <form
      ref={formRef}
      className="card mapping"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onCancel();
        }
      }}
      noValidate
      aria-labelledby={`${id}-heading`}
    >
      <h2 id={`${id}-heading`} tabIndex={-1} data-step-heading="">
        Match the columns of {fileName}
      </h2>
      <p>
        Rapport does not know this file’s layout. Say where each column goes; the first guess comes from the
        column names. Columns kept as custom fields stay on each contact under the column’s name.
      </p>
      <FormAlert message={generalError} />
      <div className="table-wrap">
        <table className="table table--stack mapping__table">
          <caption className="visually-hidden">Columns of {fileName}</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Sample values</th>
              <th scope="col">Goes to</th>
              <th scope="col">Label (optional)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const selectId = `${id}-target-${i}`;
              const labelId = `${id}-label-${i}`;
              const err = rowErrors.get(i);
              const name = row.header.trim() || `column ${i + 1}`;
              const values = samples(csv, i);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed by the file and never reorder
                <tr key={i}>
                  <th scope="row" data-label="Column">
                    {row.header.trim() || <span className="muted">(column {i + 1} has no name)</span>}
                  </th>
                  <td data-label="Sample values">
                    {values.length > 0 ? (
                      <ul className="mapping__samples">
                        {values.map((v, j) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: two fixed sample cells
                          <li key={j}>{v}</li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">(empty)</span>
                    )}
                  </td>
                  <td data-label="Goes to">
                    <label htmlFor={selectId} className="visually-hidden">
                      {`Field for column “${name}”`}
                    </label>
                    <select
                      id={selectId}
                      value={row.target}
                      disabled={!row.header.trim()}
                      aria-invalid={err?.target ? true : undefined}
                      aria-describedby={err?.target ? `${selectId}-error` : undefined}
                      onChange={(e) => set(i, { target: e.target.value as ColumnTarget })}
                    >
                      {COLUMN_TARGETS.map(([value, text]) => (
                        <option key={value} value={value}>
                          {text}
                        </option>
                      ))}
                    </select>
                    {err?.target ? (
                      <p id={`${selectId}-error`} className="field__error">
                        {err.target}
                      </p>
                    ) : null}
                  </td>
                  <td data-label="Label (optional)">
                    {LABELLED_TARGETS.has(row.target) ? (
                      <>
                        <label htmlFor={labelId} className="visually-hidden">
                          {`Label for column “${name}”`}
                        </label>
                        <input
                          id={labelId}
                          value={row.label}
                          placeholder={row.target === 'phone' ? 'Mobile, work…' : 'work, home…'}
                          maxLength={100}
                          aria-invalid={err?.label ? true : undefined}
                          aria-describedby={err?.label ? `${labelId}-error` : undefined}
                          onChange={(e) => set(i, { label: e.target.value })}
                        />
                        {err?.label ? (
                          <p id={`${labelId}-error`} className="field__error">
                            {err.label}
                          </p>
                        ) : null}
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {nothingMapped ? (
        <p className="alert alert--warning">
          No column goes to a name, email or other contact field yet: every row would end up without a name.
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          Preview with this mapping
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="form-actions__hint">Esc cancels</span>
      </div>
    </form>
  );
}
