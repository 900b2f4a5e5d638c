import type { Ctx } from '../context';
import type { ImportKind } from '../db/schema';
import { importCsv } from './import-csv';
import { importLinkedin } from './import-linkedin';
import type { ImportReport } from './import-report';
import { type ByteSource, countingBytes, importVcard } from './import-vcard';
import type { ProgressListener } from './run-import';

export interface ImportFileInput {
  kind: ImportKind;
  source: ByteSource;
  fileName: string;
  dryRun: boolean;
  /** CSV only: `Column=field,…` (formats/csv column mapping syntax). */
  map?: string;
  /** LinkedIn only: also import the address books the owner uploaded to LinkedIn (import-linkedin.ts). */
  addressBook?: boolean;
  /** The file size in bytes when known (for progress). */
  size?: number;
  onProgress?: ProgressListener;
}

/** Imports one uploaded file of the given kind (the API and the web app's upload go through here). */
export async function importFile(ctx: Ctx, input: ImportFileInput): Promise<ImportReport> {
  switch (input.kind) {
    case 'vcard':
      return importVcard(ctx, input);
    case 'linkedin':
      return importLinkedin(ctx, {
        source: { name: input.fileName, bytes: await readAll(input.source, input.size, input.onProgress) },
        dryRun: input.dryRun,
        addressBook: input.addressBook,
        onProgress: input.onProgress,
      });
    case 'csv':
      return importCsv(ctx, input);
  }
}

/** The whole upload as bytes (a zip must be read whole to find its central directory). */
async function readAll(source: ByteSource, total = 0, onProgress?: ProgressListener): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of countingBytes(source, total, onProgress)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
