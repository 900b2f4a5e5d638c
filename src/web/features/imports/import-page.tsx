import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { isApiError, withQuery } from '../../api/client';
import type { CsvImportInfo, ImportKind, ImportReport } from '../../api/types';
import { isAbortError, type UploadPhase, uploadFile } from '../../api/upload';
import { toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { PageHeader } from '../../ui/page-header';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useInvalidateRolodex } from '../contacts/use-invalidate-rolodex';
import { AddressBookChoice, addressBookPeople } from './address-book-choice';
import { type MappingRow, mappingIssueTarget, mappingJson, mappingRows } from './column-mapping';
import { FileStep } from './file-step';
import { importKeys } from './import-keys';
import { csvFormatWords, KIND_LABELS } from './import-kind';
import { ImportReportBody } from './import-report-body';
import { ImportSubnav } from './import-subnav';
import { countsText, laterStepAlert, tooLargeText } from './import-words';
import { MappingStep } from './mapping-step';
import { UploadProgress } from './upload-progress';

type Step =
  | { step: 'pick' }
  | { step: 'busy'; purpose: 'preview' | 'commit'; progress: UploadPhase; back: Step }
  | { step: 'mapping'; csv: CsvImportInfo }
  | { step: 'preview'; report: ImportReport }
  | { step: 'done'; report: ImportReport };

function csvDetails(e: unknown): CsvImportInfo | null {
  if (!isApiError(e)) return null;
  const csv = e.details.csv as CsvImportInfo | undefined;
  return csv && Array.isArray(csv.headers) ? csv : null;
}

/**
 * Import a file: choose it (the kind comes from its name), upload it for a preview (progress bar, then
 * "processing"), map a CSV's columns when Rapport cannot read it alone, check the preview, then Import sends the
 * same file again to store it. Cancel goes back to the start; a cancelled upload stores nothing.
 */
export function ImportPage() {
  useDocumentTitle('Import');
  const queryClient = useQueryClient();
  const invalidate = useInvalidateRolodex();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<ImportKind | null>(null);
  const [rows, setRows] = useState<MappingRow[] | null>(null);
  // LinkedIn only: also import the address books the export holds (off unless the user ticks it).
  const [addressBook, setAddressBook] = useState(false);
  const [step, setStep] = useState<Step>({ step: 'pick' });
  const [error, setError] = useState<unknown>(null);
  // A new key empties the file input (it cannot be cleared from code otherwise).
  const [pickKey, setPickKey] = useState(0);
  // Which upload is current: a cancelled one's late answer must not move the page.
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []);

  // Each step starts at its heading, for keyboard and screen-reader users; after a refusal, at the first field
  // to fix (this runs after the steps' own effects, so it decides).
  const stepKey = step.step === 'busy' ? `busy-${step.purpose}` : step.step;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the step changing is the trigger
  useEffect(() => {
    if (stepKey === 'pick' && !error) return;
    const visible = (selector: string) => document.querySelector<HTMLElement>(`${selector}:not([hidden] *)`);
    (visible('main [aria-invalid="true"]') ?? visible('[data-step-heading]'))?.focus();
  }, [stepKey]);

  function reset() {
    current.current?.abort();
    current.current = null;
    setFile(null);
    setKind(null);
    setRows(null);
    setAddressBook(false);
    setError(null);
    setPickKey((k) => k + 1);
    setStep({ step: 'pick' });
  }

  async function run(purpose: 'preview' | 'commit', mapping: MappingRow[] | null, back: Step) {
    if (!file || !kind) return;
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setError(null);
    setStep({ step: 'busy', purpose, progress: { phase: 'sending', loaded: 0, total: file.size }, back });
    const path = withQuery('/imports', {
      kind,
      dryRun: purpose === 'preview' ? 'true' : 'false',
      map: kind === 'csv' && mapping ? mappingJson(mapping) : undefined,
      addressBook: kind === 'linkedin' && addressBook && purpose === 'commit' ? 'true' : undefined,
    });
    try {
      const { body } = await uploadFile<ImportReport>(path, file, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (current.current === controller) setStep((s) => (s.step === 'busy' ? { ...s, progress } : s));
        },
      });
      if (current.current !== controller) return;
      if (purpose === 'commit') {
        setStep({ step: 'done', report: body });
        await Promise.all([queryClient.invalidateQueries({ queryKey: importKeys.all }), invalidate()]);
        return;
      }
      if (body.csv?.needsMapping) {
        const csv = body.csv;
        setRows((r) => r ?? mappingRows(csv.headers, csv.suggestedMapping));
        setStep({ step: 'mapping', csv });
        return;
      }
      setStep({ step: 'preview', report: body });
    } catch (e) {
      if (current.current !== controller) return;
      if (isAbortError(e)) {
        setStep(back);
        return;
      }
      const csv = csvDetails(e);
      if (csv?.needsMapping) {
        setRows((r) => r ?? mappingRows(csv.headers, csv.suggestedMapping));
        setStep({ step: 'mapping', csv });
        return;
      }
      setError(e);
      // A mapping the server refused goes back to the mapping screen, with the reasons next to the columns.
      if (back.step === 'preview' && isApiError(e) && e.issues.some((i) => i.path.startsWith('map'))) {
        const csv = back.report.csv;
        if (csv) {
          setStep({ step: 'mapping', csv });
          return;
        }
      }
      setStep(back);
    } finally {
      if (current.current === controller) current.current = null;
    }
  }

  function cancelUpload() {
    current.current?.abort();
  }

  const fieldErrors = useMemo(
    () =>
      toFieldErrors(
        error,
        (p) => p === 'file' || p === 'addressBook' || (rows !== null && mappingIssueTarget(p, rows) !== null),
      ),
    [error, rows],
  );
  const rowErrors = useMemo(() => {
    const out = new Map<number, { target?: string; label?: string }>();
    if (!rows) return out;
    for (const [path, message] of fieldErrors.byPath) {
      const at = mappingIssueTarget(path, rows);
      if (at) out.set(at.index, { ...out.get(at.index), [at.part]: message });
    }
    return out;
  }, [fieldErrors, rows]);
  const fileError = fieldErrors.byPath.get('file');
  const general = fieldErrors.general;
  const fileName = file?.name ?? '';
  const alert = laterStepAlert(error, general, fileName);

  return (
    <>
      <PageHeader
        title="Import"
        subtitle="Bring people in from LinkedIn, your phone or another address book. Nothing is stored until you have seen the preview."
      />
      <ImportSubnav />
      <div hidden={step.step !== 'pick'}>
        <FileStep
          key={pickKey}
          file={file}
          kind={kind}
          fileError={
            isApiError(error) && error.code === 'too_large'
              ? tooLargeText(error.details, file?.size)
              : fileError
          }
          generalError={step.step === 'pick' ? general : null}
          onFile={(f, k) => {
            setFile(f);
            setKind(k);
            setRows(null);
            setAddressBook(false);
            setError(null);
          }}
          onKind={(k) => {
            setKind(k);
            setRows(null);
          }}
          onSubmit={() => void run('preview', null, { step: 'pick' })}
        />
      </div>

      {step.step === 'busy' ? (
        <UploadProgress
          fileName={fileName}
          purpose={step.purpose}
          progress={step.progress}
          onCancel={cancelUpload}
        />
      ) : null}

      {step.step === 'mapping' && rows ? (
        <MappingStep
          fileName={fileName}
          csv={step.csv}
          rows={rows}
          onChange={setRows}
          rowErrors={rowErrors}
          generalError={alert}
          onSubmit={() => void run('preview', rows, { step: 'mapping', csv: step.csv })}
          onCancel={reset}
        />
      ) : null}

      {step.step === 'preview' ? (
        <section aria-labelledby="import-preview-heading" className="card import-preview">
          <h2 id="import-preview-heading" tabIndex={-1} data-step-heading="">
            Preview of {step.report.fileName}
          </h2>
          <p>
            Read as {KIND_LABELS[step.report.kind]}
            {csvFormatWords(step.report.csv?.format)}. <strong>Nothing is stored yet:</strong> this is what
            importing would do.
          </p>
          <FormAlert message={alert} />
          <ImportReportBody report={step.report} />
          {addressBookPeople(step.report) > 0 ? (
            <AddressBookChoice
              people={addressBookPeople(step.report)}
              checked={addressBook}
              onChange={setAddressBook}
              error={fieldErrors.byPath.get('addressBook')}
            />
          ) : null}
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void run('commit', rows, step)}
            >
              Import
            </button>
            {step.report.kind === 'csv' && rows ? (
              <button
                type="button"
                className="button"
                onClick={() => step.report.csv && setStep({ step: 'mapping', csv: step.report.csv })}
              >
                Change column mapping
              </button>
            ) : null}
            <button type="button" className="button" onClick={reset}>
              Cancel
            </button>
          </div>
        </section>
      ) : null}

      {step.step === 'done' ? (
        <section aria-labelledby="import-done-heading" className="card import-done">
          <h2 id="import-done-heading" tabIndex={-1} data-step-heading="">
            Imported {step.report.fileName}
          </h2>
          <p className="alert alert--success" role="status">
            Done: {countsText(step.report.stats)}.
          </p>
          <ImportReportBody report={step.report} />
          <div className="form-actions form-actions--plain">
            {step.report.id ? (
              <Link className="button button--primary" to={`/imports/${step.report.id}`}>
                See it in the import history
              </Link>
            ) : null}
            <Link className="button" to="/contacts">
              Go to contacts
            </Link>
            <button type="button" className="button" onClick={reset}>
              Import another file
            </button>
          </div>
          <p className="muted">Changed your mind? The import history can undo the whole import.</p>
        </section>
      ) : null}
    </>
  );
}
