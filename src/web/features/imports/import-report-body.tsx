import type { ImportReport } from '../../api/types';
import { fieldLabel, fieldValue } from '../../ui/field-words';
import { formatCount } from '../../ui/format';
import { ImportStats } from './import-stats';
import { problemCount } from './import-words';
import { IssueTable } from './issue-table';

/** Fields that are lists: an import only ever adds to them. */
const LISTS = new Set(['emails', 'phones', 'urls', 'tags', 'addresses', 'dates']);

type Sample = ImportReport['samples']['created'][number];

function more(total: number, shown: number) {
  return total > shown ? (
    <p className="muted samples__more">…and {formatCount(total - shown)} more.</p>
  ) : null;
}

function SampleList({ title, items, total }: { title: string; items: Sample[]; total: number }) {
  if (total === 0) return null;
  return (
    <>
      <h3>
        {title} <span className="count">({formatCount(total)})</span>
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

function show(field: string, value: string | null) {
  const text = fieldValue(field, value);
  return text === null ? <span className="muted">(none)</span> : <>“{text}”</>;
}

function UpdatedList({ items, total }: { items: Sample[]; total: number }) {
  if (total === 0) return null;
  return (
    <>
      <h3>
        Updated <span className="count">({formatCount(total)})</span>
      </h3>
      <ul className="samples">
        {items.map((s) => (
          <li key={s.ref} className="samples__updated">
            <span className="samples__name">{s.name}</span> <span className="result__meta">{s.ref}</span>
            {s.changes && s.changes.length > 0 ? (
              <ul className="changes" aria-label={`Changes for ${s.name}`}>
                {s.changes.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a field can change more than once (two new emails)
                  <li key={i}>
                    <span className="changes__field">{fieldLabel(c.field)}</span>:{' '}
                    {c.field === 'photo' ? (
                      c.from ? (
                        'a new photo'
                      ) : (
                        'a photo is added'
                      )
                    ) : c.from === null && LISTS.has(c.field) ? (
                      <>added {show(c.field, c.to)}</>
                    ) : (
                      <>
                        {show(c.field, c.from)} <span aria-hidden="true">→</span>
                        <span className="visually-hidden">becomes</span> {show(c.field, c.to)}
                      </>
                    )}
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
        Problems <span className="count">({formatCount(problems)})</span>
      </h3>
      {problems > 0 ? (
        <p className="muted">
          Errors and skipped rows are left out; warnings are imported with a note. Nothing else in the file is
          lost because of them.
        </p>
      ) : null}
      <IssueTable
        issues={report.issues}
        caption="Problems found in the file"
        total={problems}
        preview={report.status === 'preview'}
      />
    </>
  );
}
