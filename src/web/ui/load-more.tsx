/** What a TanStack infinite query offers for its next page. */
interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The next page of a paged list, while there is one; disabled while it loads. */
export function LoadMore({ list, label = 'Load more' }: { list: Pages; label?: string }) {
  if (!list.hasNextPage) return null;
  return (
    <button
      type="button"
      className="button load-more"
      disabled={list.isFetchingNextPage}
      onClick={() => void list.fetchNextPage()}
    >
      {list.isFetchingNextPage ? 'Loading…' : label}
    </button>
  );
}
