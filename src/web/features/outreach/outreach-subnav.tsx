import { Link, useLocation } from 'react-router';

const LINKS = [
  { to: '/outreach', label: 'Queue' },
  { to: '/outreach/templates', label: 'Templates' },
  { to: '/outreach/stats', label: 'Response rates' },
];

/** Which tab a path belongs to: a queue item is part of the queue. */
function tabOf(pathname: string): string {
  if (pathname.startsWith('/outreach/templates')) return '/outreach/templates';
  if (pathname.startsWith('/outreach/stats')) return '/outreach/stats';
  return '/outreach';
}

/** The links between the queue, the templates and the response rates. */
export function OutreachSubnav() {
  const current = tabOf(useLocation().pathname);
  return (
    <nav aria-label="Outreach" className="subnav">
      <ul className="subnav__links">
        {LINKS.map((l) => (
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
