import type { ApiToken } from '../../api/types';

/** What Settings → API tokens sends to create one: expiry only when chosen, `read` scope when "Read-only" is ticked. */
export function apiTokenRequest(
  name: string,
  expires: string,
  readOnly: boolean,
): { name: string; expiresInDays?: number; scope: ApiToken['scope'] } {
  return { name, ...(expires ? { expiresInDays: Number(expires) } : {}), scope: readOnly ? 'read' : 'full' };
}

/** How the token list names a scope. */
export function scopeLabel(scope: ApiToken['scope']): string {
  return scope === 'read' ? 'Read-only' : 'Full access';
}
