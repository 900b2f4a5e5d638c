import { describe, expect, it } from 'vitest';
import { table } from './output';

describe('table', () => {
  // The layouts cli-table3 printed, kept as they were when the CLI stopped using it.
  it.each([
    [
      ['ID', 'NAME', 'TAGS'],
      [
        ['1', 'Ada Lovelace', ''],
        ['22', 'Zoë Müller', 'a, b'],
        ['333', null, undefined],
      ],
      'ID   NAME          TAGS\n1    Ada Lovelace\n22   Zoë Müller    a, b\n333',
    ],
    [
      ['A', 'B'],
      [
        ['line one\nline two', 'x'],
        ['y', 'ü\nzz\nwww'],
      ],
      'A         B\nline one  x\nline two\ny         ü\n          zz\n          www',
    ],
    [
      ['NAME', 'ORG'],
      [
        ['王小明', 'Acme'],
        ['Ｆｕｌｌ', '東京'],
        ['e\u0301clair', 'x'],
      ],
      'NAME      ORG\n王小明    Acme\nＦｕｌｌ  東京\ne\u0301clair    x',
    ],
    [
      ['N', 'V'],
      [
        [1, 2.5],
        [300, 0],
      ],
      'N    V\n1    2.5\n300  0',
    ],
    [['ID', 'NAME'], [], 'ID  NAME'],
    [['A', 'B', 'C'], [['only a'], ['a', 'b', 'c']], 'A       B  C\nonly a\na       b  c'],
    [
      ['', 'B'],
      [
        ['', ''],
        ['', 'b'],
      ],
      '   B\n\n   b',
    ],
    [
      ['A', 'B'],
      [
        ['\u001b[31mred\u001b[0m', 'x'],
        ['tab\there', 'y'],
      ],
      'A        B\n\u001b[31mred\u001b[0m      x\ntab\there  y',
    ],
  ] as [string[], (string | number | null | undefined)[][], string][])(
    'lays out %j as before',
    (head, rows, text) => {
      expect(table(head, rows)).toBe(text);
    },
  );

  it('lays out a whole big rolodex (list --all over 30,000 contacts) in one go', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => [`id-${i}`, `Zoë Müller-${i}`, 'Acme']);
    const lines = table(['ID', 'NAME', 'ORGANISATION'], rows).split('\n');
    expect(lines).toHaveLength(30_001);
    expect(lines[0]).toBe(`ID${' '.repeat(8)}NAME${' '.repeat(14)}ORGANISATION`);
    expect(lines[30_000]).toBe('id-29999  Zoë Müller-29999  Acme');
  });
});
