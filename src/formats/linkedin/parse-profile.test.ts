import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePositions, parseProfile } from './parse-profile';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

describe('parseProfile', () => {
  it('reads Profile.csv with its positions and e-mail addresses', () => {
    const { records, issues } = parseProfile({
      profile: fixture('Profile.csv'),
      positions: fixture('Positions.csv'),
      emailAddresses: fixture('Email Addresses.csv'),
    });
    expect(records).toEqual([
      {
        ref: { file: 'Profile.csv', line: 2 },
        firstName: 'Bram',
        lastName: 'Okonkwo',
        headline: 'Data engineer, connector of people',
        summary: 'I build data pipelines.\nAnd I introduce people.',
        industry: 'Software Development',
        location: 'Berlin, Germany',
        zipCode: '10115',
        birthDate: 'Mar 15',
        websites: [
          { value: 'https://bram.example.com', label: 'Personal' },
          { value: 'https://blog.bram.example.com/posts', label: 'Blog' },
          { value: 'https://harbour.example.com', label: 'Company' },
        ],
        twitterHandles: ['bramokonkwo'],
        emails: [{ value: 'bram.okonkwo@example.com', label: 'primary' }, { value: 'bram.old@example.com' }],
        positions: [
          {
            ref: { file: 'Positions.csv', line: 2 },
            company: 'Harbour Analytics',
            title: 'Data Engineer',
            description: 'Pipelines, dashboards\nand on-call.',
            location: 'Berlin, Germany',
            startedOn: '2023-08',
            current: true,
          },
          {
            ref: { file: 'Positions.csv', line: 4 },
            company: 'Quillworks',
            title: 'Junior Analyst',
            location: 'Hamburg',
            startedOn: '2019-01',
            finishedOn: '2023-07',
            current: false,
          },
        ],
      },
    ]);
    expect(issues).toEqual([
      {
        ref: { file: 'Positions.csv', line: 5 },
        field: 'Company Name',
        message: 'no Company Name; position not imported',
        severity: 'error',
      },
    ]);
  });

  it('reports a missing Profile.csv instead of throwing', () => {
    expect(parseProfile({}).issues[0]).toMatchObject({
      message: 'no Profile.csv in the export',
      severity: 'error',
    });
  });

  it('keeps a position whose dates it cannot read, with a warning', () => {
    const { records, issues } = parsePositions(
      'Company Name,Title,Description,Location,Started On,Finished On\nAcme,CTO,,,Spring 2020,2021\n',
    );
    expect(records[0]).toMatchObject({ company: 'Acme', finishedOn: '2021', current: false });
    expect(records[0]?.startedOn).toBeUndefined();
    expect(issues).toMatchObject([{ ref: { line: 2 }, field: 'Started On', severity: 'warning' }]);
  });

  it('never throws, whatever the files hold', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.string({ maxLength: 200 }), (bytes, text) => {
        const header = 'First Name,Last Name,Headline,Websites\n';
        const result = parseProfile({ profile: header + text, positions: bytes, emailAddresses: text });
        expect(result.records.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
