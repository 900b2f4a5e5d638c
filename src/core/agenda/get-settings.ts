import { type Ctx, requireActor } from '../context';
import { settingsOf } from './agenda.queries';
import { toSettings } from './settings';

/** The actor's agenda settings: Today's length, time zone, daily digest on/off and hour. */
export async function getSettings(ctx: Ctx) {
  return toSettings(await settingsOf(ctx.db, requireActor(ctx)));
}
