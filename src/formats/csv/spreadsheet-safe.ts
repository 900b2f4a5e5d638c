/**
 * CSV cells a spreadsheet would run as a formula (OWASP "CSV injection"): names, titles and notes come from other
 * people (a LinkedIn headline of `=HYPERLINK(…)`), and Excel or LibreOffice opening an export must show them as
 * text. Such a cell gets a leading `'`, which spreadsheets read as "text follows"; `fromSpreadsheetSafe` takes it
 * off again when the file comes back. Phone numbers and plain numbers (`+44 20 7946 0000`, `-5`) are left alone.
 */
const FORMULA_START = /^[=@\t\r]/;
const SIGNED = /^[+-]/;
const NUMBER_LIKE = /^[+-][\d\s().\-+/*#,;]*(?:(?:ext\.?|x|p|w)\s*[\d\s]*)?$/i;

export function spreadsheetSafe(value: string): string {
  const formula = FORMULA_START.test(value) || (SIGNED.test(value) && !NUMBER_LIKE.test(value));
  // A value that already looks guarded gets one more quote, so that reading it back gives it as it was.
  return formula || guarded(value) ? `'${value}` : value;
}

/** The value `spreadsheetSafe` was given: a leading `'` before a formula character is taken off. */
export function fromSpreadsheetSafe(value: string): string {
  return guarded(value) ? value.slice(1) : value;
}

// Quotes before a formula or sign character: what spreadsheetSafe adds one of.
const GUARDED = /^'+[=@\t\r+-]/;
const guarded = (value: string) => GUARDED.test(value);
