/**
 * How many favours went each way, and, when sizes make it differ, what the balance weighs: "1 given, 1 received
 * (by size 1 to 3)". A bare weighted total read as a count ("received 3" after one large favour).
 */
export function favourTally(f: {
  given: number;
  received: number;
  givenCount: number;
  receivedCount: number;
}): string {
  const counts = `${f.givenCount} given, ${f.receivedCount} received`;
  return f.given === f.givenCount && f.received === f.receivedCount
    ? counts
    : `${counts} (by size ${f.given} to ${f.received})`;
}
