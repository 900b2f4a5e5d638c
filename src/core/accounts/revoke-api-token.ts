import { type Ctx, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { revokeApiToken as revoke } from './api-token.queries';

/** Revokes one of the actor's tokens; another account's token answers `not_found`. */
export async function revokeApiToken(ctx: Ctx, id: string): Promise<void> {
  if ((await revoke(ctx.db, requireActor(ctx), id, nowIso(ctx))) === 0) throw notFound('token');
}
