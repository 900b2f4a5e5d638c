import { type RefObject, useEffect, useRef, useState } from 'react';

export interface EditToggle {
  open: boolean;
  start: () => void;
  /** Closes the form (saved or cancelled) and gives the keyboard back to the Edit button. */
  close: () => void;
  button: RefObject<HTMLButtonElement | null>;
}

/** Whether a listed record is being corrected in place. */
export function useEditToggle(): EditToggle {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (open || !returnFocus.current) return;
    returnFocus.current = false;
    button.current?.focus();
  }, [open]);
  return {
    open,
    start: () => setOpen(true),
    close: () => {
      returnFocus.current = true;
      setOpen(false);
    },
    button,
  };
}

/** "Edit", named after its record for screen readers ("Edit favour: lent a book"). */
export function EditButton({ toggle, name }: { toggle: EditToggle; name: string }) {
  return (
    <button ref={toggle.button} type="button" className="button button--small" onClick={toggle.start}>
      Edit<span className="visually-hidden"> {name}</span>
    </button>
  );
}
