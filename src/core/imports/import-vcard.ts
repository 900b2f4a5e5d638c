import type { ImportedPerson, ParseIssue } from '../../formats/model';
import { parseVCardStream } from '../../formats/vcard';
import type { Ctx } from '../context';
import type { ImportReport } from './import-report';
import { type ProgressListener, runImport } from './run-import';

export type ByteSource = Uint8Array | AsyncIterable<Uint8Array>;

/** Passes bytes through while reporting how many have been read (`total`: the file size, when known). */
export async function* countingBytes(
  source: ByteSource,
  total: number,
  onProgress?: ProgressListener,
): AsyncGenerator<Uint8Array> {
  let done = 0;
  for await (const chunk of source instanceof Uint8Array ? [source] : source) {
    done += chunk.byteLength;
    onProgress?.({ phase: 'reading', done, total: Math.max(total, done) });
    yield chunk;
  }
}

/**
 * Imports a vCard file (2.1, 3.0 or 4.0, one or many cards), read as a stream so a large file with photos is never
 * held twice. Each card keeps its raw text, so properties Rapport does not model survive a later export.
 */
export async function importVcard(
  ctx: Ctx,
  input: {
    source: ByteSource;
    fileName: string;
    dryRun: boolean;
    size?: number;
    onProgress?: ProgressListener;
  },
): Promise<ImportReport> {
  const people: ImportedPerson[] = [];
  const issues: ParseIssue[] = [];
  const source = countingBytes(input.source, input.size ?? 0, input.onProgress);
  for await (const event of parseVCardStream(source, { file: input.fileName })) {
    if (event.kind === 'record') people.push(event.record);
    else issues.push(event.issue);
  }
  return runImport(ctx, {
    kind: 'vcard',
    fileName: input.fileName,
    people,
    issues,
    dryRun: input.dryRun,
    onProgress: input.onProgress,
    refuseEmpty: true,
  });
}
