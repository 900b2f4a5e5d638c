import type { ImportReport } from '../../api/types';
import { ImportStats } from './import-stats';
import { problemCount } from './import-words';
import { IssueTable } from './issue-table';

type Sample = ImportReport['samples']['created'][number];

function more(total: number, shown: number) {
  return total > shown ? <p className="muted samples__more">…and {total - shown} more.</p> : null;
}

function SampleList({ title, items, total }: { title: string; items: Sample[]; total: number }) {
  if (total === 0) return null;
  return (
    <>
      <h3>
        {title} <span className="count">({total})</span>
      </h3>
      <ul className="samples">
        {items.map((s) => (
          <li key={s.ref}>
            <span className="samples__name">{s.name}</span> <span className="result__meta">{s.ref}</span>
          </li>
        ))}
      </ul>
      {more(total, items.length)}
    </>
  );
}

function show(value: string | null) {
  return value === null || value === '' ? <span className="muted">(empty)</span> : <q>{value}</q>;
}

function UpdatedList({ items, total }: { items: Sample[]; total: number }) {
  if (total === 0) return null;
  return (
    <>
      <h3>
        Updated <span className="count">({total})</span>
      </h3>
      <ul className="samples">
        {items.map((s) => (
          <li key={s.ref} className="samples__updated">
            <span className="samples__name">{s.name}</span> <span className="result__meta">{s.ref}</span>
            {s.changes && s.changes.length > 0 ? (
              <ul className="changes" aria-label={`Changes for ${s.name}`}>
                {s.changes.map((c) => (
                  <li key={c.field}>
                    <span className="changes__field">{c.field}</span>: {show(c.from)}{' '}
                    <span aria-hidden="true">→</span>
                    <span className="visually-hidden">becomes</span> {show(c.to)}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {more(total, items.length)}
    </>
  );
}

/** What an import did or would do: counts, the first people of each kind (with changed fields), every problem. */
export function ImportReportBody({ report }: { report: ImportReport }) {
  const { stats, samples } = report;
  const problems = problemCount(stats);
  return (
    <>
      <ImportStats stats={stats} />
      <SampleList title="New" items={samples.created} total={stats.created ?? 0} />
      <UpdatedList items={samples.updated} total={stats.updated ?? 0} />
      <SampleList title="Unchanged" items={samples.unchanged} total={stats.unchanged ?? 0} />
      <h3>
        Problems <span className="count">({problems})</span>
      </h3>
      {problems > 0 ? (
        <p className="muted">
          Errors and skipped rows are left out; warnings are imported with a note. Nothing else in the file is
          lost because of them.
        </p>
      ) : null}
      <IssueTable issues={report.issues} caption="Problems found in the file" total={problems} />
    </>
  );
}
