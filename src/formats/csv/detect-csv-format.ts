import { canonicaliseOutlookHeaders } from './outlook-header-names';

export type CsvFormat =
  | 'google'
  | 'google-legacy'
  | 'outlook'
  | 'outlook-com'
  | 'google-outlook'
  | 'thunderbird'
  | 'linkedin-connections'
  | 'generic';

export const CSV_FORMATS: readonly CsvFormat[] = [
  'google',
  'google-legacy',
  'outlook',
  'outlook-com',
  'google-outlook',
  'thunderbird',
  'linkedin-connections',
  'generic',
];

const GOOGLE_GROUP_LABEL = /^(e-mail|phone|address|website|event|relation|custom field|im) \d+ - label$/;
const GOOGLE_GROUP_TYPE =
  /^(e-mail|phone|address|website|event|relation|custom field|im|organization) \d+ - type$/;

/**
 * Which export a header row comes from, by the set of its names (order and case do not matter; Outlook's
 * localised names are read through their English equivalents). `generic` when nothing fits: such a file needs
 * a column mapping.
 */
export function detectCsvFormat(headers: string[]): CsvFormat {
  const h = new Set(headers.map((name) => name.trim().toLowerCase()));
  const has = (name: string) => h.has(name);
  if (
    has('first name') &&
    (has('labels') ||
      has('file as') ||
      has('phonetic first name') ||
      has('organization name') ||
      [...h].some((n) => GOOGLE_GROUP_LABEL.test(n)))
  ) {
    return 'google';
  }
  if (has('first name') && has('connected on')) return 'linkedin-connections';
  if (
    has('given name') &&
    (has('family name') || has('group membership') || [...h].some((n) => GOOGLE_GROUP_TYPE.test(n)))
  ) {
    return 'google-legacy';
  }
  if (
    has('primary email') ||
    (has('display name') && has('secondary email')) ||
    (has('first name') && has('web page 1'))
  ) {
    return 'thunderbird';
  }
  const o = new Set(canonicaliseOutlookHeaders(headers).names.map((name) => name.toLowerCase()));
  const hasO = (name: string) => o.has(name);
  if (hasO('e-mail type') || hasO('e-mail display name')) return 'outlook';
  const named = hasO('first name') || hasO('last name');
  if (
    named &&
    (hasO('given yomi') ||
      hasO('surname yomi') ||
      hasO('imaddress') ||
      hasO('personal web page') ||
      hasO('schools'))
  ) {
    return 'outlook-com';
  }
  // Google's Outlook CSV: no e-mail type columns, but formatted "Home Address" cells and Categories.
  const googleMarks = [
    'home address',
    'business address',
    'other address',
    'categories',
    'internet free busy',
    'initials',
  ];
  if (named && hasO('e-mail address') && googleMarks.some(hasO)) return 'google-outlook';
  if (
    named &&
    (hasO('e-mail address') || hasO('mobile phone') || hasO('business phone')) &&
    (hasO('job title') || hasO('company'))
  ) {
    return 'outlook';
  }
  return 'generic';
}
