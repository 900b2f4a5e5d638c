/** Deterministic synthetic people for benchmarks: varied names (with accents), organisations, titles, emails. */
const GIVEN = [
  'Ada',
  'Élodie',
  'Chen',
  'Grace',
  'Alan',
  'Zoë',
  'Mateo',
  'Aisha',
  'Kenji',
  'Ingrid',
  'Björn',
  'Priya',
  'Olu',
  'Sofía',
  'Liam',
  'Nadia',
  'Tomás',
  'Yuki',
  'Fatima',
  'Erik',
  'Amara',
  'Luca',
  'Hana',
  'Omar',
  'Clara',
  'Jonas',
  'Mei',
  'Rafael',
  'Anouk',
  'Dmitri',
];
const FAMILY = [
  'Lovelace',
  'Müller',
  'Wei',
  'Hopper',
  'Turing',
  'Okafor',
  'García',
  'Khan',
  'Tanaka',
  'Larsen',
  'Novak',
  'Patel',
  'Silva',
  'Dubois',
  'Rossi',
  'Kowalski',
  'Nguyen',
  'Haddad',
  'O’Brien',
  'Schmidt',
  'Andersson',
  'Costa',
  'Fischer',
  'Moreau',
  'Ivanova',
  'Jensen',
  'Mendes',
  'Zhang',
  'Ahmed',
  'Bianchi',
];
const ORGS = [
  'Acme Logistics',
  'Initech',
  'Globex',
  'Société Générale',
  'Umbrella Health',
  'Stark Industries',
  'Wayne Enterprises',
  'Hooli',
  'Pied Piper',
  'Vandelay Import',
  'Cyberdyne',
  'Tyrell Corp',
  'Soylent',
  'Wonka Foods',
  'Gringotts',
];
const TITLES = [
  'Head of Supply Chain',
  'CFO',
  'Professor',
  'Account Executive',
  'Founder',
  'Product Manager',
  'Engineer',
  'Recruiter',
  'Partner',
  'Analyst',
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface SyntheticPerson {
  givenName: string;
  familyName: string;
  displayName: string;
  organisation: string;
  title: string;
  email: string;
  notes: string;
}

export function syntheticPeople(n: number, seed = 42): SyntheticPerson[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const givenName = pick(GIVEN);
    // A numeric suffix on some family names makes the 30k names mostly distinct, as real rolodexes are.
    const familyName = `${pick(FAMILY)}${i % 3 === 0 ? '' : `-${Math.floor(r() * 900 + 100)}`}`;
    return {
      givenName,
      familyName,
      displayName: `${givenName} ${familyName}`,
      organisation: pick(ORGS),
      title: pick(TITLES),
      email: `${givenName}.${familyName}.${i}@example.com`
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^\x20-\x7e]/g, ''),
      notes: r() < 0.2 ? 'Met at the logistics summit; interested in guest lectures' : '',
    };
  });
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export function time<T>(fn: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const v = fn();
  return [v, Number(process.hrtime.bigint() - t) / 1e6];
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const v = await fn();
  return [v, Number(process.hrtime.bigint() - t) / 1e6];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** A LinkedIn Connections.csv of `n` rows with every quirk of a real one (preamble, quotes, hidden profiles). */
export function syntheticConnectionsCsv(n: number): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  const newest = Date.UTC(2026, 10, 25);
  syntheticPeople(n).forEach((p, i) => {
    // Newest first, as LinkedIn sorts it: 30,000 connections over ~15 years, a few per day.
    const day = new Date(newest - Math.floor(i / 5.5) * 86_400_000);
    const date = `${String(day.getUTCDate()).padStart(2, '0')} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
    if (i % 500 === 499) {
      lines.push(`,,,,,,${date}`); // a hidden profile
      return;
    }
    const slug = `${p.givenName}-${p.familyName}-${i.toString(36)}`
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9-]/g, '');
    lines.push(
      [
        p.givenName,
        i % 7 === 0 ? `${p.familyName}, MBA` : p.familyName,
        `https://www.linkedin.com/in/${slug}${i % 10 === 0 ? '/' : ''}`,
        i % 4 === 0 ? p.email : '',
        i % 5 === 0 ? `${p.organisation}, Inc.` : p.organisation,
        i % 11 === 0 ? `${p.title} "Platform"` : p.title,
        date,
      ]
        .map(quote)
        .join(','),
    );
  });
  return lines.join('\n'); // no newline after the last row, as LinkedIn writes it
}
