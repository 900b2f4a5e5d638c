import type { Relationship } from '../../contracts/relationships';
import { findContact } from '../contacts/contact.queries';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { describeFactors } from './describe-factors';
import { describeHistory } from './describe-history';
import {
  cadenceInputs,
  favourTotals,
  lastContactOf,
  loggedActivityOf,
  statesOf,
} from './relationship.queries';
import { DEFAULT_SETTINGS, effectiveCadence, toStrengthState } from './relationship-state';
import { ACTIVITY_KINDS, sharesAt, strengthAt } from './strength';

const ACTIVITY = new Set<string>(ACTIVITY_KINDS);

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
  const now = ctx.clock.now().getTime();
  const state = toStrengthState(row);
  const strength = strengthAt(state, now, settings.closeness);
  const f = favours.get(contactId) ?? { given: 0, received: 0, givenCount: 0, receivedCount: 0 };
  const last = row?.last_at ? await lastContactOf(ctx.db, ownerId, contactId, row.last_at) : null;
  let factors = describeFactors(strength.factors);
  // A score of about 0 beside a list of interactions needs its reason: what is logged, and why it adds so little.
  if (!strength.factors.some((x) => ACTIVITY.has(x.kind)) && (row?.last_at || f.given + f.received > 0)) {
    const history = await loggedActivityOf(ctx.db, ownerId, contactId);
    factors = [...factors, ...describeHistory(history, sharesAt(state, now), now)].sort(
      (a, b) => b.points - a.points,
    );
  }
  return {
    contactId,
    score: strength.score,
    tier: strength.tier,
    factors,
    closeness: settings.closeness,
    lastContactAt: row?.last_at ?? null,
    lastContactDateOnly: last?.dateOnly ?? false,
    lastContactKind: last?.kind ?? null,
    cadence: effectiveCadence(settings, inputs.get(contactId), strength.tier),
    nextDue: row?.next_due ?? null,
    favours: {
      given: f.given,
      received: f.received,
      balance: f.given - f.received,
      givenCount: f.givenCount,
      receivedCount: f.receivedCount,
    },
  };
}
