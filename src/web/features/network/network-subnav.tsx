import { NavLink } from 'react-router';

const LINKS: { to: string; label: string; end?: boolean }[] = [
  { to: '/network', label: 'Overview', end: true },
  { to: '/network/graph', label: 'Graph' },
  { to: '/network/connections', label: 'Connections' },
  { to: '/network/messages', label: 'Messages' },
  { to: '/network/search', label: 'Search' },
  { to: '/network/paths', label: 'Warm paths' },
  { to: '/introductions', label: 'Introductions' },
  { to: '/asks', label: 'Asks' },
  { to: '/network/sharing', label: 'Sharing' },
  { to: '/network/access-log', label: 'Access log' },
];

/** The links between the network's pages (one "Network" entry in the main navigation leads here). */
export function NetworkSubnav() {
  return (
    <nav aria-label="Network" className="subnav">
      <ul className="subnav__links">
        {LINKS.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} className="subnav__link" end={l.end}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
