import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ConfirmButton } from '../../ui/confirm-button';
import { toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { TextField } from '../../ui/text-field';
import { useDeleteAccount } from './use-delete-account';

/**
 * Deleting the account, for good: says what goes and what others keep, points to a backup first, and asks for the
 * password and then once more before anything happens.
 */
export function DeleteAccountSection({ email }: { email: string }) {
  const remove = useDeleteAccount();
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = toFieldErrors(remove.error, (p) => p === 'password');
  const passwordError = missing
    ? 'Enter your password to delete your account.'
    : errors.byPath.get('password')?.includes('wrong')
      ? 'That is not your password.'
      : errors.byPath.get('password');

  function confirmDeletion() {
    if (password === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    remove.mutate({ password });
  }

  return (
    <section aria-labelledby="delete-account-heading" className="card">
      <h2 id="delete-account-heading">Delete your account</h2>
      <p>
        This deletes your account and everything you own on this server, for good: every contact, interaction,
        favour, promise, purpose, import and setting. Your connections end and your messages with them go.
        Other people keep their own records of you (their contact for you and what they noted about it).
      </p>
      <p>
        There is no undo. <Link to="/data">Download a full backup</Link> first if you may want your data
        later.
      </p>
      <form
        className="stack narrow"
        noValidate
        onSubmit={(e: FormEvent) => {
          // Enter in the password field must not delete anything: the button asks first.
          e.preventDefault();
        }}
      >
        <FormAlert message={errors.general} />
        {/* Lets password managers fill the right account's password. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          label="Your password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={passwordError}
        />
        <div>
          <ConfirmButton
            label="Delete my account"
            question="Delete your account and everything in it?"
            confirmLabel="Yes, delete everything"
            danger
            pending={remove.isPending}
            onConfirm={confirmDeletion}
          />
        </div>
      </form>
    </section>
  );
}
