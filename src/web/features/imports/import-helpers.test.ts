import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { addressBookPeople } from './address-book-choice';
import { mappingIssueTarget, mappingJson, mappingRows } from './column-mapping';
import { csvFormatWords, guessKind } from './import-kind';
import { countsText, extraStats, laterStepAlert, tooLargeText } from './import-words';

describe('guessKind', () => {
  it('reads the kind from the extension and asks about CSVs', () => {
    expect(guessKind('Basic_LinkedInDataExport_01-02-2026.zip')).toEqual({ kind: 'linkedin', choices: [] });
    expect(guessKind('phone.VCF')).toEqual({ kind: 'vcard', choices: [] });
    expect(guessKind('Connections.csv')).toEqual({ kind: 'linkedin', choices: ['linkedin', 'csv'] });
    expect(guessKind('google-contacts.csv')).toEqual({ kind: 'csv', choices: ['linkedin', 'csv'] });
    expect(guessKind('ImportedContacts.csv')).toEqual({ kind: 'linkedin', choices: ['linkedin', 'csv'] });
    expect(guessKind('mystery')).toEqual({ kind: null, choices: ['linkedin', 'vcard', 'csv'] });
  });
});

describe('column mapping', () => {
  const headers = ['Name', 'Work mail', 'Company', 'Phone', 'Shoe size', ''];
  const suggested = {
    Name: 'displayName',
    company: 'organisation',
    Phone: { target: 'phone', label: 'Mobile' },
  };

  it('prefills from the suggestion and keeps unknown columns as custom fields', () => {
    expect(mappingRows(headers, suggested)).toEqual([
      { header: 'Name', target: 'displayName', label: '' },
      { header: 'Work mail', target: 'extra', label: '' },
      { header: 'Company', target: 'organisation', label: '' },
      { header: 'Phone', target: 'phone', label: 'Mobile' },
      { header: 'Shoe size', target: 'extra', label: '' },
      { header: '', target: 'ignore', label: '' },
    ]);
  });

  it('serialises targets, with labels only where they mean something, leaving custom fields to the default', () => {
    const rows = mappingRows(headers, suggested);
    rows[1] = { header: 'Work mail', target: 'email', label: ' work ' };
    rows[2] = { header: 'Company', target: 'organisation', label: 'ignored' };
    expect(JSON.parse(mappingJson(rows))).toEqual({
      Name: 'displayName',
      'Work mail': { target: 'email', label: 'work' },
      Company: 'organisation',
      Phone: { target: 'phone', label: 'Mobile' },
    });
  });

  it('finds the row an API issue names', () => {
    const rows = mappingRows(['Name', 'Phone', 'Odd.label'], {});
    expect(mappingIssueTarget('map.Name', rows)).toEqual({ index: 0, part: 'target' });
    expect(mappingIssueTarget('map.Phone.label', rows)).toEqual({ index: 1, part: 'label' });
    expect(mappingIssueTarget('map.Odd.label', rows)).toEqual({ index: 2, part: 'target' });
    expect(mappingIssueTarget('map', rows)).toBeNull();
    expect(mappingIssueTarget('file', rows)).toBeNull();
  });
});

describe('address books of a LinkedIn export', () => {
  it('offers them only for a LinkedIn report that counted some, and counts what came in', () => {
    expect(addressBookPeople({ kind: 'linkedin', stats: { created: 2, addressBookPeople: 3 } })).toBe(3);
    expect(addressBookPeople({ kind: 'linkedin', stats: { created: 2 } })).toBe(0);
    expect(addressBookPeople({ kind: 'csv', stats: { addressBookPeople: 3 } })).toBe(0);
    expect(countsText({ created: 1, addressBookPeople: 3, addressBookCreated: 2, messages: 1 })).toBe(
      '1 new · 2 new from your address books, 1 message',
    );
  });
});

describe('extraStats', () => {
  it('names every count a LinkedIn import reports in words, never by its key', () => {
    const stats = {
      created: 1,
      messages: 2,
      messagesWithoutContact: 0,
      outreachReplies: 1,
      invitations: 3,
      profile: 1,
      hiddenProfiles: 4,
    };
    for (const [key, label] of extraStats(stats)) expect(label).not.toBe(key);
  });
});

describe('csvFormatWords', () => {
  it('says where a recognised CSV comes from, in words, and nothing for one read by mapping', () => {
    expect(csvFormatWords('outlook')).toBe(', from Outlook');
    expect(csvFormatWords('linkedin-connections')).toBe(', from its Connections.csv');
    expect(csvFormatWords('generic')).toBe('');
    expect(csvFormatWords(undefined)).toBe('');
  });
});

describe('tooLargeText', () => {
  it("gives the file's size and the server's limit when known", () => {
    expect(tooLargeText({ limitBytes: 1024 * 1024 }, 2.5 * 1024 * 1024)).toBe(
      'This file is larger than the server accepts (it is 2.5 MB; the limit is 1.0 MB). Split it, or ask the administrator to raise RAPPORT_UPLOAD_LIMIT_MB.',
    );
    expect(tooLargeText({})).toBe(
      'This file is larger than the server accepts. Split it, or ask the administrator to raise RAPPORT_UPLOAD_LIMIT_MB.',
    );
  });
});

describe('laterStepAlert', () => {
  it("says a refusal of the file on the steps that do not show the file's field, with the file for subject", () => {
    const why =
      'holds no contact to import (people.csv:1: the mapping names column "Email", which is not in the file: its ' +
      'columns are Name, Mail)';
    const refused = new ApiError(400, 'validation', `file: people.csv ${why}`, [
      { path: 'file', message: why },
    ]);
    expect(laterStepAlert(refused, null, 'people.csv')).toBe(`people.csv ${why}`);
    expect(laterStepAlert(refused, 'Map: is odd', 'people.csv')).toBe(`Map: is odd. people.csv ${why}`);
    const named = new ApiError(400, 'validation', 'x', [
      { path: 'file', message: 'x.zip is not a zip file' },
    ]);
    expect(laterStepAlert(named, null, 'x.zip')).toBe('x.zip is not a zip file');
    expect(
      laterStepAlert(
        new ApiError(400, 'validation', 'map: bad', [{ path: 'map', message: 'bad' }]),
        'Map: bad',
        'a.csv',
      ),
    ).toBe('Map: bad');
    expect(laterStepAlert(null, null, 'a.csv')).toBeNull();
  });
});
