import { Outlet } from 'react-router';
import { useFocusOnNavigate } from './use-focus-on-navigate';

/** The signed-out shell: the brand and one centred card. */
export function PublicLayout() {
  useFocusOnNavigate();
  return (
    <>
      <header className="public-header">
        <p className="brand">Rapport</p>
      </header>
      <main id="main" tabIndex={-1} className="main main--public">
        <Outlet />
      </main>
    </>
  );
}
