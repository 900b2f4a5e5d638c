import { useState } from 'react';

/** Copies `text` to the clipboard and says so; falls back to selecting `fallbackTarget` when the API is missing. */
export function CopyButton({
  text,
  label = 'Copy',
  fallbackTarget,
}: {
  text: string;
  label?: string;
  fallbackTarget?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      const el = fallbackTarget ? document.getElementById(fallbackTarget) : null;
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
        el.select();
        setState('failed');
      } else {
        setState('failed');
      }
    }
  }
  return (
    <>
      <button type="button" className="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {state === 'copied'
          ? 'Copied to the clipboard.'
          : state === 'failed'
            ? 'Press Ctrl+C (⌘C) to copy the selected text.'
            : ''}
      </span>
    </>
  );
}
