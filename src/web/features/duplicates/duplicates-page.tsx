import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { DuplicatePair, MergeSummary } from '../../api/types';
import { formatCount, plural } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { ContactsSubnav } from '../contacts/contacts-subnav';
import { DuplicatePairCard } from './duplicate-pair-card';
import { OrganisationPairCard } from './organisation-pair-card';
import { RecentMerges } from './recent-merges';
import { useDismissDuplicate, useDuplicates, useMerge, useMerges, useUndoMerge } from './use-duplicates';
import {
  useDismissOrganisationPair,
  useMergeOrganisationPair,
  useOrganisationDuplicates,
} from './use-organisation-duplicates';

const pairKey = (pair: DuplicatePair) => `${pair.a.id}|${pair.b.id}`;

/** The pair to put the keyboard on once those `gone` leave the list: the next one still there, else the one before. */
function neighbour(pairs: DuplicatePair[], index: number, gone: (pair: DuplicatePair) => boolean) {
  const next =
    pairs.slice(index + 1).find((p) => !gone(p)) ??
    pairs
      .slice(0, index)
      .reverse()
      .find((p) => !gone(p));
  return next ? pairKey(next) : null;
}

interface LastMerge {
  mergeId: string;
  keptId: string;
  keptName: string;
  mergedName: string;
  undone: boolean;
}

/**
 * Contacts that may be the same person, side by side, with the reasons (then organisations that may be one
 * company), 50 pairs of people and 200 of organisations at a time under the count of all. Merge keeps one (nothing
 * of the other is lost) and can be undone right away or later from "Recent merges"; "Not the same person" stops the
 * suggestion. Either takes the pair out where it stands and puts the keyboard on the next one: the list stays where
 * it was.
 */
export function DuplicatesPage() {
  useDocumentTitle('Duplicates');
  const duplicates = useDuplicates();
  const merges = useMerges();
  const merge = useMerge();
  const undo = useUndoMerge();
  const dismiss = useDismissDuplicate();
  const orgPairs = useOrganisationDuplicates();
  const mergeOrgs = useMergeOrganisationPair();
  const dismissOrgs = useDismissOrganisationPair();
  const toast = useToast();
  const [last, setLast] = useState<LastMerge | null>(null);
  // The merge in the box when an undo answers (it may have changed while the undo was on its way).
  const lastRef = useRef(last);
  lastRef.current = last;
  // The pair to focus after the one acted on left the list (null: the heading, when none is left).
  const [focusPair, setFocusPair] = useState<string | null | undefined>(undefined);
  const listRef = useRef<HTMLUListElement>(null);
  const busy = merge.isPending || undo.isPending || dismiss.isPending;
  const orgBusy = mergeOrgs.isPending || dismissOrgs.isPending;
  const pairs = duplicates.data?.pages.flatMap((page) => page.items);
  const firstPage = duplicates.data?.pages[0];
  const orgList = orgPairs.data?.pages.flatMap((page) => page.items);
  const orgFirstPage = orgPairs.data?.pages[0];

  useEffect(() => {
    if (focusPair === undefined) return;
    const card = focusPair
      ? listRef.current?.querySelector<HTMLElement>(`[data-pair="${CSS.escape(focusPair)}"]`)
      : null;
    (card ?? document.getElementById('duplicates-heading'))?.focus();
    setFocusPair(undefined);
  }, [focusPair]);

  function undoMerge(mergeId: string) {
    undo.mutate(mergeId, {
      onSuccess: (r) => {
        // Said once: by the box when it shows this merge (both are live regions), else by a notice.
        const shown = lastRef.current;
        if (shown?.mergeId === mergeId) {
          setLast({ ...shown, undone: true });
          // Its Undo button is gone: the keyboard goes to the pairs, where the two are suggested again.
          document.getElementById('duplicates-heading')?.focus();
        } else
          toast.show({
            message: `Merge undone: ${r.kept.displayName} and ${r.restored.displayName} are two contacts again.`,
          });
      },
      onError: (e) => toast.show({ message: `Could not undo the merge: ${e.message}`, tone: 'error' }),
    });
  }

  return (
    <>
      <PageHeader
        title="Duplicates"
        subtitle="People and organisations that may be in your rolodex twice. Merging keeps every fact with its source, and can be undone."
      />
      <ContactsSubnav />
      <div className="stack">
        {/* Always in the page, hidden while empty: a live region that appears with its text may go unread. */}
        <div
          className={
            !last
              ? 'visually-hidden'
              : last.undone
                ? 'alert alert--info merge-result'
                : 'alert alert--success merge-result'
          }
          role="status"
        >
          {!last ? null : last.undone ? (
            <p>
              Merge undone: {last.keptName} and {last.mergedName} are two contacts again.
            </p>
          ) : (
            <>
              <p>
                Merged {last.mergedName} into <Link to={`/contacts/${last.keptId}`}>{last.keptName}</Link>.
              </p>
              <button
                type="button"
                className="button button--small"
                disabled={undo.isPending}
                onClick={() => undoMerge(last.mergeId)}
              >
                Undo merge
              </button>
            </>
          )}
        </div>

        <section aria-labelledby="duplicates-heading">
          <h2 id="duplicates-heading" tabIndex={-1}>
            People who may be the same person{' '}
            {firstPage ? (
              <span className="count">
                ({firstPage.totalExact ? '' : 'more than '}
                {formatCount(firstPage.total)})
              </span>
            ) : null}
          </h2>
          {duplicates.isPending ? <Loading /> : null}
          {duplicates.isError ? (
            <QueryError error={duplicates.error} onRetry={() => void duplicates.refetch()} />
          ) : null}
          {pairs && pairs.length === 0 && !duplicates.hasNextPage ? (
            <p className="empty">
              No duplicates found. Rapport looks for shared emails, phones, LinkedIn profiles and similar
              names.
            </p>
          ) : null}
          {pairs && pairs.length > 0 ? (
            <ul className="pairs" ref={listRef}>
              {pairs.map((pair, index) => (
                <DuplicatePairCard
                  key={pairKey(pair)}
                  pair={pair}
                  busy={busy}
                  onMerge={(keep, other) =>
                    merge.mutate(
                      { keep: keep.id, merge: other.id },
                      {
                        onSuccess: (r) => {
                          setFocusPair(
                            neighbour(pairs, index, (p) => p.a.id === other.id || p.b.id === other.id),
                          );
                          setLast({
                            mergeId: r.mergeId,
                            keptId: r.contact.id,
                            keptName: r.contact.displayName,
                            mergedName: other.displayName,
                            undone: false,
                          });
                        },
                        onError: (e) =>
                          toast.show({ message: `Could not merge: ${e.message}`, tone: 'error' }),
                      },
                    )
                  }
                  onDismiss={() =>
                    dismiss.mutate(
                      { a: pair.a.id, b: pair.b.id },
                      {
                        onSuccess: () => {
                          // The card is gone: keep the keyboard where it was in this list.
                          setFocusPair(neighbour(pairs, index, (p) => p === pair));
                          toast.show({
                            message: `${pair.a.displayName} and ${pair.b.displayName} won’t be suggested again.`,
                          });
                        },
                        onError: (e) =>
                          toast.show({ message: `Could not dismiss: ${e.message}`, tone: 'error' }),
                      },
                    )
                  }
                />
              ))}
            </ul>
          ) : null}
          {pairs && firstPage && duplicates.hasNextPage ? (
            <p className="muted">
              Showing {formatCount(pairs.length)} of {firstPage.totalExact ? '' : 'more than '}
              {plural(firstPage.total, 'pair')}.
            </p>
          ) : null}
          <LoadMore list={duplicates} label="Show more pairs" />
        </section>

        <section aria-labelledby="org-duplicates-heading">
          <h2 id="org-duplicates-heading" tabIndex={-1}>
            Organisations that may be one company{' '}
            {orgFirstPage ? <span className="count">({formatCount(orgFirstPage.total)})</span> : null}
          </h2>
          {orgPairs.isPending ? <Loading /> : null}
          {orgPairs.isError ? (
            <QueryError error={orgPairs.error} onRetry={() => void orgPairs.refetch()} />
          ) : null}
          {orgList && orgList.length === 0 && !orgPairs.hasNextPage ? (
            <p className="empty">
              No duplicate organisations found. Rapport looks for names that differ only in spacing or
              punctuation, shared websites, names that extend one another and one-letter typos.
            </p>
          ) : null}
          {orgList && orgList.length > 0 ? (
            <ul className="pairs">
              {orgList.map((pair) => (
                <OrganisationPairCard
                  key={`${pair.a.id}|${pair.b.id}`}
                  pair={pair}
                  busy={orgBusy}
                  onMerge={(from, into) => mergeOrgs.mutate({ from, into })}
                  onDismiss={() =>
                    dismissOrgs.mutate(
                      { a: pair.a.id, b: pair.b.id },
                      {
                        onSuccess: () => {
                          document.getElementById('org-duplicates-heading')?.focus();
                          toast.show({
                            message: `${pair.a.name} and ${pair.b.name} won’t be suggested again.`,
                          });
                        },
                        onError: (e) =>
                          toast.show({ message: `Could not dismiss: ${e.message}`, tone: 'error' }),
                      },
                    )
                  }
                />
              ))}
            </ul>
          ) : null}
          {orgList && orgFirstPage && orgPairs.hasNextPage ? (
            <p className="muted">
              Showing {formatCount(orgList.length)} of {plural(orgFirstPage.total, 'pair')}.
            </p>
          ) : null}
          <LoadMore list={orgPairs} label="Show more organisation pairs" />
        </section>

        <section aria-labelledby="merges-heading" className="card">
          <h2 id="merges-heading">
            Recent merges{' '}
            {merges.data ? <span className="count">({plural(merges.data.length, 'merge')})</span> : null}
          </h2>
          {merges.isPending ? <Loading /> : null}
          {merges.isError ? <QueryError error={merges.error} onRetry={() => void merges.refetch()} /> : null}
          {merges.data ? (
            <RecentMerges merges={merges.data} busy={busy} onUndo={(m: MergeSummary) => undoMerge(m.id)} />
          ) : null}
        </section>
      </div>
    </>
  );
}
