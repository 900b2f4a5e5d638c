import { describe, expect, it } from 'vitest';
import type { Contact } from '../../api/types';
import { contactToForm, emptyContactForm, formToInput } from './contact-form-state';

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
  phones: [{ value: '+44 20 7946 0018', label: null, source: 'linkedin', e164: '+442079460018' }],
  urls: [],
  linkedinUrl: null,
  tags: ['pioneer'],
  customFields: { 'Alma mater': 'Home' },
  connectedOn: '2024-03-15',
  nickname: null,
  namePrefix: null,
  nameSuffix: null,
  additionalNames: null,
  department: null,
  birthday: null,
  addresses: [],
  dates: [],
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
      organisation: 'Analytical Engine Society',
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
