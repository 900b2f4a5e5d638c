import { Link, useParams } from 'react-router';
import { apiUrl } from '../../api/client';
import { formatCount, formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { KIND_LABELS } from './import-kind';
import { ImportStats } from './import-stats';
import { ImportSubnav } from './import-subnav';
import { problemCount, STATUS_LABELS } from './import-words';
import { IssueTable } from './issue-table';
import { UndoImportButton } from './undo-import-button';
import { useImport } from './use-imports';

/** One import: what it did, every problem it reported (also as a CSV download), and Undo. */
export function ImportDetailPage() {
  const { id = '' } = useParams();
  const detail = useImport(id);
  useDocumentTitle(detail.data ? `Import of ${detail.data.fileName}` : 'Import');
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  const item = detail.data;
  const problems = problemCount(item.stats);
  return (
    <>
      <PageHeader
        title={`Import of ${item.fileName}`}
        subtitle={`${formatDateTime(item.createdAt)} · ${KIND_LABELS[item.kind]} · ${STATUS_LABELS[item.status]}`}
        actions={
          <>
            {problems > 0 ? (
              <a className="button" href={apiUrl(`/imports/${item.id}/issues.csv`)} download>
                Download problems (CSV)
              </a>
            ) : null}
            <UndoImportButton item={item} />
          </>
        }
      />
      <ImportSubnav />
      <div className="stack">
        {item.status === 'undone' ? (
          <p className="alert alert--info">
            This import was undone: what it added is gone, what it changed is back (edits made since were
            kept).
          </p>
        ) : null}
        <section aria-labelledby="import-counts" className="card">
          <h2 id="import-counts">What it did</h2>
          <ImportStats stats={item.stats} />
        </section>
        <section aria-labelledby="import-issues" className="card">
          <h2 id="import-issues">
            Problems <span className="count">({formatCount(problems)})</span>
          </h2>
          <IssueTable issues={item.issues} caption={`Problems in ${item.fileName}`} />
        </section>
        <p>
          <Link to="/imports">Back to the import history</Link>
        </p>
      </div>
    </>
  );
}
