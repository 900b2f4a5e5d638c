import type { ApiToken } from '../../contracts/auth';
import { type Ctx, nowIso, requireActor } from '../context';
import type { ApiTokenTable } from '../db/schema';
import { listLiveApiTokens } from './api-token.queries';

export function toApiToken(row: ApiTokenTable): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    scope: row.scope,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
  };
}

/** The actor's usable tokens (never their secrets). */
export async function listApiTokens(ctx: Ctx): Promise<ApiToken[]> {
  return (await listLiveApiTokens(ctx.db, requireActor(ctx), nowIso(ctx))).map(toApiToken);
}
