/**
 * The form-level error (or nothing), announced as soon as it appears. Give it what no field of the form shows
 * (`FieldErrors.general`) unconditionally: a field error elsewhere must not hide it.
 */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert">
      {message}
    </div>
  );
}
