import type { z } from 'zod';
import type { favourBalance } from '../../contracts/relationships';
import { type Ctx, requireActor } from '../context';
import { balanceByContact } from './favour.queries';

/**
 * Who I have helped and who has helped me: per person, favours given and received (weighted by size) and the
 * balance (positive: I gave more). People I owe most come first, then those I helped most.
 */
export async function getFavourBalance(ctx: Ctx): Promise<z.infer<typeof favourBalance>> {
  const rows = await balanceByContact(ctx.db, requireActor(ctx));
  const people = new Map<
    string,
    { contact: { id: string; displayName: string }; given: number; received: number }
  >();
  for (const r of rows) {
    const p = people.get(r.contact_id) ?? {
      contact: { id: r.contact_id, displayName: r.display_name },
      given: 0,
      received: 0,
    };
    p[r.direction] = Number(r.total);
    people.set(r.contact_id, p);
  }
  const list = [...people.values()].map((p) => ({ ...p, balance: p.given - p.received }));
  list.sort((a, b) => a.balance - b.balance || a.contact.displayName.localeCompare(b.contact.displayName));
  return {
    given: list.reduce((n, p) => n + p.given, 0),
    received: list.reduce((n, p) => n + p.received, 0),
    people: list,
  };
}
