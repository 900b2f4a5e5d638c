import { iterateVCards, type VCardVersion } from '../../formats/vcard';
import type { Ctx } from '../context';
import { readContactsForExport } from './read-contacts-for-export';

/**
 * The actor's contacts as a vCard file (3.0 by default, what phones and CardDAV speak; or 4.0), produced card by
 * card for streaming. Cards imported from a vCard keep the properties Rapport does not model.
 */
export async function* exportVcards(ctx: Ctx, version: VCardVersion = '3.0'): AsyncGenerator<string> {
  for await (const page of readContactsForExport(ctx)) {
    yield* iterateVCards(page, { version });
  }
}
