import { useEffect } from 'react';
import { useNavigate } from 'react-router';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** "/" anywhere (outside a text field) focuses the page's search box, or opens the contact search. */
export function useSearchShortcut(): void {
  const navigate = useNavigate();
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      const input = document.querySelector<HTMLInputElement>('[data-search-input]');
      if (input) {
        input.focus();
        input.select();
      } else {
        void navigate('/contacts', { state: { focusSearch: true } });
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
