import { type Ctx, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { revokeFeedToken as revoke } from './feed.queries';

/** Revokes one of the actor's calendar feeds (its URL answers 404 from now on); another account's is `not_found`. */
export async function revokeFeedToken(ctx: Ctx, id: string): Promise<void> {
  if ((await revoke(ctx.db, requireActor(ctx), id, nowIso(ctx))) === 0) throw notFound('feed');
}
