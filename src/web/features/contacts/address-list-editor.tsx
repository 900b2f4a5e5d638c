import { useRef } from 'react';
import { type AddressPart, type AddressRow, emptyAddress } from './contact-form-state';

const PARTS: { part: AddressPart | 'label'; label: string; wide?: boolean; autoComplete: string }[] = [
  { part: 'label', label: 'Label (home, work…)', autoComplete: 'off' },
  { part: 'street', label: 'Street', wide: true, autoComplete: 'off' },
  { part: 'extended', label: 'Flat, suite, building', autoComplete: 'off' },
  { part: 'poBox', label: 'PO box', autoComplete: 'off' },
  { part: 'locality', label: 'Town or city', autoComplete: 'off' },
  { part: 'region', label: 'Region or state', autoComplete: 'off' },
  { part: 'postalCode', label: 'Postcode', autoComplete: 'off' },
  { part: 'country', label: 'Country', autoComplete: 'off' },
];

interface AddressListEditorProps {
  rows: AddressRow[];
  onChange: (rows: AddressRow[]) => void;
  errorFor: (rowId: string, part: AddressPart | 'label') => string | undefined;
  listError?: string | undefined;
}

/** Postal addresses, each a small group of parts (all optional) plus the address as printed, if it came with one. */
export function AddressListEditor({ rows, onChange, errorFor, listError }: AddressListEditorProps) {
  const focusRow = useRef<string | null>(null);
  const update = (rowId: string, patch: Partial<AddressRow>) =>
    onChange(rows.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)));
  return (
    <fieldset className="rows">
      <legend>Addresses</legend>
      {listError ? <p className="field__error">{listError}</p> : null}
      {rows.length === 0 ? <p className="rows__empty">No addresses yet.</p> : null}
      <div className="address-rows">
        {rows.map((row, i) => (
          <fieldset key={row.rowId} className="address-row">
            <legend>{`Address ${i + 1}`}</legend>
            <div className="grid">
              {PARTS.map(({ part, label, wide, autoComplete }) => {
                const inputId = `address-${row.rowId}-${part}`;
                const error = errorFor(row.rowId, part);
                return (
                  <div
                    key={part}
                    className={['field', error ? 'field--invalid' : '', wide ? 'grid__wide' : '']
                      .filter(Boolean)
                      .join(' ')}
                  >
                    <label htmlFor={inputId}>{label}</label>
                    <input
                      id={inputId}
                      autoComplete={autoComplete}
                      value={row[part]}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${inputId}-error` : undefined}
                      ref={(el) => {
                        if (el && part === 'label' && focusRow.current === row.rowId) {
                          focusRow.current = null;
                          el.focus();
                        }
                      }}
                      onChange={(e) => update(row.rowId, { [part]: e.target.value })}
                    />
                    {error ? (
                      <p id={`${inputId}-error`} className="field__error">
                        {error}
                      </p>
                    ) : null}
                  </div>
                );
              })}
              <div
                className={
                  errorFor(row.rowId, 'formatted') ? 'field field--invalid grid__wide' : 'field grid__wide'
                }
              >
                <label htmlFor={`address-${row.rowId}-formatted`}>Whole address as printed (optional)</label>
                <textarea
                  id={`address-${row.rowId}-formatted`}
                  rows={2}
                  value={row.formatted}
                  aria-invalid={errorFor(row.rowId, 'formatted') ? true : undefined}
                  aria-describedby={`address-${row.rowId}-formatted-hint`}
                  onChange={(e) => update(row.rowId, { formatted: e.target.value })}
                />
                <p id={`address-${row.rowId}-formatted-hint`} className="field__hint">
                  Only when the parts above don’t say it right, e.g. an address from an old address book.
                </p>
                {errorFor(row.rowId, 'formatted') ? (
                  <p className="field__error">{errorFor(row.rowId, 'formatted')}</p>
                ) : null}
              </div>
            </div>
            <button
              type="button"
              className="button button--small button--quiet"
              aria-label={`Remove address ${i + 1}${row.label ? ` (${row.label})` : ''}`}
              onClick={() => onChange(rows.filter((r) => r.rowId !== row.rowId))}
            >
              Remove address
            </button>
          </fieldset>
        ))}
      </div>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          const row = emptyAddress();
          focusRow.current = row.rowId;
          onChange([...rows, row]);
        }}
      >
        Add address
      </button>
    </fieldset>
  );
}
