/**
 * The countries whose numbers libphonenumber (on the server) can read, as ISO 3166-1 alpha-2 codes. Kept here as
 * plain codes so its metadata stays out of the web app; a test keeps the list equal to the library's. Left out:
 * AC and TA, which ISO only reserves (they are part of Saint Helena, SH). XK (Kosovo) is user-assigned in ISO but
 * is how every system names a country with its own calling code (+383), so it stays.
 */
export const PHONE_REGIONS =
  'AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'.split(
    ' ',
  );

/**
 * Each of those countries once, named in the browser's language and sorted by name; one the browser cannot name
 * shows as its code. (Asking the browser to name every two-letter code instead listed old codes such as DD and YU
 * under today's names, and test locales such as XA "Pseudo-Accents".)
 */
export function phoneRegionOptions(locale?: string): { code: string; name: string }[] {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' });
  } catch {
    names = undefined;
  }
  return PHONE_REGIONS.map((code) => ({ code, name: names?.of(code) ?? code })).sort((x, y) =>
    x.name.localeCompare(y.name),
  );
}
