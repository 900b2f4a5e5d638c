import { NavLink } from 'react-router';

const LINKS = [
  { to: '/import', label: 'Import a file' },
  { to: '/imports', label: 'Import history' },
  { to: '/data', label: 'Your data' },
];

/** The tabs-like links between importing, the import history and "your data" (exports, backup, restore). */
export function ImportSubnav() {
  return (
    <nav aria-label="Import and export" className="subnav">
      <ul className="subnav__links">
        {LINKS.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} className="subnav__link" end={l.to === '/import'}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
