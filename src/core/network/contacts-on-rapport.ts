import type { z } from 'zod';
import { type onRapport, onRapportQuery } from '../../contracts/network';
import { type Ctx, requireActor } from '../context';
import { validate } from '../validate';
import { accountsMatchingContacts, connectionLinksOf } from './account-match.queries';
import { connectionsWith } from './connection.queries';

/**
 * Which of the actor's contacts are on Rapport, and as which account: the one a connection links the contact to,
 * else the account with one of its emails (verified addresses only), else the single account whose own LinkedIn
 * export carries its LinkedIn URL. Only the account's id and name are told; contacts of others are ignored.
 */
export async function contactsOnRapport(
  ctx: Ctx,
  query: z.input<typeof onRapportQuery>,
): Promise<z.infer<typeof onRapport>> {
  const me = requireActor(ctx);
  const { contactIds } = validate(onRapportQuery, query);
  const linked = await connectionLinksOf(ctx.db, me, contactIds);
  const matched = await accountsMatchingContacts(
    ctx.db,
    me,
    contactIds.filter((id) => !linked.has(id)),
  );
  const found = [
    ...[...linked].map(([contactId, account]) => ({ contactId, account, match: 'connection' as const })),
    ...[...matched].map(([contactId, m]) => ({ contactId, account: m.account, match: m.match })),
  ];
  const rows = await connectionsWith(
    ctx.db,
    me,
    found.map((f) => f.account.id),
  );
  return {
    items: found
      .sort((a, b) => contactIds.indexOf(a.contactId) - contactIds.indexOf(b.contactId))
      .map((f) => {
        const row = rows.get(f.account.id);
        const status = !row
          ? null
          : row.status === 'accepted'
            ? ('accepted' as const)
            : row.requested_by === me
              ? row.status === 'declined'
                ? ('declined' as const)
                : ('outgoing' as const)
              : row.status === 'pending'
                ? ('incoming' as const)
                : null;
        return { ...f, connection: row && status ? { id: row.id, status } : null };
      }),
  };
}
