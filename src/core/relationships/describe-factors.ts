import type { Factor } from './strength';

const LABELS: Record<Factor['kind'], string> = {
  face: 'time together in person',
  voice: 'calls and video calls',
  reciprocated: 'messages both ways',
  'one-way': 'messages that went one way only',
  favours: 'favours exchanged',
  duration: 'a long-standing relationship',
  floor: 'your own closeness rating',
};

/** The factors behind a score in plain words, largest first ("time together in person: +41"). */
export function describeFactors(factors: Factor[]): (Factor & { text: string })[] {
  return factors.map((f) => ({
    ...f,
    text: f.kind === 'floor' ? `${LABELS.floor} keeps it at ${f.points}` : `${LABELS[f.kind]}: +${f.points}`,
  }));
}
