import type { z } from 'zod';
import { apiTokenInput } from '../../contracts/auth';
import { addDays } from '../clock';
import { type Ctx, nowIso, requireActor } from '../context';
import { randomSecret } from '../ids';
import { validate } from '../validate';
import { API_TOKEN_PREFIX, hashSecret } from './account';
import { insertApiToken } from './api-token.queries';
import { toApiToken } from './list-api-tokens';

/** Creates an API token for scripts and the CLI. The secret is returned once and stored only hashed. */
export async function createApiToken(ctx: Ctx, input: z.input<typeof apiTokenInput>) {
  const accountId = requireActor(ctx);
  const data = validate(apiTokenInput, input);
  const token = `${API_TOKEN_PREFIX}${randomSecret()}`;
  const row = {
    id: ctx.ids.next(),
    account_id: accountId,
    name: data.name,
    token_hash: hashSecret(token),
    token_prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    scope: data.scope,
    created_at: nowIso(ctx),
    last_used_at: null,
    expires_at: data.expiresInDays ? addDays(ctx.clock.now(), data.expiresInDays).toISOString() : null,
    revoked_at: null,
  };
  await insertApiToken(ctx.db, row);
  return { ...toApiToken(row), token };
}
