import { formatCount } from '../../ui/format';
import { extraStats, MAIN_STATS } from './import-words';

/** The counts of an import (or a preview) as a row of figures, then the kind-specific ones. */
export function ImportStats({ stats }: { stats: Record<string, number> }) {
  const extra = extraStats(stats);
  return (
    <>
      <dl className="stats">
        {MAIN_STATS.map(([key, word]) => (
          <div
            key={key}
            // Only errors are bad news: skipped rows were left out on purpose (hidden profiles, your trash).
            className={`stats__item${key === 'errors' && (stats[key] ?? 0) > 0 ? ' stats__item--bad' : ''}`}
          >
            <dt>{word}</dt>
            <dd>{formatCount(stats[key] ?? 0)}</dd>
          </div>
        ))}
      </dl>
      {extra.length > 0 ? (
        <dl className="dl stats-extra">
          {extra.map(([key, word, value]) => (
            <div key={key} className="dl__row">
              <dt>{word}</dt>
              <dd>{formatCount(value)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </>
  );
}
