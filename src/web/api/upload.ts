import { ApiError, apiUrl, currentCsrfToken, errorFromResponse, NETWORK_ERROR_MESSAGE } from './client';

/** Where an upload is: sending bytes (with how many), then waiting while the server reads and stores them. */
export type UploadPhase = { phase: 'sending'; loaded: number; total: number } | { phase: 'processing' };

export interface UploadOptions {
  /** Multipart field name (default `file`). */
  field?: string;
  onProgress?: (p: UploadPhase) => void;
  signal?: AbortSignal;
}

/** A JSON answer with its status (imports answer 200 for a preview and 201 for a stored import). */
export interface UploadResult<T> {
  status: number;
  body: T;
}

/**
 * POSTs a file as multipart form data with XMLHttpRequest, the one browser API that reports upload progress.
 * Same contract as `api.post`: CSRF header, session cookie, `ApiError` on failure; an abort rejects with an
 * `AbortError` DOMException.
 */
export function uploadFile<T>(path: string, file: File, opts: UploadOptions = {}): Promise<UploadResult<T>> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append(opts.field ?? 'file', file, file.name);
    xhr.open('POST', apiUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);

    let processing = false;
    const toProcessing = () => {
      if (processing) return;
      processing = true;
      opts.onProgress?.({ phase: 'processing' });
    };
    xhr.upload.onprogress = (e) => {
      if (processing) return;
      const total = e.lengthComputable ? e.total : file.size;
      opts.onProgress?.({ phase: 'sending', loaded: e.loaded, total });
      if (e.lengthComputable && e.loaded >= e.total) toProcessing();
    };
    xhr.upload.onload = toProcessing;

    const onAbort = () => xhr.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => opts.signal?.removeEventListener('abort', onAbort);

    xhr.onload = () => {
      done();
      const text = xhr.responseText;
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve({ status: xhr.status, body: (text ? JSON.parse(text) : null) as T });
        } catch {
          reject(new ApiError(xhr.status, 'http_error', 'The server sent an answer the app cannot read.'));
        }
        return;
      }
      reject(errorFromResponse(xhr.status, xhr.statusText, text));
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError(0, 'network', NETWORK_ERROR_MESSAGE));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
    };
    opts.onProgress?.({ phase: 'sending', loaded: 0, total: file.size });
    xhr.send(form);
  });
}

export function isAbortError(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}
