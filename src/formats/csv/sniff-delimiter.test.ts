import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from './sniff-delimiter';

describe('sniffDelimiter', () => {
  it('picks the delimiter of the first record, ignoring ones inside quotes', () => {
    expect(sniffDelimiter('First Name,Last Name,E-mail 1 - Value\n')).toBe(',');
    expect(sniffDelimiter('"Vorname";"Nachname";"Firma, Ort"\r\n"a";"b";"c"')).toBe(';');
    expect(sniffDelimiter('"Name, First";"Name, Last";"x"\n')).toBe(';');
    expect(sniffDelimiter('a\tb\tc,d\n')).toBe('\t');
  });
  it('looks past a quoted newline in the header and falls back to a comma', () => {
    expect(sniffDelimiter('"multi\nline";"x";"y"\n')).toBe(';');
    expect(sniffDelimiter('Notes:\nFirst Name,Last Name')).toBe(',');
    expect(sniffDelimiter('')).toBe(',');
  });
});
