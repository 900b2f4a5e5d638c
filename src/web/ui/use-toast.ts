import { useContext } from 'react';
import { type ToastApi, ToastContext } from './toast-context';

/** Shows short notices ("Moved to trash · Undo") in the page's live region. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}
