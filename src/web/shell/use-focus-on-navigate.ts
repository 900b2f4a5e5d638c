import { useEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/**
 * After a client-side navigation, move focus to the new page's heading (or to <main> while it loads) so keyboard
 * and screen-reader users start at the top of the new content, as they would after a full page load.
 */
export function useFocusOnNavigate(): void {
  const { pathname, state } = useLocation();
  const first = useRef(true);
  // Back and Forward return to where the page was scrolled (use-scroll-restoration): focus must not scroll it away.
  const preventScroll = useNavigationType() === 'POP';
  const preventScrollRef = useRef(preventScroll);
  preventScrollRef.current = preventScroll;
  // Read, not a trigger: a same-page navigation (e.g. the search writing ?q=) must not move focus.
  const stateRef = useRef(state);
  stateRef.current = state;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new pathname is the trigger, not an input
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if ((stateRef.current as { focusSearch?: boolean } | null)?.focusSearch) {
      document.querySelector<HTMLInputElement>('[data-search-input]')?.focus();
      return;
    }
    // A page may still be loading its data: wait briefly for its heading. While it shows its loading line (its code
    // or its data on the way, which can take seconds on a phone) wait longer, unless the user has moved focus since.
    const start = document.activeElement;
    let tries = 0;
    let frame = 0;
    const focus = () => {
      const heading = document.querySelector<HTMLElement>('main [data-page-heading]');
      if (heading) return heading.focus({ preventScroll: preventScrollRef.current });
      const active = document.activeElement;
      const movedOn = active !== start && active !== document.body;
      const loading = !movedOn && tries < 600 && document.querySelector('main .loading') !== null;
      if (tries++ < 30 || loading) frame = requestAnimationFrame(focus);
      else if (!movedOn)
        document.querySelector<HTMLElement>('main')?.focus({ preventScroll: preventScrollRef.current });
    };
    frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
