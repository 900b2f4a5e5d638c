import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type ToastApi, ToastContext, type ToastInput } from './toast-context';

interface Toast extends ToastInput {
  id: number;
}

const LIFETIME_MS = 10_000;

/**
 * Holds the notices and renders them in one polite live region. Notices stay while the pointer or the keyboard
 * focus is on them, so there is time to reach "Undo".
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({
      show: (toast) => {
        const id = nextId.current++;
        setToasts((all) => [...all.slice(-2), { ...toast, id }]);
      },
    }),
    [],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <section className="toasts" aria-label="Notifications">
        <div
          role="status"
          className="toasts__list"
          onMouseEnter={() => setHovered(true)}
          onMouseLeave={() => setHovered(false)}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
        >
          {toasts.map((t) => (
            <ToastItem key={t.id} toast={t} paused={hovered || focused} onDismiss={dismiss} />
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
}: {
  toast: Toast;
  paused: boolean;
  onDismiss: (id: number) => void;
}) {
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => onDismiss(toast.id), LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [paused, onDismiss, toast.id]);
  return (
    <div className={toast.tone === 'error' ? 'toast toast--error' : 'toast'}>
      <span className="toast__message">{toast.message}</span>
      {toast.action ? (
        <button
          type="button"
          className="button button--small button--inverse"
          disabled={busy}
          onClick={async () => {
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
        ×
      </button>
    </div>
  );
}
