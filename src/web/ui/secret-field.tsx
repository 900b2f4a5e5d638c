import type { ReactNode } from 'react';
import { CopyButton } from './copy-button';

/**
 * A value shown once (a token, a one-time link, a feed address): read-only, selected on focus, with a copy button
 * and any other action beside it. `hideLabel` when the heading above already says what it is.
 */
export function SecretField({
  id,
  label,
  value,
  hideLabel = false,
  copyLabel,
  children,
}: {
  id: string;
  label: string;
  value: string;
  hideLabel?: boolean;
  copyLabel?: string;
  children?: ReactNode;
}) {
  return (
    <div className="secret__row">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input id={id} className="secret__value" readOnly value={value} onFocus={(e) => e.target.select()} />
      {children}
      <CopyButton text={value} label={copyLabel} fallbackTarget={id} />
    </div>
  );
}
