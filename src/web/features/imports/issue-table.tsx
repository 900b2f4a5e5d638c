import { useState } from 'react';
import type { ImportIssue } from '../../api/types';
import { plural } from '../../ui/format';
import { issuePlace, SEVERITY_LABELS, unlistedProblems } from './import-words';

const PAGE = 200;

/**
 * Every problem of an import: severity, where (file, line or card), field and reason. Long lists show
 * 200 rows at a time; on phones each row becomes a small card.
 */
export function IssueTable({
  issues,
  caption,
  total,
  preview = false,
}: {
  issues: ImportIssue[];
  caption: string;
  /** How many problems (in rows, as the stats count them) there are in all, when `issues` is only the first. */
  total?: number;
  /** A preview: nothing is stored yet, so the import history cannot have the rest. */
  preview?: boolean;
}) {
  const [shown, setShown] = useState(PAGE);
  if (issues.length === 0) return <p className="muted">No problems.</p>;
  const more = issues.length - shown;
  const hidden = total === undefined ? 0 : unlistedProblems(issues, total);
  return (
    <>
      <div className="table-wrap">
        <table className="table table--stack issues">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Where</th>
              <th scope="col">Field</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {issues.slice(0, shown).map((issue, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and never reorder
              <tr key={i}>
                <td data-label="Severity">
                  <span className={`severity severity--${issue.severity}`}>
                    {SEVERITY_LABELS[issue.severity]}
                  </span>
                </td>
                <td data-label="Where">{issuePlace(issue)}</td>
                <td data-label="Field">{issue.field ?? <span className="muted">—</span>}</td>
                <td data-label="Reason" className="issues__message">
                  {issue.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 ? (
        <button type="button" className="button load-more" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(more, PAGE)} more (of {more} not shown)
        </button>
      ) : null}
      {hidden > 0 ? (
        <p className="muted">
          {plural(hidden, 'more problem')} not listed here;{' '}
          {preview
            ? 'import the file and its page in the import history lists them all.'
            : 'the import history has them all.'}
        </p>
      ) : null}
    </>
  );
}
