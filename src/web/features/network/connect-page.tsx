import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { useAcceptInvite, useInvitePreview } from './use-network';
import './network.css';

const GONE =
  'This invitation link is no longer valid: links work once and expire. Ask the person who sent it for a new one.';

/** A one-time invitation link (`/connect/<secret>`) opened while signed in: who sent it, and accept. */
export function ConnectPage() {
  const { token = '' } = useParams();
  useDocumentTitle('Invitation to connect');
  const preview = useInvitePreview(token);
  const accept = useAcceptInvite();
  const navigate = useNavigate();
  const toast = useToast();

  const gone = isApiError(preview.error) && preview.error.status === 404;
  return (
    <>
      <PageHeader
        title={preview.data ? `${preview.data.from.name} invites you to connect` : 'Invitation to connect'}
      />
      {preview.isPending ? <Loading /> : null}
      {preview.isError ? (
        <div className="alert alert--error" role="alert">
          {gone ? GONE : preview.error.message}
        </div>
      ) : null}
      {preview.data ? (
        <section className="card stack connect-invite" aria-label="Invitation">
          {preview.data.message ? (
            <blockquote className="connection__message prewrap">{preview.data.message}</blockquote>
          ) : null}
          <p>
            Once connected, you and {preview.data.from.name} see each other’s profiles, can message each
            other, and can find the contacts each of you chooses to share — nothing else. Either of you can
            remove the connection at any time.
          </p>
          <p className="muted">This link works once, until {formatDate(preview.data.expiresAt)}.</p>
          {accept.isError ? (
            <div className="alert alert--error" role="alert">
              {isApiError(accept.error) && accept.error.status === 404 ? GONE : accept.error.message}
            </div>
          ) : null}
          <div className="form-actions form-actions--plain">
            <button
              type="button"
              className="button button--primary"
              disabled={accept.isPending}
              onClick={() =>
                accept.mutate(token, {
                  onSuccess: (c) => {
                    toast.show({ message: `You are connected with ${c.account.name}.` });
                    void navigate('/network/connections', { replace: true });
                  },
                })
              }
            >
              Accept and connect
            </button>
            <button type="button" className="button" onClick={() => void navigate('/network')}>
              Not now
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
