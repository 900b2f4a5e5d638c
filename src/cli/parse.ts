import { InvalidArgumentError } from 'commander';

/** Option parser for a whole number in [min, max]; anything else is a usage error (exit 2). */
export function integer(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    }
    return n;
  };
}

/** Repeatable option: `--tag a --tag b` gives ['a', 'b']; never given stays undefined so "edit" can tell. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Repeatable `--field key=value`; `--field ''` alone gives {} (clears the custom fields on edit). */
export function collectField(
  value: string,
  previous: Record<string, string> | undefined,
): Record<string, string> {
  const out = { ...previous };
  if (value === '') return out;
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError('must be key=value');
  out[value.slice(0, eq).trim()] = value.slice(eq + 1);
  return out;
}
