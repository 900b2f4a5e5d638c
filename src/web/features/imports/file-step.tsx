import { type DragEvent, type FormEvent, useId, useState } from 'react';
import type { ImportKind } from '../../api/types';
import { FormAlert } from '../../ui/form-alert';
import { guessKind } from './import-kind';

const KIND_CHOICES: Record<ImportKind, { label: string; hint: string }> = {
  linkedin: {
    label: 'LinkedIn connections',
    hint: 'Connections.csv from a LinkedIn data export (or the whole export as a .zip)',
  },
  csv: {
    label: 'Contacts CSV',
    hint: 'Google, Outlook, Thunderbird, or any spreadsheet of people',
  },
  vcard: { label: 'vCard', hint: 'a phone or address-book export (.vcf)' },
};

interface FileStepProps {
  file: File | null;
  kind: ImportKind | null;
  /** A problem with the file itself (too large, missing), shown next to the file input. */
  fileError: string | undefined;
  /** Anything else that went wrong. */
  generalError: string | null;
  onFile: (file: File | null, kind: ImportKind | null) => void;
  onKind: (kind: ImportKind) => void;
  onSubmit: () => void;
}

/** Step 1: choose (or drop) a file; the kind comes from its name, and a CSV asks which kind it is. */
export function FileStep({ file, kind, fileError, generalError, onFile, onKind, onSubmit }: FileStepProps) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const choices = file ? guessKind(file.name).choices : [];
  const error = localError ?? fileError;

  function choose(next: File | null) {
    setLocalError(null);
    onFile(next, next ? guessKind(next.name).kind : null);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setLocalError('Choose a file to import.');
      document.getElementById(`${id}-file`)?.focus();
      return;
    }
    if (!kind) {
      document.querySelector<HTMLInputElement>(`input[name="${id}-kind"]`)?.focus();
      setLocalError(null);
      return;
    }
    onSubmit();
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) choose(dropped);
  }

  const kindMissing = file !== null && kind === null;
  return (
    <form
      className={dragging ? 'card import-pick import-pick--drag' : 'card import-pick'}
      onSubmit={submit}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
      noValidate
      aria-labelledby={`${id}-heading`}
    >
      <h2 id={`${id}-heading`} tabIndex={-1} data-step-heading="">
        Choose a file
      </h2>
      <p>
        A <strong>LinkedIn data export</strong> (the .zip, or its Connections.csv), a <strong>vCard</strong>{' '}
        file (.vcf) from a phone or address book, or a <strong>contacts CSV</strong> from Google, Outlook,
        Thunderbird or a spreadsheet. You will see a preview before anything is stored, and every import can
        be undone.
      </p>
      <FormAlert message={generalError} />
      <div className={error ? 'field field--invalid' : 'field'}>
        <label htmlFor={`${id}-file`}>File to import</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".zip,.csv,.vcf,.vcard,.txt,text/csv,text/vcard,application/zip"
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
        <p id={`${id}-hint`} className="field__hint drop-hint">
          Or drop the file here.
        </p>
        {error ? (
          <p id={`${id}-error`} className="field__error">
            {error}
          </p>
        ) : null}
      </div>
      {choices.length > 0 ? (
        <fieldset className={kindMissing ? 'choices field--invalid' : 'choices'}>
          <legend>What is this file?</legend>
          {choices.map((k) => (
            <div key={k} className="choice">
              <input
                type="radio"
                id={`${id}-kind-${k}`}
                name={`${id}-kind`}
                value={k}
                checked={kind === k}
                onChange={() => onKind(k)}
                aria-describedby={`${id}-kind-${k}-hint`}
              />
              <label htmlFor={`${id}-kind-${k}`}>
                {KIND_CHOICES[k].label}
                <span id={`${id}-kind-${k}-hint`} className="choice__hint">
                  {KIND_CHOICES[k].hint}
                </span>
              </label>
            </div>
          ))}
          {kindMissing ? <p className="field__error">Say what kind of file this is.</p> : null}
        </fieldset>
      ) : null}
      <div className="form-actions form-actions--plain">
        <button type="submit" className="button button--primary">
          Preview
        </button>
      </div>
    </form>
  );
}
