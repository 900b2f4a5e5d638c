import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { PurposeForm } from './purpose-form';
import { PurposeProgress } from './purpose-progress';
import { emptyPurposesText } from './purpose-words';
import { useCreatePurpose, usePurposes } from './use-purposes';
import './purposes.css';

/** Purposes at a glance: one card per purpose with its progress, and a form for a new one. */
export function PurposesPage() {
  useDocumentTitle('Purposes');
  const [showArchived, setShowArchived] = useState(false);
  const purposes = usePurposes(showArchived ? 'archived' : 'active');
  // Only asked when nothing is active, to tell "none yet" from "all archived".
  const noneActive = !showArchived && purposes.data?.length === 0;
  const archived = usePurposes('archived', noneActive);
  const create = useCreatePurpose();
  // `?new=1` (the health page's "Create a purpose") opens the form straight away.
  const [params] = useSearchParams();
  const [creating, setCreating] = useState(() => params.get('new') === '1');
  const openButton = useRef<HTMLButtonElement>(null);
  const navigate = useNavigate();
  const toast = useToast();

  function close() {
    create.reset();
    setCreating(false);
    requestAnimationFrame(() => openButton.current?.focus());
  }

  return (
    <>
      <PageHeader
        title="Purposes"
        subtitle="Networking works with a purpose: who you need, where each person stands, what comes next."
        actions={
          creating ? null : (
            <button
              ref={openButton}
              type="button"
              className="button button--primary"
              onClick={() => setCreating(true)}
            >
              New purpose
            </button>
          )
        }
      />
      {creating ? (
        <section aria-labelledby="new-purpose" className="card purpose-new">
          <h2 id="new-purpose">New purpose</h2>
          <PurposeForm
            submitLabel="Create purpose"
            pending={create.isPending}
            error={create.error}
            onCancel={close}
            onSubmit={(input) =>
              create.mutate(input, {
                onSuccess: (p) => {
                  toast.show({ message: `Created ${p.name}.` });
                  void navigate(`/purposes/${p.id}`);
                },
              })
            }
          />
        </section>
      ) : null}
      <div className="purposes-toolbar">
        <div className="choice choice--inline">
          <input
            id="show-archived"
            type="checkbox"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
          />
          <label htmlFor="show-archived">Show archived purposes</label>
        </div>
      </div>
      {purposes.isPending ? <Loading /> : null}
      {purposes.isError ? (
        <QueryError error={purposes.error} onRetry={() => void purposes.refetch()} />
      ) : null}
      {purposes.data && purposes.data.length === 0 && (!noneActive || !archived.isPending) ? (
        <p className="muted">
          {emptyPurposesText(showArchived, noneActive ? (archived.data?.length ?? 0) : 0)}
        </p>
      ) : null}
      {purposes.data && purposes.data.length > 0 ? (
        <ul className="purpose-cards" aria-label={showArchived ? 'Archived purposes' : 'Purposes'}>
          {purposes.data.map((p) => (
            <li key={p.id} className="card purpose-card">
              <h2 className="purpose-card__name">
                <Link to={`/purposes/${p.id}`}>{p.name}</Link>
              </h2>
              {p.description ? <p className="muted purpose-card__description">{p.description}</p> : null}
              <p className="purpose-card__total">
                {p.progress.total} {p.progress.total === 1 ? 'person' : 'people'}
                {p.cadenceDays ? ` · keep in touch every ${p.cadenceDays} days` : ''}
              </p>
              <PurposeProgress purpose={p} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
