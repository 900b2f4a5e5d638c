import type { ColumnMapping, ColumnTarget } from './column-mapping';

// Header words people use for each target, in English, German and French; compared without case, spaces,
// dashes, underscores and dots.
const SYNONYMS: [ColumnTarget, string[]][] = [
  ['givenName', ['firstname', 'givenname', 'first', 'forename', 'vorname', 'prenom', 'prénom']],
  ['familyName', ['lastname', 'surname', 'familyname', 'last', 'nachname', 'nom', 'nomdefamille']],
  ['additionalNames', ['middlename', 'middlenames', 'additionalname', 'weiterevornamen']],
  ['displayName', ['name', 'fullname', 'displayname', 'contact', 'contactname', 'anzeigename', 'nomcomplet']],
  ['nickname', ['nickname', 'nick', 'spitzname', 'surnom']],
  ['prefix', ['prefix', 'salutation', 'anrede', 'civilite', 'civilité']],
  ['suffix', ['suffix', 'suffixe']],
  [
    'organisation',
    [
      'company',
      'organisation',
      'organization',
      'org',
      'employer',
      'firma',
      'unternehmen',
      'societe',
      'société',
      'entreprise',
    ],
  ],
  ['department', ['department', 'abteilung', 'service']],
  ['title', ['title', 'jobtitle', 'position', 'role', 'funktion', 'fonction', 'poste']],
  ['email', ['email', 'emailaddress', 'mail', 'emails', 'emailadresse', 'courriel', 'adresseemail']],
  [
    'phone',
    [
      'phone',
      'telephone',
      'tel',
      'mobile',
      'cell',
      'phonenumber',
      'telefon',
      'handy',
      'mobiltelefon',
      'téléphone',
      'portable',
    ],
  ],
  ['url', ['url', 'website', 'web', 'homepage', 'linkedin', 'webseite', 'siteweb']],
  ['address', ['address', 'postaladdress', 'adresse', 'anschrift']],
  ['notes', ['notes', 'note', 'comment', 'comments', 'notizen', 'bemerkung', 'remarques']],
  ['tags', ['tags', 'labels', 'groups', 'categories', 'kategorien', 'catégories']],
  [
    'birthday',
    ['birthday', 'dateofbirth', 'dob', 'birthdate', 'geburtstag', 'anniversaire', 'datedenaissance'],
  ],
  ['connectedOn', ['connectedon', 'connected', 'metOn', 'since'].map((s) => s.toLowerCase())],
];

const squash = (s: string) => s.toLowerCase().replace(/[\s_.-]+/g, '');
const TARGET_BY_WORD = new Map<string, ColumnTarget>();
for (const [target, words] of SYNONYMS) for (const word of words) TARGET_BY_WORD.set(squash(word), target);

/** A first guess at a mapping from header names alone, for the mapping UI/CLI to show; unknown columns are left out. */
export function suggestColumnMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const target = TARGET_BY_WORD.get(squash(header));
    if (target && header.trim()) mapping[header.trim()] = target;
  }
  return mapping;
}
