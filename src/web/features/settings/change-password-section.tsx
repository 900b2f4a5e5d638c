import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/client';
import { toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { TextField } from '../../ui/text-field';
import { passwordChangedMessage } from './password-changed-message';
import { useApiTokens } from './use-api-tokens';
import { useChangePassword } from './use-change-password';

const FIELDS = new Set(['currentPassword', 'newPassword']);

/** Current + new password (typed twice). Other signed-in browsers are signed out by the server; API tokens are not. */
export function ChangePasswordSection({ email }: { email: string }) {
  const change = useChangePassword();
  const tokens = useApiTokens();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const errors = toFieldErrors(change.error, (p) => FIELDS.has(p));
  const wrongCurrent =
    isApiError(change.error) &&
    (change.error.status === 401 || change.error.status === 403) &&
    errors.byPath.size === 0;

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (newPassword !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
          setConfirm('');
          setDone(true);
        },
      },
    );
  }

  return (
    <section aria-labelledby="password-heading" className="card">
      <h2 id="password-heading">Change password</h2>
      <form className="stack narrow" onSubmit={submit} noValidate>
        <FormAlert message={wrongCurrent ? null : errors.general} />
        {done ? (
          <p className="alert alert--success" role="status">
            {passwordChangedMessage(tokens.data?.length)}
          </p>
        ) : null}
        {/* Lets password managers pair the new password with the account. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          error={wrongCurrent ? 'That is not your current password.' : errors.byPath.get('currentPassword')}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters."
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          error={errors.byPath.get('newPassword')}
        />
        <TextField
          label="New password again"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={mismatch ? 'The two new passwords differ.' : undefined}
        />
        <div>
          <button type="submit" className="button button--primary" disabled={change.isPending}>
            Change password
          </button>
        </div>
      </form>
    </section>
  );
}
