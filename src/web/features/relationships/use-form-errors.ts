import { type RefObject, useEffect, useMemo } from 'react';
import { type FieldErrors, toFieldErrors } from '../../ui/field-errors';

/**
 * Where a form that shows `fields` puts an API issue: on its field (a nested path like `contactIds.0` goes on
 * `contactIds`), or nowhere (`false`), which leaves it for the FormAlert.
 */
export function fieldOf(fields: readonly string[]): (path: string) => string | false {
  return (path) => {
    const field = path.split('.')[0] ?? path;
    return fields.includes(field) ? field : false;
  };
}

/**
 * The API's field issues for a form that shows `fields`, and the keyboard moved to the first field that needs
 * fixing whenever a new error arrives. `general` (what no field shows) belongs in the form's FormAlert, always.
 */
export function useFormErrors(
  error: unknown,
  fields: readonly string[],
  formRef: RefObject<HTMLFormElement | null>,
): FieldErrors & { get: (field: string) => string | undefined } {
  const errors = useMemo(() => toFieldErrors(error, fieldOf(fields)), [error, fields]);

  useEffect(() => {
    if (!error) return;
    const form = formRef.current;
    if (errors.byPath.size > 0) {
      form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    // Only a form-level error: the submit button, disabled while the server answered, dropped the keyboard to
    // the top of the document. Put it back on the button; the FormAlert announces the error.
    const active = document.activeElement;
    if (form && (!active || active === document.body)) {
      form.querySelector<HTMLElement>('[type="submit"]')?.focus();
    }
  }, [error, errors, formRef]);

  return { ...errors, get: (field: string) => errors.byPath.get(field) };
}
