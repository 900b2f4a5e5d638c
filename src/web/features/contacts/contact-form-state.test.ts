import { describe, expect, it } from 'vitest';
import type { Contact } from '../../api/types';
import {
  contactToForm,
  dateToParts,
  emptyAddress,
  emptyContactForm,
  emptyDateRow,
  formHasEdits,
  formToInput,
  partsToDate,
  serverCopyChange,
} from './contact-form-state';

const contact: Contact = {
  id: 'c1',
  displayName: 'Ada Lovelace',
  givenName: 'Ada',
  familyName: 'Lovelace',
  organisation: { id: 'o1', name: 'Analytical Engine Society' },
  title: 'Countess',
  location: null,
  howWeMet: null,
  notes: 'First program',
  emails: [{ value: 'ada@example.test', label: 'work', source: 'web' }],
  phones: [
    { value: '+44 20 7946 0018', label: null, source: 'linkedin', e164: '+442079460018', extension: null },
  ],
  urls: [],
  linkedinUrl: null,
  tags: ['pioneer'],
  customFields: { 'Alma mater': 'Home' },
  connectedOn: '2024-03-15',
  nickname: 'Ada',
  namePrefix: 'Countess',
  nameSuffix: null,
  additionalNames: 'Augusta',
  department: 'Mathematics',
  birthday: '--12-10',
  addresses: [{ label: 'home', street: '12 St James’s Square', locality: 'London', country: 'UK' }],
  dates: [{ value: '1835-07-08', label: 'Wedding' }],
  photo: null,
  history: [],
  source: 'web',
  pastPositions: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
};

describe('contact form state', () => {
  it('round-trips every field of a contact', () => {
    const { input, localIssues } = formToInput(contactToForm(contact));
    expect(localIssues.size).toBe(0);
    expect(input).toEqual({
      givenName: 'Ada',
      familyName: 'Lovelace',
      displayName: null,
      namePrefix: 'Countess',
      additionalNames: 'Augusta',
      nameSuffix: '',
      nickname: 'Ada',
      organisation: 'Analytical Engine Society',
      department: 'Mathematics',
      title: 'Countess',
      location: '',
      howWeMet: '',
      notes: 'First program',
      connectedOn: '2024-03-15',
      emails: [{ value: 'ada@example.test', label: 'work' }],
      phones: [{ value: '+44 20 7946 0018' }],
      urls: [],
      tags: ['pioneer'],
      customFields: { 'Alma mater': 'Home' },
      birthday: '--12-10',
      addresses: [{ label: 'home', street: '12 St James’s Square', locality: 'London', country: 'UK' }],
      dates: [{ value: '1835-07-08', label: 'Wedding' }],
    });
  });

  it('keeps an explicit display name, and shows a derived one as empty ("automatic")', () => {
    expect(contactToForm(contact).displayName).toBe('');
    expect(contactToForm({ ...contact, displayName: 'The Countess' }).displayName).toBe('The Countess');
  });

  it('drops blank rows but remembers which row each sent index came from', () => {
    const state = emptyContactForm();
    state.emails = [
      { rowId: 'a', value: '', label: '' },
      { rowId: 'b', value: 'x@example.test', label: '' },
    ];
    const { input, rows } = formToInput(state);
    expect(input.emails).toEqual([{ value: 'x@example.test' }]);
    expect(rows.emails).toEqual(['b']);
    expect(input.connectedOn).toBeNull();
  });

  it('adds a tag still being typed and flags nameless or repeated custom fields', () => {
    const state = emptyContactForm();
    state.tags = ['a'];
    state.tagDraft = ' b ';
    state.customFields = [
      { rowId: 'k1', key: 'Team', value: 'x' },
      { rowId: 'k2', key: 'Team', value: 'y' },
      { rowId: 'k3', key: '', value: 'z' },
      { rowId: 'k4', key: '', value: '' },
    ];
    const { input, localIssues } = formToInput(state);
    expect(input.tags).toEqual(['a', 'b']);
    expect(input.customFields).toEqual({ Team: 'x' });
    expect([...localIssues.keys()].sort()).toEqual(['customFields.#k2', 'customFields.#k3']);
  });
});

describe('dates typed as parts', () => {
  it('reads full and year-less dates', () => {
    expect(dateToParts('1990-03-05')).toEqual({ year: '1990', month: '3', day: '5' });
    expect(dateToParts('--12-31')).toEqual({ year: '', month: '12', day: '31' });
    expect(dateToParts(null)).toEqual({ year: '', month: '', day: '' });
  });

  it('writes YYYY-MM-DD, --MM-DD or nothing, and says what is missing', () => {
    expect(partsToDate({ day: '5', month: '3', year: '1990' })).toEqual({ value: '1990-03-05' });
    expect(partsToDate({ day: '29', month: '2', year: '' })).toEqual({ value: '--02-29' });
    expect(partsToDate({ day: '', month: '', year: '' })).toEqual({ value: '' });
    expect(partsToDate({ day: '', month: '3', year: '' })).toEqual({
      issue: expect.stringMatching(/day and a month/),
    });
    expect(partsToDate({ day: '40', month: '3', year: '' })).toEqual({
      issue: expect.stringMatching(/1 to 31/),
    });
    expect(partsToDate({ day: '4', month: '3', year: '90' })).toEqual({
      issue: expect.stringMatching(/four digits/),
    });
  });

  it('drops empty address and date rows, keeps row order for API issues, flags half-filled dates', () => {
    const state = emptyContactForm();
    const blank = emptyAddress();
    const filled = { ...emptyAddress(), locality: ' Paris ', label: 'work' };
    state.addresses = [blank, filled];
    const ok = { ...emptyDateRow(), label: 'Met', day: '1', month: '6', year: '' };
    const half = { ...emptyDateRow(), label: 'Promoted', day: '', month: '', year: '' };
    state.dates = [half, ok];
    state.birthday = { day: '31', month: '', year: '' };
    const { input, rows, localIssues } = formToInput(state);
    expect(input.addresses).toEqual([{ locality: 'Paris', label: 'work' }]);
    expect(rows.addresses).toEqual([filled.rowId]);
    expect(input.dates).toEqual([{ value: '--06-01', label: 'Met' }]);
    expect(rows.dates).toEqual([ok.rowId]);
    expect([...localIssues.keys()].sort()).toEqual(['birthday', `dates.#${half.rowId}`]);
  });
});

describe('an edit form when the contact is read again', () => {
  it('has edits once something is typed, whatever row ids a new read of the same contact makes', () => {
    const start = contactToForm(contact);
    expect(formHasEdits(start, contactToForm(contact))).toBe(false);
    expect(formHasEdits(start, { ...start, title: 'Countess of Lovelace' })).toBe(true);
    // A half-typed date sends nothing yet, but it is typed: losing it would lose the person's work.
    expect(formHasEdits(start, { ...start, birthday: { day: '10', month: '', year: '' } })).toBe(true);
    expect(formHasEdits(start, { ...start, tagDraft: 'math' })).toBe(true);
  });

  it('follows a newer copy when nothing is typed, keeps the typing and says so when something is', () => {
    const opened = '2026-01-01T00:00:00.000Z';
    const newer = '2026-01-02T09:30:00.000Z';
    expect(serverCopyChange(opened, opened, true)).toBe('same');
    expect(serverCopyChange(opened, opened, false)).toBe('same');
    expect(serverCopyChange(opened, newer, false)).toBe('follow');
    expect(serverCopyChange(opened, newer, true)).toBe('stale');
  });
});
