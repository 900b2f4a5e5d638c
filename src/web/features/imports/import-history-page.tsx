import { Link } from 'react-router';
import { apiUrl } from '../../api/client';
import { formatDateTime, plural } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { KIND_LABELS } from './import-kind';
import { ImportSubnav } from './import-subnav';
import { countsText, problemCount, STATUS_LABELS } from './import-words';
import { UndoImportButton } from './undo-import-button';
import { useImports } from './use-imports';

/** Every import, newest first: when, which file, what kind, what it did, and Undo / problems / details. */
export function ImportHistoryPage() {
  useDocumentTitle('Import history');
  const imports = useImports();
  return (
    <>
      <PageHeader title="Import history" subtitle="Each import can be undone as a whole." />
      <ImportSubnav />
      {imports.isPending ? <Loading /> : null}
      {imports.isError ? <QueryError error={imports.error} onRetry={() => void imports.refetch()} /> : null}
      {imports.data && imports.data.length === 0 ? (
        <div className="empty">
          <p>No imports yet.</p>
          <Link className="button button--primary" to="/import">
            Import a file
          </Link>
        </div>
      ) : null}
      {imports.data && imports.data.length > 0 ? (
        <ul className="import-list" aria-label="Imports, newest first">
          {imports.data.map((item) => {
            const problems = problemCount(item.stats);
            return (
              <li key={item.id ?? item.createdAt} className="card import-item">
                <div className="import-item__text">
                  <h2 className="import-item__title">
                    {item.id ? <Link to={`/imports/${item.id}`}>{item.fileName}</Link> : item.fileName}
                  </h2>
                  <p className="result__meta">
                    {formatDateTime(item.createdAt)} · {KIND_LABELS[item.kind]} ·{' '}
                    <span className={`status status--${item.status}`}>{STATUS_LABELS[item.status]}</span>
                  </p>
                  <p className="import-item__counts">{countsText(item.stats)}</p>
                </div>
                <div className="import-item__actions">
                  {item.id && problems > 0 ? (
                    <Link className="button button--small" to={`/imports/${item.id}`}>
                      See {plural(problems, 'problem')}
                      <span className="visually-hidden"> of {item.fileName}</span>
                    </Link>
                  ) : null}
                  {item.id && problems > 0 ? (
                    <a
                      className="button button--small"
                      href={apiUrl(`/imports/${item.id}/issues.csv`)}
                      download
                    >
                      Download problems (CSV)
                      <span className="visually-hidden"> of {item.fileName}</span>
                    </a>
                  ) : null}
                  <UndoImportButton item={item} small />
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      <LoadMore list={imports} label="Load older imports" />
    </>
  );
}
