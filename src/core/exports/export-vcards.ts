import { iterateVCards, type VCardVersion } from '../../formats/vcard';
import type { Ctx } from '../context';
import { type ExportOptions, readContactsForExport, shownExtra } from './read-contacts-for-export';

/**
 * The actor's contacts as a vCard file (3.0 by default, what phones and CardDAV speak; or 4.0), produced card by
 * card for streaming. Cards imported from a vCard keep the properties Rapport does not model. `onProgress`:
 * contacts written, per page.
 */
export async function* exportVcards(
  ctx: Ctx,
  version: VCardVersion = '3.0',
  opts: ExportOptions = {},
): AsyncGenerator<string> {
  for await (const page of readContactsForExport(ctx, opts)) {
    yield* iterateVCards(page, { version, shownExtra });
  }
}
