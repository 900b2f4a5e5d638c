import { useId } from 'react';
import { usePurposes } from './use-purposes';

/** "For one of your purposes": a choice among the active purposes, or none (asks and introduction requests). */
export function PurposeField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (purposeId: string) => void;
  error?: string;
}) {
  const purposes = usePurposes('active');
  const id = useId();
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>For one of your purposes (only you see this)</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">None</option>
        {(purposes.data ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {error ? <p className="field__error">{error}</p> : null}
    </div>
  );
}
