import { formatDate } from '../../ui/format';
import { useNetworkMe, useRequestEmailVerification } from './use-network';

/**
 * Whether my sign-in address is verified, and a button to mail the link when it is not: a verified address lets
 * people who have it in their contacts see that I am on Rapport.
 */
export function EmailVerification() {
  const me = useNetworkMe();
  const send = useRequestEmailVerification();
  if (!me.data || me.data.emailVerified) return null;
  return (
    <div className="alert alert--info email-verification">
      <p>
        Your address <strong>{me.data.email}</strong> is not verified yet. Verify it so that people who have
        it in their contacts can see you are on Rapport and invite you.
      </p>
      {send.data ? (
        <p role="status">
          We sent a link to {send.data.sentTo}. It works until {formatDate(send.data.expiresAt)}.
        </p>
      ) : (
        <button
          type="button"
          className="button button--small"
          disabled={send.isPending}
          onClick={() => send.mutate()}
        >
          Send verification email
        </button>
      )}
      {send.isError ? (
        <p className="field__error" role="alert">
          {send.error.message}
        </p>
      ) : null}
    </div>
  );
}
