import type { Kysely } from 'kysely';
import { up as rewriteSearchDocs } from './0023-search-joined-words-and-phones';

// Search docs now hold umlauts spelt out ("mueller"), dotless i folded, the parts and joins of unspaced CJK names
// and the nickname (docs/adr/0027-names-from-every-script.md): every stored doc is written again with today's
// `searchDoc`, as 0023 does, so a contact stored before finds as one created today (only docs that differ are
// written).
export async function up(db: Kysely<any>): Promise<void> {
  await rewriteSearchDocs(db);
}

export async function down(): Promise<void> {
  // The extra words find more and break nothing: the code before this migration searches them as any word.
}
