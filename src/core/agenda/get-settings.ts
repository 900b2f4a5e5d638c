import { type Ctx, requireActor } from '../context';
import { digestDeliveryOf } from '../digest/digest-delivery';
import { settingsOf } from './agenda.queries';
import { toSettings } from './settings';

/**
 * The actor's agenda settings: Today's length, time zone, daily digest on/off and hour, and whether the digest can
 * arrive (mail configured on this server, how the last one went).
 */
export async function getSettings(ctx: Ctx) {
  const accountId = requireActor(ctx);
  return { ...toSettings(await settingsOf(ctx.db, accountId)), ...(await digestDeliveryOf(ctx, accountId)) };
}
