import { type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type ToastApi, ToastContext, type ToastInput } from './toast-context';

interface Toast extends ToastInput {
  id: number;
  /** Stays until used or put away: an action asked for without a pointer (keyboard, screen reader). */
  waits: boolean;
}

const LIFETIME_MS = 10_000;

/**
 * Whether the last thing pressed was pressed with a pointer (mouse, touch, pen). A keyboard, or a screen reader
 * acting on a button (a click with no pointer before it), answers false.
 */
function usePressedByPointer(): { readonly current: boolean } {
  const byPointer = useRef(false);
  useEffect(() => {
    let pointerDown = false;
    const onPointerDown = () => {
      pointerDown = true;
    };
    const onClick = () => {
      byPointer.current = pointerDown;
      pointerDown = false;
    };
    const onKeyDown = () => {
      byPointer.current = false;
      pointerDown = false;
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('click', onClick, true);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, []);
  return byPointer;
}

/**
 * Holds the notices and renders them in one polite live region. Notices stay while the pointer or the keyboard
 * focus is on them. A notice with an action ("Undo") that follows a keyboard or screen reader press stays until
 * used or put away (× or Escape): tabbing to it with a screen reader takes longer than any fixed time (WCAG
 * 2.2.1); one such notice at a time, the newest. A notice that goes while it has the keyboard gives it back to
 * where it was before, not to the top of the page.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  // A notice removed under the pointer or with the keyboard in it fires no mouseleave or blur: ask the page
  // whenever the list changes, so the others do not stay paused for good.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of the list is the trigger
  useEffect(() => {
    const el = list.current;
    setHovered(el?.matches(':hover') ?? false);
    setFocused(el?.contains(document.activeElement) ?? false);
  }, [toasts]);
  const nextId = useRef(1);
  const pressedByPointer = usePressedByPointer();
  const returnTo = useRef<HTMLElement | null>(null);
  const giveFocusBack = useCallback(() => {
    const back = returnTo.current;
    const target = back?.isConnected
      ? back
      : (document.querySelector<HTMLElement>('main [data-page-heading]') ??
        document.querySelector<HTMLElement>('main'));
    target?.focus();
  }, []);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({
      show: (toast) => {
        const id = nextId.current++;
        const waits = toast.action !== undefined && !pressedByPointer.current;
        // A newer waiting action takes the place of an older one: "Undo" undoes the last thing done.
        setToasts((all) => [
          ...(waits ? all.filter((t) => !t.waits) : all).slice(-2),
          { ...toast, id, waits },
        ]);
      },
    }),
    [pressedByPointer],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <section className="toasts" aria-label="Notifications">
        <div
          ref={list}
          role="status"
          className="toasts__list"
          onMouseEnter={() => setHovered(true)}
          onMouseLeave={() => setHovered(false)}
          onFocus={(e) => {
            const from = e.relatedTarget;
            if (!e.currentTarget.contains(from)) returnTo.current = from instanceof HTMLElement ? from : null;
            setFocused(true);
          }}
          onBlur={() => setFocused(false)}
        >
          {toasts.map((t) => (
            <ToastItem
              key={t.id}
              toast={t}
              paused={hovered || focused}
              onDismiss={dismiss}
              onLeaveWithFocus={giveFocusBack}
            />
          ))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}

function ToastItem({
  toast,
  paused,
  onDismiss,
  onLeaveWithFocus,
}: {
  toast: Toast;
  paused: boolean;
  onDismiss: (id: number) => void;
  onLeaveWithFocus: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const self = useRef<HTMLDivElement>(null);
  // Runs before the notice leaves the page, whatever removes it (×, Escape, its action, a newer notice).
  useLayoutEffect(() => {
    const el = self.current;
    return () => {
      if (el?.contains(document.activeElement)) onLeaveWithFocus();
    };
  }, [onLeaveWithFocus]);
  useEffect(() => {
    if (paused || toast.waits) return;
    const timer = setTimeout(() => onDismiss(toast.id), LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [paused, onDismiss, toast.id, toast.waits]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from either of the notice's buttons puts it away
    <div
      ref={self}
      className={toast.tone === 'error' ? 'toast toast--error' : 'toast'}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onDismiss(toast.id);
      }}
    >
      <span className="toast__message">{toast.message}</span>
      {toast.action ? (
        <button
          type="button"
          className="button button--small button--inverse"
          // Not `disabled`: that would drop the keyboard to the top of the page while the action runs.
          aria-disabled={busy}
          onClick={async () => {
            if (busy) return;
            setBusy(true);
            try {
              await toast.action?.onClick();
            } finally {
              onDismiss(toast.id);
            }
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button
        type="button"
        className="toast__close"
        aria-label="Dismiss notification"
        onClick={() => onDismiss(toast.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
