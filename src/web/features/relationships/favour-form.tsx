import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { Favour, PersonRef } from '../../api/types';
import { localDay } from '../../ui/dates';
import { FormAlert } from '../../ui/form-alert';
import { TextField } from '../../ui/text-field';
import { ContactPicker } from './contact-picker';
import { SIZE_OPTIONS } from './relationship-words';
import { useRecordFavour } from './use-favours';
import { useFormErrors } from './use-form-errors';

const FIELDS = ['contactId', 'direction', 'what', 'size', 'occurredOn'] as const;

interface FavourFormProps {
  /** The person, when the form belongs to one (their page, a Today item); otherwise the form asks. */
  person?: PersonRef;
  defaultDirection?: 'given' | 'received';
  title: string;
  /** Put the keyboard on the first field when the form opens on request. */
  focusOnOpen?: boolean;
  onDone?: (saved: Favour) => void;
  onCancel?: () => void;
  /** Called as the save starts (Today moves the keyboard on when the item leaves). */
  onSaving?: () => void;
}

/** Record a favour given or received: what, how big, when. */
export function FavourForm({
  person,
  defaultDirection = 'given',
  title,
  focusOnOpen = false,
  onDone,
  onCancel,
  onSaving,
}: FavourFormProps) {
  const record = useRecordFavour();
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const [people, setPeople] = useState<PersonRef[]>(person ? [person] : []);
  const [direction, setDirection] = useState(defaultDirection);
  const [what, setWhat] = useState('');
  const [size, setSize] = useState<1 | 2 | 3>(1);
  const [occurredOn, setOccurredOn] = useState(() => localDay());
  const [missingPerson, setMissingPerson] = useState(false);
  const errors = useFormErrors(record.error, FIELDS, formRef);

  useEffect(() => {
    if (focusOnOpen) formRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [focusOnOpen]);

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
    record
      .mutateAsync({ contactId: who.id, direction, what, size, ...(occurredOn ? { occurredOn } : {}) })
      .then((saved) => {
        setWhat('');
        setSize(1);
        if (!person) setPeople([]);
        onDone?.(saved);
      })
      .catch(() => {
        // Shown next to the fields from the mutation's error.
      });
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === 'Escape' && onCancel && !e.defaultPrevented) {
      e.preventDefault();
      onCancel();
    }
  }

  return (
    <form
      ref={formRef}
      className="log-form"
      aria-label={title}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
    >
      <FormAlert message={errors.byPath.size ? null : errors.general} />
      {person ? null : (
        <ContactPicker
          label="Person"
          selected={people}
          onChange={setPeople}
          error={missingPerson ? 'Choose who it was with.' : errors.get('contactId')}
        />
      )}
      <fieldset className="radios">
        <legend>Which way</legend>
        <div className="choice choice--inline">
          <input
            id={`${id}-given`}
            type="radio"
            name={`${id}-direction`}
            checked={direction === 'given'}
            onChange={() => setDirection('given')}
          />
          <label htmlFor={`${id}-given`}>I helped {person ? person.displayName : 'them'}</label>
        </div>
        <div className="choice choice--inline">
          <input
            id={`${id}-received`}
            type="radio"
            name={`${id}-direction`}
            checked={direction === 'received'}
            onChange={() => setDirection('received')}
          />
          <label htmlFor={`${id}-received`}>{person ? person.displayName : 'They'} helped me</label>
        </div>
      </fieldset>
      <TextField
        label="What"
        autoComplete="off"
        placeholder="e.g. introduced her to a publisher"
        value={what}
        onChange={(e) => setWhat(e.target.value)}
        error={errors.get('what')}
      />
      <div className="log-form__row">
        <div className="field">
          <label htmlFor={`${id}-size`}>Size</label>
          <select
            id={`${id}-size`}
            value={size}
            aria-invalid={errors.get('size') ? true : undefined}
            onChange={(e) => setSize(Number(e.target.value) as 1 | 2 | 3)}
          >
            {SIZE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {errors.get('size') ? <p className="field__error">{errors.get('size')}</p> : null}
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
        <button type="submit" className="button button--primary" disabled={record.isPending}>
          Record favour
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
