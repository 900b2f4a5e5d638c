/** One line for a postal address as the API answers it: the parts in reading order, or the address as printed. */
export function addressLine(a: Record<string, unknown>): string {
  const parts = ['poBox', 'extended', 'street', 'locality', 'region', 'postalCode', 'country']
    .map((k) => a[k])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (parts.length > 0) return parts.join(', ');
  return typeof a.formatted === 'string' ? a.formatted.replace(/\s*\n\s*/g, ', ') : '';
}
