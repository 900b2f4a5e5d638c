import { type FormEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { ContactCreateInput } from '../../api/types';
import { alertMessage, FIX_HIGHLIGHTED, toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { TextAreaField } from '../../ui/text-area-field';
import { TextField } from '../../ui/text-field';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useOrganisationSearch } from '../organisations/use-organisation-options';
import { AddressListEditor } from './address-list-editor';
import { ChannelListEditor } from './channel-list-editor';
import {
  ADDRESS_PARTS,
  type AddressPart,
  type ChannelKind,
  type ContactFormState,
  derivedName,
  formHasEdits,
  formToInput,
  type SubmittedRows,
  TEXT_FIELDS,
} from './contact-form-state';
import { CustomFieldsEditor } from './custom-fields-editor';
import { DateListEditor } from './date-list-editor';
import { DatePartsField } from './date-parts-field';
import { TagsEditor } from './tags-editor';

interface ContactFormProps {
  initial: ContactFormState;
  submitLabel: string;
  pending: boolean;
  /** The last API error of the save, if any: its issues are shown next to their fields. */
  error: unknown;
  onSubmit: (input: ContactCreateInput) => void;
  onCancel: () => void;
  /** Told whether the form holds typed edits (not the same as when it was filled in), each time that changes. */
  onEditsChange?: (hasEdits: boolean) => void;
}

const LISTS: ChannelKind[] = ['emails', 'phones', 'urls'];
const ROW_PATH = /^(emails|phones|urls)\.(\d+)(?:\.(value|label))?$/;
const ADDRESS_PATH = /^addresses\.(\d+)(?:\.(\w+))?$/;
const DATE_PATH = /^dates\.(\d+)(?:\.(value|label))?$/;

/**
 * Every editable field of a contact. Enter saves (from any single-line field), Escape cancels,
 * and API validation errors land next to the field they name (`emails.0.value` → the first email row).
 */
export function ContactForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  onEditsChange,
}: ContactFormProps) {
  const [start] = useState(initial);
  const [state, setState] = useState(initial);
  const hasEdits = useMemo(() => formHasEdits(start, state), [start, state]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new callback each render of the parent is no change
  useEffect(() => onEditsChange?.(hasEdits), [hasEdits]);
  const [rows, setRows] = useState<SubmittedRows | null>(null);
  const [localIssues, setLocalIssues] = useState<Map<string, string>>(new Map());
  const formRef = useRef<HTMLFormElement>(null);
  // Suggestions searched on the server as the name is typed: an import brings thousands of organisations.
  const organisations = useOrganisationSearch(useDebouncedValue(state.organisation.trim(), 150));
  const set = <K extends keyof ContactFormState>(key: K, value: ContactFormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));

  const errors = useMemo(() => {
    const known = (path: string): boolean => {
      if ((TEXT_FIELDS as readonly string[]).includes(path)) return true;
      if (
        ['emails', 'phones', 'urls', 'tags', 'customFields', 'birthday', 'addresses', 'dates'].includes(path)
      )
        return true;
      if (/^tags\.\d+$/.test(path)) return true;
      const m = ROW_PATH.exec(path);
      if (m && rows) return Number(m[2]) < rows[m[1] as ChannelKind].length;
      const a = ADDRESS_PATH.exec(path);
      if (a && rows)
        return (
          Number(a[1]) < rows.addresses.length &&
          (a[2] === undefined || a[2] === 'label' || (ADDRESS_PARTS as readonly string[]).includes(a[2]))
        );
      const d = DATE_PATH.exec(path);
      if (d && rows) return Number(d[1]) < rows.dates.length;
      if (path.startsWith('customFields.') && rows)
        return rows.customFields.has(path.slice('customFields.'.length));
      return false;
    };
    return toFieldErrors(error, known);
  }, [error, rows]);

  const get = (path: string) => localIssues.get(path) ?? errors.byPath.get(path);
  const rowError = (kind: ChannelKind, rowId: string, field: 'value' | 'label') => {
    const i = rows?.[kind].indexOf(rowId) ?? -1;
    if (i < 0) return undefined;
    return get(`${kind}.${i}.${field}`) ?? (field === 'value' ? get(`${kind}.${i}`) : undefined);
  };
  const addressError = (rowId: string, part: AddressPart | 'label') => {
    const i = rows?.addresses.indexOf(rowId) ?? -1;
    if (i < 0) return undefined;
    return get(`addresses.${i}.${part}`) ?? (part === 'street' ? get(`addresses.${i}`) : undefined);
  };
  const dateError = (rowId: string, field: 'value' | 'label') => {
    const local = field === 'value' ? localIssues.get(`dates.#${rowId}`) : undefined;
    if (local) return local;
    const i = rows?.dates.indexOf(rowId) ?? -1;
    if (i < 0) return undefined;
    return get(`dates.${i}.${field}`) ?? (field === 'value' ? get(`dates.${i}`) : undefined);
  };
  const customError = (rowId: string) => {
    const local = localIssues.get(`customFields.#${rowId}`);
    if (local) return local;
    for (const [key, id] of rows?.customFields ?? [])
      if (id === rowId) return errors.byPath.get(`customFields.${key}`);
    return undefined;
  };
  const tagError = [...errors.byPath.entries()]
    .filter(([p]) => p === 'tags' || p.startsWith('tags.'))
    .map(([p, m]) => {
      const i = Number(p.split('.')[1]);
      return Number.isNaN(i) ? m : `“${state.tags[i] ?? ''}”: ${m}`;
    })
    .join(' ');

  // After a failed save, put the keyboard on the first field that needs fixing.
  const hasErrors = errors.byPath.size > 0 || localIssues.size > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new error (server or local) is the trigger
  useEffect(() => {
    if (!hasErrors) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [hasErrors, error, localIssues]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const built = formToInput(state);
    setRows(built.rows);
    setLocalIssues(built.localIssues);
    if (built.localIssues.size > 0) return;
    if (state.tagDraft.trim()) setState((s) => ({ ...s, tags: built.input.tags ?? s.tags, tagDraft: '' }));
    onSubmit(built.input);
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      onCancel();
    }
  }

  const auto = derivedName(state.givenName, state.familyName);
  const text = (name: (typeof TEXT_FIELDS)[number]) => ({
    name,
    value: state[name],
    onChange: (e: { target: { value: string } }) => set(name, e.target.value),
    error: get(name),
  });

  return (
    <form ref={formRef} className="contact-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <FormAlert message={localIssues.size > 0 ? FIX_HIGHLIGHTED : alertMessage(errors)} />
      <fieldset className="grid">
        <legend>Name</legend>
        <TextField label="Given name" autoComplete="off" {...text('givenName')} />
        <TextField label="Family name" autoComplete="off" {...text('familyName')} />
        <TextField label="Middle names" autoComplete="off" {...text('additionalNames')} />
        <TextField label="Nickname" autoComplete="off" {...text('nickname')} />
        <TextField label="Prefix" hint="Dr, Prof., Ms…" autoComplete="off" {...text('namePrefix')} />
        <TextField label="Suffix" hint="Jr, PhD, MBE…" autoComplete="off" {...text('nameSuffix')} />
        <TextField
          label="Display name"
          autoComplete="off"
          className="grid__wide"
          hint={auto ? `Leave empty to use “${auto}”.` : 'Leave empty to use the names above.'}
          {...text('displayName')}
        />
      </fieldset>

      <fieldset className="grid">
        <legend>Position</legend>
        <TextField
          label="Organisation"
          autoComplete="off"
          list="contact-organisation-options"
          {...text('organisation')}
        />
        <datalist id="contact-organisation-options">
          {(organisations.data ?? []).map((o) => (
            <option key={o.id} value={o.name} />
          ))}
        </datalist>
        <TextField label="Department" autoComplete="off" {...text('department')} />
        <TextField label="Title" autoComplete="off" {...text('title')} />
        <TextField label="Location" autoComplete="off" {...text('location')} />
        <TextField label="Connected on" type="date" {...text('connectedOn')} />
      </fieldset>

      {LISTS.map((kind) => (
        <ChannelListEditor
          key={kind}
          kind={kind}
          rows={state[kind]}
          onChange={(next) => set(kind, next)}
          errorFor={(rowId, field) => rowError(kind, rowId, field)}
          listError={errors.byPath.get(kind)}
        />
      ))}

      <AddressListEditor
        rows={state.addresses}
        onChange={(next) => set('addresses', next)}
        errorFor={addressError}
        listError={errors.byPath.get('addresses')}
      />

      <fieldset className="rows">
        <legend>Birthday and dates</legend>
        <DatePartsField
          legend="Birthday"
          value={state.birthday}
          onChange={(next) => set('birthday', next)}
          error={get('birthday')}
          hint="Leave the year empty if you don’t know it."
        />
        <DateListEditor
          rows={state.dates}
          onChange={(next) => set('dates', next)}
          errorFor={dateError}
          listError={errors.byPath.get('dates')}
        />
      </fieldset>

      <TagsEditor
        tags={state.tags}
        draft={state.tagDraft}
        error={tagError || undefined}
        onChange={(tags, tagDraft) => setState((s) => ({ ...s, tags, tagDraft }))}
      />

      <fieldset className="grid grid--wide">
        <legend>Story</legend>
        <TextAreaField
          label="How we met"
          name="howWeMet"
          value={state.howWeMet}
          onChange={(e) => set('howWeMet', e.target.value)}
          error={get('howWeMet')}
        />
        <TextAreaField
          label="Notes"
          name="notes"
          rows={5}
          value={state.notes}
          onChange={(e) => set('notes', e.target.value)}
          error={get('notes')}
          hint={<span className="keys-hint">Ctrl+Enter saves from here.</span>}
        />
      </fieldset>

      <CustomFieldsEditor
        rows={state.customFields}
        onChange={(next) => set('customFields', next)}
        errorFor={customError}
        listError={errors.byPath.get('customFields')}
      />

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="form-actions__hint">Enter saves · Esc cancels</span>
      </div>
    </form>
  );
}
