import type { KeyboardEvent } from 'react';

/**
 * A form's keydown handler: Escape cancels it, unless a field inside already used the key (a picker closing its
 * list) or the form has no cancel.
 */
export function cancelOnEscape(onCancel: (() => void) | undefined) {
  return (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape' && onCancel && !e.defaultPrevented) {
      e.preventDefault();
      onCancel();
    }
  };
}
