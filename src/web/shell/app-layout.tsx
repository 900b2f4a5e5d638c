import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../features/auth/use-session';
import { useSignOut } from '../features/auth/use-sign-out';
import { useFocusOnNavigate } from './use-focus-on-navigate';
import { useScrollRestoration } from './use-scroll-restoration';
import { useSearchShortcut } from './use-search-shortcut';

/**
 * `also`: other pages that belong to the entry, reached through its section's tabs (organisations, tags and
 * duplicates sit under Contacts; the import history and "your data" under Import). Ten entries fit one
 * row on a laptop screen; settings sit with the account.
 */
const LINKS: { to: string; label: string; also?: string[]; end?: boolean }[] = [
  { to: '/', label: 'Today', end: true },
  { to: '/contacts', label: 'Contacts', also: ['/organisations', '/tags', '/duplicates'] },
  { to: '/favours', label: 'Favours' },
  { to: '/promises', label: 'Promises' },
  { to: '/purposes', label: 'Purposes' },
  { to: '/outreach', label: 'Outreach' },
  { to: '/network', label: 'Network', also: ['/introductions', '/asks', '/connect', '/verify-email'] },
  { to: '/relationships', label: 'Health', also: ['/lapsed'] },
  { to: '/import', label: 'Import', also: ['/imports', '/data'] },
  { to: '/trash', label: 'Trash' },
];

function within(pathname: string, prefixes: string[] = []): boolean {
  return prefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** The signed-in shell: skip link, top bar with the main navigation (a menu button on phones), and <main>. */
export function AppLayout() {
  const session = useSession();
  const signOut = useSignOut();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  useSearchShortcut();
  useFocusOnNavigate();
  useScrollRestoration();

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the phone menu whenever the page changes
  useEffect(() => setMenuOpen(false), [pathname]);

  // Escape closes the phone menu from anywhere in it, and the keyboard goes back to the button that opened it.
  function onMenuKey(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !menuOpen) return;
    e.preventDefault();
    setMenuOpen(false);
    menuButton.current?.focus();
  }

  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape from the menu button or any link inside the menu */}
        <div className="topbar__inner" onKeyDown={onMenuKey}>
          <Link to="/" className="brand">
            Rapport
          </Link>
          <button
            ref={menuButton}
            type="button"
            className="nav-toggle"
            aria-expanded={menuOpen}
            aria-controls="primary-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            Menu
          </button>
          <nav id="primary-nav" aria-label="Main" className={menuOpen ? 'nav nav--open' : 'nav'}>
            <ul className="nav__links">
              {LINKS.map((link) => (
                <li key={link.to}>
                  <NavLink
                    to={link.to}
                    end={link.end}
                    className={({ isActive }) =>
                      isActive || within(pathname, link.also) ? 'nav__link active' : 'nav__link'
                    }
                    onClick={() => setMenuOpen(false)}
                  >
                    {link.label}
                  </NavLink>
                </li>
              ))}
            </ul>
            <div className="nav__account">
              <Link to="/profile" className="nav__name">
                {session.data?.account.name}
                <span className="visually-hidden"> (your profile)</span>
              </Link>
              <NavLink
                to="/settings"
                className={({ isActive }) => (isActive ? 'nav__link active' : 'nav__link')}
                onClick={() => setMenuOpen(false)}
              >
                Settings
              </NavLink>
              <button
                type="button"
                className="button button--small nav__signout"
                disabled={signOut.isPending}
                onClick={() => signOut.mutate()}
              >
                Sign out
              </button>
            </div>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main">
        <Outlet />
      </main>
    </>
  );
}
