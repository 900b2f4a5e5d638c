/** The IANA zones this browser knows (none when it cannot list them). */
function knownZones(): string[] {
  try {
    return (
      (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ??
      []
    );
  } catch {
    return [];
  }
}

/**
 * Every zone to offer, each once: the browser's list, led by UTC and the current zone when the list lacks them
 * (Chromium's has no "UTC", and an account in UTC was offered it twice).
 */
export function timeZones(current: string, known: readonly string[] = knownZones()): string[] {
  const zones = [...known];
  const seen = new Set(zones);
  for (const z of [current, 'UTC']) {
    if (!z || seen.has(z)) continue;
    seen.add(z);
    zones.unshift(z);
  }
  return zones;
}
