import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';

export interface SubnavLink {
  to: string;
  label: string;
  /** Other paths that belong to this tab (a queue item belongs to the queue). */
  also?: string[];
}

const under = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/** The tab a path belongs to: the link whose own path (or one of `also`) is the longest prefix of it. */
export function currentTab(pathname: string, links: SubnavLink[]): string | undefined {
  let best: string | undefined;
  let bestLength = -1;
  for (const l of links) {
    for (const prefix of [l.to, ...(l.also ?? [])]) {
      if (under(pathname, prefix) && prefix.length > bestLength) {
        best = l.to;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}

/** Tab-like links between the pages of one section, under its page header. */
export function Subnav({ label, links }: { label: string; links: SubnavLink[] }) {
  const current = currentTab(useLocation().pathname, links);
  const nav = useRef<HTMLElement>(null);
  // On a phone the row scrolls sideways: keep the current tab in view. The row alone scrolls (scrollIntoView would
  // also scroll the page up to the tabs, undoing Back's return to where a long list was).
  useEffect(() => {
    const row = nav.current?.querySelector('ul');
    const a = current ? row?.querySelector(`a[href="${CSS.escape(current)}"]`) : null;
    if (!row || !a) return;
    const r = row.getBoundingClientRect();
    const b = a.getBoundingClientRect();
    if (b.left < r.left) row.scrollLeft -= r.left - b.left;
    else if (b.right > r.right) row.scrollLeft += b.right - r.right;
  }, [current]);
  return (
    <nav aria-label={label} className="subnav" ref={nav}>
      <ul className="subnav__links">
        {links.map((l) => (
          <li key={l.to}>
            <Link
              to={l.to}
              className={l.to === current ? 'subnav__link active' : 'subnav__link'}
              aria-current={l.to === current ? 'page' : undefined}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
