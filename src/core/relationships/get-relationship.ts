import type { Relationship } from '../../contracts/relationships';
import { findContact } from '../contacts/contact.queries';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { describeFactors } from './describe-factors';
import { cadenceInputs, favourTotals, statesOf } from './relationship.queries';
import { DEFAULT_SETTINGS, effectiveCadence, toStrengthState } from './relationship-state';
import { strengthAt } from './strength';

/** How strong the actor's relationship with a contact is now, why, and when keeping in touch is due. */
export async function getRelationship(ctx: Ctx, contactId: string): Promise<Relationship> {
  const ownerId = requireActor(ctx);
  if (!(await findContact(ctx.db, ownerId, contactId))) throw notFound('contact');
  const [states, inputs, favours] = await Promise.all([
    statesOf(ctx.db, ownerId, [contactId]),
    cadenceInputs(ctx.db, ownerId, [contactId]),
    favourTotals(ctx.db, ownerId, [contactId]),
  ]);
  const row = states.get(contactId);
  const settings = row ?? DEFAULT_SETTINGS;
  const strength = strengthAt(toStrengthState(row), ctx.clock.now().getTime(), settings.closeness);
  const f = favours.get(contactId) ?? { given: 0, received: 0 };
  return {
    contactId,
    score: strength.score,
    tier: strength.tier,
    factors: describeFactors(strength.factors),
    closeness: settings.closeness,
    lastContactAt: row?.last_at ?? null,
    cadence: effectiveCadence(settings, inputs.get(contactId), strength.tier),
    nextDue: row?.next_due ?? null,
    favours: { given: f.given, received: f.received, balance: f.given - f.received },
  };
}
