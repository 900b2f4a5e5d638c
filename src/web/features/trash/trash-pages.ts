/**
 * The first page (from `GET /trash`) and the pages loaded after it, as one list: an item already listed is not listed
 * again (a restore or a removal between two loads shifts what the next page starts with).
 */
export function withLaterPages<T extends { id: string }>(first: T[], later: { items: T[] }[] = []): T[] {
  const seen = new Set(first.map((x) => x.id));
  const out = [...first];
  for (const page of later)
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
  return out;
}
