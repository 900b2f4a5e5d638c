import { serializeContactCsv } from '../../formats/csv';
import type { ImportedPerson } from '../../formats/model';
import type { Ctx } from '../context';
import { RAPPORT_ID } from '../imports/imported-person';
import { type ExportOptions, readContactsForExport } from './read-contacts-for-export';

/**
 * The actor's contacts as one CSV in Google Contacts' format (what most tools import), with Rapport's extra
 * fields as Custom Field label/value pairs. The header depends on the most emails/phones/… any one contact has, so
 * the file is built whole. A photo goes out as its address, as Google writes it (`Photo`); image data, which a CSV
 * cannot carry, is left out. `onProgress`: contacts read, per page.
 */
export async function exportCsv(ctx: Ctx, opts: ExportOptions = {}): Promise<string> {
  const people: ImportedPerson[] = [];
  for await (const page of readContactsForExport(ctx, opts)) {
    // CSV has no UID: the id column lets a re-import find each contact again (core/imports/imported-person.ts).
    for (const p of page)
      people.push({
        ...p,
        // An address from Google's own CSV must survive its way back (FORMATS.md §2.1).
        photo: p.photo?.kind === 'url' ? p.photo : undefined,
        raw: undefined,
        extra: { ...p.extra, [RAPPORT_ID]: p.sourceKey ?? '' },
      });
  }
  return serializeContactCsv(people, { bom: true });
}
