import { formatSource } from '../../ui/format';

/** Where a fact came from ("from LinkedIn import"), read-only. */
export function SourceBadge({ source }: { source: string }) {
  return <span className="source">from {formatSource(source)}</span>;
}
