import { useEffect } from 'react';

/** Sets the tab title to "<title> · Rapport". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Rapport` : 'Rapport';
  }, [title]);
}
