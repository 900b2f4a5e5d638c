import type { Purpose } from '../../../contracts/purposes';
import { formatDate, plural } from '../../ui/format';

/** Counts per stage as a small bar chart with the numbers written out, done vs target, deadline, stale items. */
export function PurposeProgress({ purpose }: { purpose: Purpose }) {
  const { progress, targetCount } = purpose;
  const max = Math.max(1, ...progress.perStage.map((s) => s.count));
  return (
    <div className="purpose-progress">
      <ol className="stage-counts" aria-label={`People per stage of ${purpose.name}`}>
        {progress.perStage.map((s) => (
          <li key={s.stageId} className="stage-counts__item">
            <span className="stage-counts__name">{s.name}</span>
            <span className="stage-counts__bar" aria-hidden="true">
              <span style={{ width: `${(s.count / max) * 100}%` }} />
            </span>
            <span className="stage-counts__n" data-testid={`count-${s.name}`}>
              {s.count}
            </span>
          </li>
        ))}
      </ol>
      <dl className="purpose-facts">
        {progress.done !== null || targetCount ? (
          <div>
            <dt>Done</dt>
            <dd data-testid="done">
              {progress.done ?? 0}
              {targetCount ? ` of ${targetCount}` : ''}
              {targetCount ? (
                <progress
                  className="purpose-facts__meter"
                  max={targetCount}
                  value={Math.min(progress.done ?? 0, targetCount)}
                  aria-label={`Done ${progress.done ?? 0} of ${targetCount}`}
                />
              ) : null}
            </dd>
          </div>
        ) : null}
        {purpose.deadline ? (
          <div>
            <dt>Deadline</dt>
            <dd>{formatDate(purpose.deadline)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Stale</dt>
          <dd className={progress.stale > 0 ? 'purpose-facts__stale' : undefined}>
            {progress.stale > 0 ? plural(progress.stale, 'person', 'people') : 'none'}
          </dd>
        </div>
      </dl>
    </div>
  );
}
