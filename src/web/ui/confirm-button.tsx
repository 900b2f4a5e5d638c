import { type ReactNode, useEffect, useRef, useState } from 'react';

interface ConfirmButtonProps {
  /** The first button's text ("Undo"). */
  label: ReactNode;
  /** Extra words for screen readers on the first button, e.g. the item's name. */
  labelSuffix?: string;
  /** The question shown instead ("Undo this import?"). */
  question: ReactNode;
  /** The confirming button's text ("Yes, undo"). */
  confirmLabel: string;
  cancelLabel?: string;
  pending?: boolean;
  danger?: boolean;
  small?: boolean;
  onConfirm: () => void;
}

/**
 * A button that asks before it acts, in place: the question and "Yes" / "No" replace it, the keyboard lands
 * on "Yes", Escape or "No" go back. No modal to trap focus in, nothing to miss on a phone.
 */
export function ConfirmButton({
  label,
  labelSuffix,
  question,
  confirmLabel,
  cancelLabel = 'Cancel',
  pending = false,
  danger = false,
  small = false,
  onConfirm,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const size = small ? ' button--small' : '';

  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      first.current?.focus();
    }
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={first}
        type="button"
        className={`button${size}${danger ? ' button--danger' : ''}`}
        disabled={pending}
        onClick={() => setAsking(true)}
      >
        {label}
        {labelSuffix ? <span className="visually-hidden"> {labelSuffix}</span> : null}
      </button>
    );
  }
  const back = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the question goes back
    <span
      className="confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          back();
        }
      }}
    >
      <span className="confirm__question">{question}</span>
      <button
        ref={yes}
        type="button"
        className={`button${size} ${danger ? 'button--danger' : 'button--primary'}`}
        disabled={pending}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className={`button${size}`} onClick={back}>
        {cancelLabel}
      </button>
    </span>
  );
}
