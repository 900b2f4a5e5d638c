import { useId } from 'react';
import type { DateParts } from './contact-form-state';

const MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, i, 1)),
  ),
);

interface DatePartsFieldProps {
  legend: string;
  /** Hide the legend visually (it still names the group), e.g. inside a row that says what the date is. */
  hideLegend?: boolean;
  value: DateParts;
  onChange: (value: DateParts) => void;
  error?: string | undefined;
  hint?: string;
  /** Id for the day input, so a parent can focus it. */
  dayId?: string;
}

/**
 * A date as day, month and year (year optional), so a birthday without a year is as easy as one with it.
 * A group named by its legend; the error is announced with each part.
 */
export function DatePartsField({
  legend,
  hideLegend,
  value,
  onChange,
  error,
  hint,
  dayId,
}: DatePartsFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const set = (patch: Partial<DateParts>) => onChange({ ...value, ...patch });
  const invalid = error ? true : undefined;
  return (
    <fieldset className={error ? 'date-parts field--invalid' : 'date-parts'}>
      <legend className={hideLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      <div className="field">
        <label htmlFor={dayId ?? `${id}-day`}>Day</label>
        <input
          id={dayId ?? `${id}-day`}
          className="date-parts__day"
          inputMode="numeric"
          autoComplete="off"
          maxLength={2}
          value={value.day}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => set({ day: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-month`}>Month</label>
        <select
          id={`${id}-month`}
          className="date-parts__month"
          value={value.month}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => set({ month: e.target.value })}
        >
          <option value="">—</option>
          {MONTHS.map((name, i) => (
            <option key={name} value={String(i + 1)}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-year`}>Year</label>
        <input
          id={`${id}-year`}
          className="date-parts__year"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          placeholder="optional"
          value={value.year}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => set({ year: e.target.value })}
        />
      </div>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
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
