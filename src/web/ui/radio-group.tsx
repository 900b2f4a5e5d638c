import { useId } from 'react';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
}

/** Inline radio buttons in a fieldset, with the field's error announced and tied to the group. */
export function RadioGroup<T extends string>(props: {
  legend: string;
  options: readonly RadioOption<T>[];
  value: T;
  onChange: (value: T) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const { error } = props;
  return (
    <fieldset className="radios" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <div key={o.value} className="choice choice--inline">
          <input
            id={`${id}-${o.value}`}
            type="radio"
            name={id}
            value={o.value}
            checked={props.value === o.value}
            aria-invalid={error ? true : undefined}
            onChange={() => props.onChange(o.value)}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
