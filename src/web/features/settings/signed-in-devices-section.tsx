import type { BrowserSession } from '../../api/types';
import { formatDateTime, plural } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { QueryError } from '../../ui/query-error';
import { useBrowserSessions } from './use-browser-sessions';
import { useSignOutDevice } from './use-sign-out-device';
import { useSignOutOtherDevices } from './use-sign-out-other-devices';

const deviceName = (s: BrowserSession) => s.device ?? 'Unknown browser';

/**
 * The browsers signed in to this account: sign one out, or every one but this. Phones and scripts use API tokens,
 * which are not sessions: they are revoked under API tokens.
 */
export function SignedInDevicesSection() {
  const sessions = useBrowserSessions();
  const signOut = useSignOutDevice();
  const signOutOthers = useSignOutOtherDevices();
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;

  return (
    <section aria-labelledby="devices-heading" className="card">
      <h2 id="devices-heading">Signed-in devices</h2>
      <p className="muted">
        The browsers signed in to your account. Sign out one you no longer use or do not recognise (and then
        change your password). Phones syncing contacts use API tokens instead, listed below.
      </p>
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : null}
      {sessions.data ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Browsers signed in to your account</caption>
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last active</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {deviceName(s)}
                    {s.current ? (
                      <>
                        {' '}
                        <span className="badge badge--strong">This device</span>
                      </>
                    ) : null}
                  </th>
                  <td>{formatDateTime(s.createdAt)}</td>
                  <td>{formatDateTime(s.lastSeenAt)}</td>
                  <td>
                    {s.current ? null : (
                      <button
                        type="button"
                        className="button button--small button--danger"
                        disabled={signOut.isPending && signOut.variables === s.id}
                        onClick={() => signOut.mutate(s.id)}
                      >
                        Sign out
                        <span className="visually-hidden">
                          {' '}
                          {deviceName(s)}, signed in {formatDateTime(s.createdAt)}
                        </span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="inline-form__actions">
        <button
          type="button"
          className="button"
          disabled={others === 0 || signOutOthers.isPending}
          onClick={() => signOutOthers.mutate()}
        >
          Sign out all other devices
        </button>
      </div>
      {signOutOthers.data ? (
        <p className="alert alert--success" role="status">
          Signed out {plural(signOutOthers.data.ended, 'other device')}.
        </p>
      ) : null}
      {(signOut.error ?? signOutOthers.error) ? (
        <p className="field__error" role="alert">
          Could not sign out: {(signOut.error ?? signOutOthers.error)?.message}
        </p>
      ) : null}
    </section>
  );
}
