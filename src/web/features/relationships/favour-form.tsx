import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { Favour, FavourInput, PersonRef } from '../../api/types';
import { cancelOnEscape } from '../../ui/cancel-on-escape';
import { FormAlert } from '../../ui/form-alert';
import { RadioGroup } from '../../ui/radio-group';
import { TextField } from '../../ui/text-field';
import { useDayField } from '../profile/use-account-today';
import { ContactPicker } from './contact-picker';
import { SIZE_OPTIONS } from './relationship-words';
import { useRecordFavour } from './use-favours';
import { useFormErrors } from './use-form-errors';

const FIELDS = ['contactId', 'direction', 'what', 'size', 'occurredOn'] as const;
// With a fixed person there is no picker: a complaint about the person goes to the alert above the form.
const FIELDS_FIXED_PERSON = FIELDS.filter((f) => f !== 'contactId');

interface FavourFormProps {
  /** The person, when the form belongs to one (their page, a Today item); otherwise the form asks. */
  person?: PersonRef;
  /** Editing: the favour as saved; every field starts from it, and the person can be changed. */
  initial?: Favour;
  /** Saves what the form holds; records a new favour when left out. Field errors come from its rejection. */
  onSubmit?: (input: FavourInput) => Promise<Favour>;
  submitLabel?: string;
  defaultDirection?: 'given' | 'received';
  title: string;
  /** Put the keyboard on the first field when the form opens on request. */
  focusOnOpen?: boolean;
  onDone?: (saved: Favour) => void;
  onCancel?: () => void;
  /** Called as the save starts (Today moves the keyboard on when the item leaves). */
  onSaving?: () => void;
}

/** Record a favour given or received: what, how big, when; or correct one (`initial` and `onSubmit`). */
export function FavourForm({
  person,
  initial,
  onSubmit,
  submitLabel = 'Record favour',
  defaultDirection = 'given',
  title,
  focusOnOpen = false,
  onDone,
  onCancel,
  onSaving,
}: FavourFormProps) {
  const record = useRecordFavour();
  const save = useMutation({
    mutationFn: (input: FavourInput) => (onSubmit ? onSubmit(input) : record.mutateAsync(input)),
  });
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const [people, setPeople] = useState<PersonRef[]>(initial ? [initial.contact] : person ? [person] : []);
  const [direction, setDirection] = useState(initial?.direction ?? defaultDirection);
  const [what, setWhat] = useState(initial?.what ?? '');
  const [size, setSize] = useState<1 | 2 | 3>(toSize(initial?.size));
  // The account's day: the server refuses a favour dated after it (the browser may be a day ahead).
  const [occurredOn, setOccurredOn] = useDayField(initial?.occurredOn, (day) => day);
  const [missingPerson, setMissingPerson] = useState(false);
  const editing = initial !== undefined;
  const showPicker = editing || !person;
  const errors = useFormErrors(save.error, showPicker ? FIELDS : FIELDS_FIXED_PERSON, formRef);
  // A fixed person names the choices; when editing, the person chosen now does.
  const name = editing ? people[0]?.displayName : person?.displayName;

  useEffect(() => {
    if (focusOnOpen || editing) formRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [focusOnOpen, editing]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const who = people[0];
    if (!who) {
      setMissingPerson(true);
      formRef.current?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
      return;
    }
    setMissingPerson(false);
    // mutateAsync: on Today the item (and this form) may leave the list before mutate's callbacks would run.
    onSaving?.();
    save
      .mutateAsync({ contactId: who.id, direction, what, size, ...(occurredOn ? { occurredOn } : {}) })
      .then((saved) => {
        if (!editing) {
          setWhat('');
          setSize(1);
          if (!person) setPeople([]);
        }
        onDone?.(saved);
      })
      .catch(() => {
        // Shown next to the fields from the mutation's error.
      });
  }

  const sizeError = errors.get('size');
  return (
    <form
      ref={formRef}
      className="log-form"
      aria-label={title}
      onSubmit={submit}
      onKeyDown={cancelOnEscape(onCancel)}
      noValidate
    >
      <FormAlert message={errors.general} />
      {showPicker ? (
        <ContactPicker
          label="Person"
          selected={people}
          onChange={setPeople}
          error={missingPerson ? 'Choose who it was with.' : errors.get('contactId')}
        />
      ) : null}
      <RadioGroup
        legend="Which way"
        options={[
          { value: 'given', label: `I helped ${name ?? 'them'}` },
          { value: 'received', label: `${name ?? 'They'} helped me` },
        ]}
        value={direction}
        onChange={setDirection}
        error={errors.get('direction')}
      />
      <TextField
        label="What"
        autoComplete="off"
        placeholder="e.g. introduced her to a publisher"
        value={what}
        onChange={(e) => setWhat(e.target.value)}
        error={errors.get('what')}
      />
      <div className="log-form__row">
        <div className={sizeError ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-size`}>Size</label>
          <select
            id={`${id}-size`}
            value={size}
            aria-invalid={sizeError ? true : undefined}
            aria-describedby={sizeError ? `${id}-size-error` : undefined}
            onChange={(e) => setSize(Number(e.target.value) as 1 | 2 | 3)}
          >
            {SIZE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {sizeError ? (
            <p id={`${id}-size-error`} className="field__error">
              {sizeError}
            </p>
          ) : null}
        </div>
        <TextField
          label="On"
          type="date"
          value={occurredOn}
          onChange={(e) => setOccurredOn(e.target.value)}
          error={errors.get('occurredOn')}
        />
      </div>
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

function toSize(size: number | undefined): 1 | 2 | 3 {
  return size === 2 || size === 3 ? size : 1;
}
