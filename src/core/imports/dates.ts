/** `YYYY-MM-DD` from a date or timestamp string already in ISO form; anything else is reported and dropped. */
export function isoDateOnly(value: string, onBad: (message: string) => void): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]))
      return `${m[1]}-${m[2]}-${m[3]}`;
  }
  onBad(`"${value}" is not a date; left out`);
  return undefined;
}
