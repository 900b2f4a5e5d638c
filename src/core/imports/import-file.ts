import type { Ctx } from '../context';
import type { ImportKind } from '../db/schema';
import type { ImportReport } from './import-report';
import { type ByteSource, importVcard } from './import-vcard';
import type { ProgressListener } from './run-import';

export interface ImportFileInput {
  kind: ImportKind;
  source: ByteSource;
  fileName: string;
  dryRun: boolean;
  /** CSV only: `Column=field,…` (formats/csv column mapping syntax). */
  map?: string;
  /** The file size in bytes when known (for progress). */
  size?: number;
  onProgress?: ProgressListener;
}

/** Imports one uploaded file of the given kind (the API and the web app's upload go through here). */
export async function importFile(ctx: Ctx, input: ImportFileInput): Promise<ImportReport> {
  switch (input.kind) {
    case 'vcard':
      return importVcard(ctx, input);
    case 'csv':
    case 'linkedin':
      throw new Error(`${input.kind} import is wired in the next change`);
  }
}
