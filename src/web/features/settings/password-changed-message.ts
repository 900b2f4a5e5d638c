/**
 * What a password change did. API tokens outlive it by design (ADR 4: scripts and phones keep syncing), so the
 * message says so instead of promising that every device is signed out. `tokens` is undefined while unknown.
 */
export function passwordChangedMessage(tokens: number | undefined): string {
  const done = 'Password changed. Other browsers were signed out';
  if (tokens === undefined)
    return `${done}; any API tokens still work — revoke those you no longer trust under API tokens.`;
  if (tokens === 0) return `${done}.`;
  if (tokens === 1)
    return `${done}; your API token still works — revoke it under API tokens if you no longer trust it.`;
  return `${done}; your ${tokens} API tokens still work — revoke any you no longer trust under API tokens.`;
}
