import type { CreatedApiToken } from '../../api/types';
import { CopyButton } from '../../ui/copy-button';

/** The freshly created secret, shown this one time, with a copy button. */
export function NewTokenSecret({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  return (
    <section className="secret" aria-labelledby="new-token-heading">
      <h3 id="new-token-heading">Token “{token.name}” created</h3>
      <p>
        Copy it now: <strong>this is the only time it is shown.</strong> Use it as{' '}
        <code>Authorization: Bearer …</code>.
      </p>
      <div className="secret__row">
        <label htmlFor="new-token-value" className="visually-hidden">
          New API token
        </label>
        <input
          id="new-token-value"
          className="secret__value"
          readOnly
          value={token.token}
          onFocus={(e) => e.target.select()}
        />
        <CopyButton text={token.token} fallbackTarget="new-token-value" />
      </div>
      <button type="button" className="button button--small button--quiet" onClick={onDone}>
        I have copied it
      </button>
    </section>
  );
}
