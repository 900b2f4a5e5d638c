import { describe, expect, it } from 'vitest';
import { composeDate, isEmptyDateMarker, parseContactDate } from './parse-contact-date';

describe('parseContactDate', () => {
  it('reads ISO dates and yearless --MM-DD (Google writes " --12-25") in any order setting', () => {
    expect(parseContactDate('1987-09-07', 'ymd')).toBe('1987-09-07');
    expect(parseContactDate(' --12-25', 'ymd')).toBe('--12-25');
    expect(parseContactDate('--02-29', 'mdy')).toBe('--02-29');
    expect(parseContactDate('1987/9/7', 'dmy')).toBe('1987-09-07');
  });
  it('reads slashed and dotted dates in the order given, and only unambiguous ones on auto', () => {
    expect(parseContactDate('5/13/1980', 'mdy')).toBe('1980-05-13');
    expect(parseContactDate('13.5.1980', 'dmy')).toBe('1980-05-13');
    expect(parseContactDate('03/02/1975', 'dmy')).toBe('1975-02-03');
    expect(parseContactDate('13/5/1980', 'auto')).toBe('1980-05-13');
    expect(parseContactDate('5/13/1980', 'auto')).toBe('1980-05-13');
    expect(parseContactDate('01.02.2020', 'auto')).toBe('2020-02-01');
    expect(parseContactDate('3/4/2020', 'auto')).toBeUndefined();
    expect(parseContactDate('7 Feb 2022', 'auto')).toBe('2022-02-07');
    expect(parseContactDate('February 7, 2022', 'auto')).toBe('2022-02-07');
  });
  it('rejects impossible dates', () => {
    expect(parseContactDate('2023-02-29', 'ymd')).toBeUndefined();
    expect(parseContactDate('--13-01', 'ymd')).toBeUndefined();
    expect(parseContactDate('someday', 'auto')).toBeUndefined();
  });
  it("knows Outlook's empty-date placeholders and composes Thunderbird's three cells", () => {
    expect(['0/0/00', '00.00.0000', '00.00.00'].every(isEmptyDateMarker)).toBe(true);
    expect(isEmptyDateMarker('1/1/00')).toBe(false);
    expect(composeDate('1990', '2', '3')).toBe('1990-02-03');
    expect(composeDate('', '5', '5')).toBe('--05-05');
    expect(composeDate('1990', '2', '30')).toBeUndefined();
  });
});
