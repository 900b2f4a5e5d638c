import { useId } from 'react';
import type { UploadPhase } from '../../api/upload';
import { formatSize } from '../../ui/format';

/**
 * The upload's progress bar (bytes sent), then an indeterminate bar while the server reads, matches and (when
 * committing) stores the file. Cancel aborts the request; nothing is stored by a cancelled upload.
 */
export function UploadProgress({
  fileName,
  purpose,
  progress,
  onCancel,
}: {
  fileName: string;
  purpose: 'preview' | 'commit';
  progress: UploadPhase;
  onCancel: () => void;
}) {
  const id = useId();
  const sending = progress.phase === 'sending';
  const percent =
    progress.phase === 'sending' && progress.total > 0
      ? Math.min(100, Math.round((progress.loaded / progress.total) * 100))
      : 0;
  const label = sending
    ? `Uploading ${fileName}`
    : purpose === 'preview'
      ? 'Processing: reading the file and matching it against your contacts…'
      : 'Processing: importing into your rolodex…';
  return (
    <section aria-labelledby={`${id}-heading`} className="card upload">
      <h2 id={`${id}-heading`} tabIndex={-1} data-step-heading="">
        {purpose === 'preview' ? 'Preparing the preview' : 'Importing'}
      </h2>
      <p role="status" className="upload__status">
        {sending ? `Uploading ${fileName}…` : label}
      </p>
      <div className="upload__bar">
        <label htmlFor={`${id}-bar`} className="visually-hidden">
          {label}
        </label>
        {progress.phase === 'sending' ? (
          <progress id={`${id}-bar`} max={100} value={percent}>
            {percent}%
          </progress>
        ) : (
          <progress id={`${id}-bar`} className="progress--indeterminate" />
        )}
        <span className="upload__figure" aria-hidden="true">
          {progress.phase === 'sending' ? `${percent}% of ${formatSize(progress.total)}` : 'Processing…'}
        </span>
      </div>
      <div className="form-actions form-actions--plain">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
