import { type RefObject, useEffect, useMemo } from 'react';
import { type FieldErrors, toFieldErrors } from '../../ui/field-errors';

/**
 * The API's field issues for a form that shows `fields` (a nested path like `contactIds.0` counts as its field),
 * and the keyboard moved to the first field that needs fixing whenever a new error arrives.
 */
export function useFormErrors(
  error: unknown,
  fields: readonly string[],
  formRef: RefObject<HTMLFormElement | null>,
): FieldErrors & { get: (field: string) => string | undefined } {
  const errors = useMemo(() => {
    const base = toFieldErrors(error, (p) => fields.includes(p.split('.')[0] ?? p));
    // Fold `contactIds.0` into `contactIds` so the message sits next to the field.
    const byField = new Map<string, string>();
    for (const [path, message] of base.byPath) {
      const field = path.split('.')[0] ?? path;
      if (!byField.has(field)) byField.set(field, message);
    }
    return { byPath: byField, general: base.general };
  }, [error, fields]);

  useEffect(() => {
    if (!error || errors.byPath.size === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error, errors, formRef]);

  return { ...errors, get: (field: string) => errors.byPath.get(field) };
}
