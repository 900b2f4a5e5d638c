import { type Kysely, sql } from 'kysely';
import { channelKey } from '../../contacts/channels';

// A phone's matching key now keeps its extension (`+12125550100;ext=42`): two lines behind one switchboard are two
// numbers to imports, merges and the duplicates view. Keys are worked out again by today's rule in the owner's
// phone country, like migration 0023 writes today's search docs; only numbers read with an extension change.
// Search words stay as they are (the digits of a key without its extension).

const READ = 5000;
const WRITE = 500;

// Where an extension can be written: `ext. 42`, `x42`, `#42`, `;ext=42`, `,,42` (a pause before it).
const MAY_HAVE_EXTENSION = ['%x%', '%X%', '%#%', '%;%', '%,%'];

interface Row {
  id: string;
  value: string;
  value_norm: string | null;
  phone_region: string | null;
}

async function rekey(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows = (await db
      .selectFrom('contact_channels as ch')
      .leftJoin('account_settings as s', 's.account_id', 'ch.owner_id')
      .select(['ch.id', 'ch.value', 'ch.value_norm', 's.phone_region'])
      .where('ch.kind', '=', 'phone')
      .where('ch.id', '>', after)
      .where((eb) => eb.or(MAY_HAVE_EXTENSION.map((p) => eb('ch.value', 'like', p))))
      .orderBy('ch.id')
      .limit(READ)
      .execute()) as Row[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.id ?? after;
    const changed = rows.flatMap((r) => {
      const key = channelKey('phone', r.value, r.phone_region);
      return key === r.value_norm ? [] : [{ id: r.id, key }];
    });
    for (let i = 0; i < changed.length; i += WRITE) {
      const values = sql.join(changed.slice(i, i + WRITE).map((c) => sql`(${c.id}, ${c.key})`));
      await sql`WITH k(id, key) AS (VALUES ${values})
        UPDATE contact_channels SET value_norm = k.key FROM k WHERE contact_channels.id = k.id`.execute(db);
    }
  }
}

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  if (db.isTransaction) await rekey(db);
  else await db.transaction().execute(rekey);
}

export async function down(): Promise<void> {
  // Keys with an extension match nothing the older code makes, so its imports may add a number as new; nothing
  // breaks. Changing the phone country (`rekeyPhones`) writes them in the older form again.
}
