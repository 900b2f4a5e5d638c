import { describe, expect, it } from 'vitest';
import { describeJsonProblem } from './describe-json-problem';

const problem = (text: string) => {
  try {
    JSON.parse(text);
  } catch (e) {
    return describeJsonProblem(text, e);
  }
  throw new Error('parsed');
};

describe('describeJsonProblem', () => {
  it('says a backup cut short was cut off, not a character position', () => {
    const backup = JSON.stringify({ format: 'rapport-backup', tables: { contacts: [{ id: 'a' }] } }, null, 2);
    for (const cut of [backup.length - 1, backup.length - 20, 40])
      expect(problem(backup.slice(0, cut))).toBe(
        'the file ends before the backup does: it was cut off (an interrupted download or copy?)',
      );
  });

  it('names the line and column of a fault inside the file', () => {
    expect(problem('{\n  "a": 1\n  "b": 2\n}')).toBe(
      "not valid JSON at line 3, column 3: expected ',' or '}' after property value",
    );
  });

  it('says an empty file is empty and another kind of file is no backup', () => {
    expect(problem('  \n')).toBe('the file is empty');
    expect(problem('BEGIN:VCARD\r\nFN:Ada\r\nEND:VCARD\r\n')).toBe(
      'it does not begin with "{" as a backup does (is it a backup file?)',
    );
  });
});
