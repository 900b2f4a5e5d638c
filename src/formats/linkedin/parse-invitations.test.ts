import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInvitations } from './parse-invitations';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

describe('parseInvitations', () => {
  it('reads the late-2023+ file with the two profile URL columns; a bad date is an error for that row only', () => {
    const file = 'invitations-2025-urls.csv';
    const { records, issues } = parseInvitations(fixture(file), { file });
    expect(records).toEqual([
      {
        ref: { file, line: 2 },
        fromName: 'Bram Okonkwo',
        toName: 'Rosa Quintero',
        sentOn: '2025-09-27',
        message: 'Hi Rosa, great talk at the meetup!',
        direction: 'outgoing',
        inviterUrl: 'https://www.linkedin.com/in/bram-okonkwo',
        inviteeUrl: 'https://www.linkedin.com/in/rosa-quintero',
      },
      {
        ref: { file, line: 3 },
        fromName: 'Leo Marsh',
        toName: 'Bram Okonkwo',
        sentOn: '2025-10-02',
        direction: 'incoming',
        inviterUrl: 'https://www.linkedin.com/in/leo-marsh',
        inviteeUrl: 'https://www.linkedin.com/in/bram-okonkwo',
      },
    ]);
    expect(issues).toEqual([
      {
        ref: { file, line: 4 },
        field: 'Sent At',
        message: '"yesterday" is not a date (expected e.g. 9/27/25, 8:41 AM); invitation not imported',
        severity: 'error',
      },
    ]);
  });

  it('reads the older file without URL columns', () => {
    const { records, issues } = parseInvitations(fixture('invitations-2022-no-urls.csv'));
    expect(issues).toEqual([]);
    expect(
      records.map((r) => [r.fromName, r.toName, r.sentOn, r.direction, r.message, r.inviterUrl]),
    ).toEqual([
      ['Hana Novak', 'Bram Okonkwo', '2022-03-14', 'incoming', undefined, undefined],
      ['Bram Okonkwo', 'Tomás Ferreira', '2021-12-01', 'outgoing', 'Olá Tomás', undefined],
    ]);
  });

  it('rejects an unknown direction with a clear reason', () => {
    const { records, issues } = parseInvitations(
      'From,To,Sent At,Message,Direction\nA,B,"1/2/24, 3:04 PM",,SIDEWAYS\n',
    );
    expect(records).toEqual([]);
    expect(issues[0]).toMatchObject({ ref: { line: 2 }, field: 'Direction', severity: 'error' });
  });

  it('drops only the invitation whose quote is never closed, and keeps the ones below it', () => {
    const { records, issues } = parseInvitations(
      'From,To,Sent At,Message,Direction\n' +
        'A,B,"1/2/24, 3:04 PM","Hi B, we met at,OUTGOING\n' +
        'C,A,1/3/24,,INCOMING\n',
    );
    expect(records.map((r) => [r.ref.line, r.fromName])).toEqual([[3, 'C']]);
    expect(issues).toEqual([
      {
        ref: { file: 'Invitations.csv', line: 2 },
        message: 'a quoted cell opened here is never closed; this row is not imported',
        severity: 'error',
      },
    ]);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (body) => {
        expect(Array.isArray(parseInvitations(`From,To,Sent At,Message,Direction\n${body}`).records)).toBe(
          true,
        );
      }),
      { numRuns: 300 },
    );
  });
});
