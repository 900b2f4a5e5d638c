import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { repairMojibake } from './repair-mojibake';

/** What a UTF-8 string looks like after its bytes were read as windows-1252 once too often. */
const garble = (s: string) => iconv.decode(Buffer.from(s, 'utf-8'), 'windows-1252');

describe('repairMojibake', () => {
  it('repairs double-encoded UTF-8', () => {
    expect(repairMojibake('Ã‰lodie')).toBe('Élodie');
    expect(repairMojibake('Itâ€™s MÃ¼ller')).toBe('It’s Müller');
  });
  it('leaves clean text and mixed text alone', () => {
    expect(repairMojibake('Élodie Müller – “ok”')).toBe('Élodie Müller – “ok”');
    expect(repairMojibake('Ã©tÃ© vs été')).toBe('Ã©tÃ© vs été');
    expect(repairMojibake('漢字 and Ã©')).toBe('漢字 and Ã©');
  });
  it('undoes any garbling of Latin text whose bytes all map in windows-1252', () => {
    const latin = fc.string({ unit: fc.constantFrom(...'aéüßÉ’“”–€ ,.ÀÖçñ'.split('')), maxLength: 30 });
    fc.assert(
      fc.property(latin, (s) => {
        const garbled = garble(s);
        // Bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D have no windows-1252 character: iconv shows them as U+FFFD.
        fc.pre(!garbled.includes('\ufffd'));
        expect(repairMojibake(garbled)).toBe(s);
      }),
    );
  });
});
