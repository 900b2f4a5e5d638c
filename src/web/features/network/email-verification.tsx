import { formatDate } from '../../ui/format';
import { useAccountSettings } from '../profile/use-profile';
import { NO_MAIL, withoutOperatorWords } from './mail-words';
import { useNetworkMe, useRequestEmailVerification } from './use-network';

export const NO_MAIL_TO_VERIFY = `${NO_MAIL}, so it can’t send you a link. The person who runs this server can verify your address for you.`;

/**
 * Whether my sign-in address is verified, and a button to mail the link when it is not: a verified address lets
 * people who have it in their contacts see that I am on Rapport.
 */
export function EmailVerification() {
  const me = useNetworkMe();
  const send = useRequestEmailVerification();
  const noMail = useAccountSettings().data?.mailConfigured === false;
  if (!me.data || me.data.emailVerified) return null;
  return (
    <div className="alert alert--info email-verification">
      <p>
        Your address <strong>{me.data.email}</strong> is not verified yet. Verify it so that people who have
        it in their contacts can see you are on Rapport and invite you.
      </p>
      {noMail ? (
        <p>{NO_MAIL_TO_VERIFY}</p>
      ) : send.data ? (
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
          {withoutOperatorWords(send.error.message, NO_MAIL_TO_VERIFY)}
        </p>
      ) : null}
    </div>
  );
}
