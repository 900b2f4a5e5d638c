import { useEffect, useLayoutEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router';

const STORE = 'rapport.scroll';
const KEEP = 50; // history entries remembered; older ones are dropped

function saved(): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(STORE) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

function remember(key: string, y: number): void {
  const all = saved();
  delete all[key];
  all[key] = y;
  const keys = Object.keys(all);
  for (const old of keys.slice(0, Math.max(0, keys.length - KEEP))) delete all[old];
  try {
    sessionStorage.setItem(STORE, JSON.stringify(all));
  } catch {
    // Storage full or refused (private mode): Back then starts at the top, as before.
  }
}

/**
 * Back (and Forward, and a reload) returns to where the page was scrolled, as it does between server-rendered
 * pages: a long contact list no longer starts at the top after opening one contact. Each history entry's position is
 * kept in sessionStorage by its router key; the page's data may still be arriving, so the position is applied once
 * the document is tall enough, unless the person scrolls or types first.
 */
export function useScrollRestoration(): void {
  const { key } = useLocation();
  const type = useNavigationType();

  useEffect(() => {
    // The browser's own restoration fires before the page has rendered its rows and lands short of the spot.
    history.scrollRestoration = 'manual';
  }, []);

  // Swapped during the commit (a layout effect): the new page's first scroll event, when a shorter page clamps the
  // position, must not be written to the entry we are leaving (navigations render in a transition, so passive
  // effects can run a frame late).
  useLayoutEffect(() => {
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => remember(key, window.scrollY));
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
    };
  }, [key]);

  useLayoutEffect(() => {
    if (type !== 'POP') return;
    const y = saved()[key];
    if (!y) return;
    let frame = 0;
    let tries = 0;
    let stopped = false;
    const stop = () => {
      stopped = true;
    };
    const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
    for (const e of events) window.addEventListener(e, stop, { once: true, passive: true });
    const apply = () => {
      if (stopped) return;
      const reachable = document.documentElement.scrollHeight - window.innerHeight >= y;
      window.scrollTo(0, y);
      // About two seconds for the rows to arrive from the server (at once from the query cache as a rule).
      if (!reachable && tries++ < 120) frame = requestAnimationFrame(apply);
    };
    apply();
    return () => {
      cancelAnimationFrame(frame);
      for (const e of events) window.removeEventListener(e, stop);
    };
  }, [key, type]);
}
