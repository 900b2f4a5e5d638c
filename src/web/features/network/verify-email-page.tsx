import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { PageHeader } from '../../ui/page-header';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useConfirmEmail, useNetworkMe } from './use-network';

/** The mailed verification link (`/verify-email/<secret>`), opened while signed in: one click confirms it. */
export function VerifyEmailPage() {
  const { token = '' } = useParams();
  useDocumentTitle('Verify your email');
  const me = useNetworkMe();
  const confirm = useConfirmEmail();
  return (
    <>
      <PageHeader title="Verify your email address" />
      <section className="card stack" aria-label="Email verification">
        {confirm.isSuccess ? (
          <p role="status">
            Thank you: {me.data?.email ?? 'your address'} is verified. People who have it in their contacts
            can now see that you are on Rapport. <Link to="/network">Go to your network</Link>.
          </p>
        ) : (
          <>
            <p>Confirm that {me.data?.email ?? 'this address'} is yours.</p>
            {confirm.isError ? (
              <div className="alert alert--error" role="alert">
                {isApiError(confirm.error) && confirm.error.status === 404
                  ? 'This link is no longer valid (links work once, expire, and only for the account they were sent to). Send a new one from your network page.'
                  : confirm.error.message}
              </div>
            ) : null}
            <div>
              <button
                type="button"
                className="button button--primary"
                disabled={confirm.isPending}
                onClick={() => confirm.mutate(token)}
              >
                Confirm my address
              </button>
            </div>
          </>
        )}
      </section>
    </>
  );
}
