const NUL = '\u0000';

/**
 * `value` with every NUL character taken out of its text (strings, and the strings inside arrays and plain objects,
 * keys included); the very same value when it held none. A file may hold NUL (a stray byte, a quoted-printable
 * `=00`) though no real text does, and PostgreSQL cannot store it in text.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return (value.includes(NUL) ? value.replaceAll(NUL, '') : value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const x: unknown = value[i];
      const y = withoutNul(x);
      if (y === x) continue;
      out ??= [...value];
      out[i] = y;
    }
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value);
    let out: Record<string, unknown> | undefined;
    for (const [k, x] of entries) {
      const key = withoutNul(k);
      const y = withoutNul(x);
      if (key === k && y === x) continue;
      const copy: Record<string, unknown> = out ?? Object.fromEntries(entries);
      delete copy[k];
      copy[key] = y;
      out = copy;
    }
    return (out ?? value) as T;
  }
  return value;
}
