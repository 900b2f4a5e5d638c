import { type FormEvent, useState } from 'react';
import type { CreatedApiToken } from '../../api/types';
import { toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { formatDate, formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { QueryError } from '../../ui/query-error';
import { TextField } from '../../ui/text-field';
import { apiTokenRequest, scopeLabel } from './api-token-form';
import { NewTokenSecret } from './new-token-secret';
import { useApiTokens } from './use-api-tokens';
import { useCreateApiToken } from './use-create-api-token';
import { useRevokeApiToken } from './use-revoke-api-token';

const EXPIRY_OPTIONS = [
  { value: '', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
];

/**
 * Bearer tokens for scripts and a phone's address book (the CLI works on the data directory, not with tokens):
 * create (secret shown once), list, revoke.
 */
export function ApiTokensSection() {
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const errors = toFieldErrors(create.error, (p) => p === 'name' || p === 'expiresInDays');

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(apiTokenRequest(name, expires, readOnly), {
      onSuccess: (token) => {
        setCreated(token);
        setName('');
        setReadOnly(false);
      },
    });
  }

  return (
    <section aria-labelledby="tokens-heading" className="card">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="muted">
        For scripts using the API and for your phone’s address book (CardDAV, as its password). A token acts
        as you, and changing your password does not stop it: keep it secret, and revoke one you no longer
        trust. A read-only token can read everything but change nothing: enough for a dashboard or a backup
        script.
      </p>
      {created ? <NewTokenSecret token={created} onDone={() => setCreated(null)} /> : null}
      <form className="inline-form" onSubmit={submit} noValidate>
        <FormAlert message={errors.general} />
        <TextField
          label="Token name"
          placeholder="e.g. phone contacts"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.byPath.get('name')}
        />
        <div className="field">
          <label htmlFor="token-expiry">Expires</label>
          <select id="token-expiry" value={expires} onChange={(e) => setExpires(e.target.value)}>
            {EXPIRY_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {errors.byPath.get('expiresInDays') ? (
            <p className="field__error">{errors.byPath.get('expiresInDays')}</p>
          ) : null}
        </div>
        <div className="choice">
          <input
            id="token-read-only"
            type="checkbox"
            checked={readOnly}
            onChange={(e) => setReadOnly(e.target.checked)}
          />
          <label htmlFor="token-read-only">Read-only</label>
        </div>
        <div className="inline-form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            Create token
          </button>
        </div>
      </form>
      {tokens.isPending ? <Loading /> : null}
      {tokens.isError ? <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} /> : null}
      {tokens.data && tokens.data.length === 0 ? <p className="muted">No tokens yet.</p> : null}
      {tokens.data && tokens.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Access</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{scopeLabel(t.scope)}</td>
                  <td>{formatDate(t.createdAt)}</td>
                  <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</td>
                  <td>{t.expiresAt ? formatDate(t.expiresAt) : 'Never'}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      disabled={revoke.isPending && revoke.variables === t.id}
                      onClick={() => revoke.mutate(t.id)}
                    >
                      Revoke<span className="visually-hidden"> {t.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {revoke.error ? (
        <p className="field__error" role="alert">
          Could not revoke: {revoke.error.message}
        </p>
      ) : null}
    </section>
  );
}
