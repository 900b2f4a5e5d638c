import { Link } from 'react-router';
import type { MergeSummary } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { useContact } from '../contacts/use-contact';
import { mergeLead } from './merge-words';

const SHOWN = 10;

function MergeRow({
  merge,
  busy,
  onUndo,
}: {
  merge: MergeSummary;
  busy: boolean;
  onUndo: (merge: MergeSummary) => void;
}) {
  const kept = useContact(merge.keptId);
  const keptName = kept.data?.displayName ?? merge.keptName;
  return (
    <li className="merge-row">
      <span>
        {mergeLead(merge)}
        {kept.data ? <Link to={`/contacts/${merge.keptId}`}>{keptName}</Link> : keptName}
        <span className="result__meta">
          {' '}
          · {formatDateTime(merge.createdAt)}
          {merge.undoneAt ? ` · undone ${formatDateTime(merge.undoneAt)}` : ''}
        </span>
      </span>
      {merge.undoneAt ? null : merge.keptNow === 'trashed' ? (
        <span className="muted">
          To undo, first <Link to="/trash">restore {keptName} from the trash</Link>.
        </span>
      ) : merge.keptNow === 'merged' ? (
        <span className="muted">{keptName} was merged again since: undo that merge first.</span>
      ) : (
        <button type="button" className="button button--small" disabled={busy} onClick={() => onUndo(merge)}>
          Undo merge<span className="visually-hidden"> into {keptName}</span>
        </button>
      )}
    </li>
  );
}

/** The latest merges, each with Undo while it stands. */
export function RecentMerges({
  merges,
  busy,
  onUndo,
}: {
  merges: MergeSummary[];
  busy: boolean;
  onUndo: (merge: MergeSummary) => void;
}) {
  if (merges.length === 0) return <p className="muted">No merges yet.</p>;
  return (
    <ul className="merge-list">
      {merges.slice(0, SHOWN).map((m) => (
        <MergeRow key={m.id} merge={m} busy={busy} onUndo={onUndo} />
      ))}
    </ul>
  );
}
