import type { CreatedApiToken } from '../../api/types';
import { SecretField } from '../../ui/secret-field';

/** The freshly created secret, shown this one time, with a copy button. */
export function NewTokenSecret({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  return (
    <section className="secret" aria-labelledby="new-token-heading">
      <h3 id="new-token-heading">Token “{token.name}” created</h3>
      <p>
        Copy it now: <strong>this is the only time it is shown.</strong> Use it as{' '}
        <code>Authorization: Bearer …</code>.
      </p>
      <SecretField id="new-token-value" label="New API token" hideLabel value={token.token} />
      <button type="button" className="button button--small button--quiet" onClick={onDone}>
        I have copied it
      </button>
    </section>
  );
}
