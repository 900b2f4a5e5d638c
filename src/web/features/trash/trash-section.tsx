import type { ReactNode, Ref } from 'react';
import { formatCount, formatDate } from '../../ui/format';
import { type TrashKind, useRestore } from './use-restore';

interface TrashItem {
  id: string;
  name: string;
  detail?: string | null;
  deletedAt: string | null;
  purgeAfter: string;
}

interface TrashSectionProps {
  kind: TrashKind;
  title: string;
  items: TrashItem[];
  empty: string;
  onRestored: (item: TrashItem) => void;
  /** How many there are in all, when `items` is only the first pages of them. */
  count?: number;
  /** Shown between the heading and the list (a search, a "Restore all"). */
  tools?: ReactNode;
  /** Shown after the list (the next page). */
  more?: ReactNode;
  /** The heading, to move focus to once what was in focus is gone. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** One kind of trashed item, each with its deletion and purge dates and a Restore button. */
export function TrashSection({
  kind,
  title,
  items,
  empty,
  onRestored,
  count = items.length,
  tools,
  more,
  headingRef,
}: TrashSectionProps) {
  const restore = useRestore();
  const headingId = `trash-${kind}`;
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
        {title} <span className="count">({formatCount(count)})</span>
      </h2>
      {tools}
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="trash-list">
          {items.map((item) => (
            <li key={item.id} className="trash-item">
              <div className="trash-item__text">
                <span className="result__name">{item.name}</span>
                {item.detail ? <span className="result__meta">{item.detail}</span> : null}
                <span className="result__meta">
                  Deleted {formatDate(item.deletedAt)} · gone for good after {formatDate(item.purgeAfter)}
                </span>
              </div>
              <button
                type="button"
                className="button button--small"
                disabled={restore.isPending && restore.variables?.id === item.id}
                onClick={() =>
                  restore.mutate(
                    { kind, id: item.id, name: item.name },
                    { onSuccess: () => onRestored(item) },
                  )
                }
              >
                Restore<span className="visually-hidden"> {item.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {more}
      {restore.error ? (
        <p className="field__error" role="alert">
          Could not restore: {restore.error.message}
        </p>
      ) : null}
    </section>
  );
}
