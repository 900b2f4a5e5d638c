import type { ImportKind } from '../../api/types';

/** What the file's name says about how to read it. */
export interface KindGuess {
  /** The kind to preselect (null: the user must choose). */
  kind: ImportKind | null;
  /** The kinds worth offering when the name alone does not settle it (empty: no question to ask). */
  choices: ImportKind[];
}

export const KIND_LABELS: Record<ImportKind, string> = {
  linkedin: 'LinkedIn export',
  vcard: 'vCard',
  csv: 'Contacts CSV',
};

/** How a CSV was recognised, in words ("Read as Contacts CSV, from Outlook"); nothing for a file read by mapping. */
export function csvFormatWords(format: string | undefined): string {
  const words: Record<string, string> = {
    google: 'from Google Contacts',
    'google-legacy': 'from Google Contacts (older format)',
    'google-outlook': "from Google Contacts (Outlook's format)",
    outlook: 'from Outlook',
    'outlook-com': 'from Outlook.com',
    thunderbird: 'from Thunderbird',
    'linkedin-connections': 'from its Connections.csv',
  };
  const w = format ? words[format] : undefined;
  return w ? `, ${w}` : '';
}

/**
 * `.zip` is a LinkedIn data export, `.vcf`/`.vcard` a vCard file; a `.csv` may be LinkedIn's Connections.csv
 * or an address-book CSV (Google, Outlook…): ask, preselecting LinkedIn when the name says "connections" (or is
 * LinkedIn's ImportedContacts.csv).
 * Anything else: ask among all three.
 */
export function guessKind(fileName: string): KindGuess {
  const name = fileName.trim().toLowerCase();
  const ext = /\.([a-z0-9]+)$/.exec(name)?.[1] ?? '';
  switch (ext) {
    case 'zip':
      return { kind: 'linkedin', choices: [] };
    case 'vcf':
    case 'vcard':
      return { kind: 'vcard', choices: [] };
    case 'csv':
    case 'txt':
    case 'tsv':
      return {
        kind: /connections|imported[\s_-]?contacts/.test(name) ? 'linkedin' : 'csv',
        choices: ['linkedin', 'csv'],
      };
    default:
      return { kind: null, choices: ['linkedin', 'vcard', 'csv'] };
  }
}
