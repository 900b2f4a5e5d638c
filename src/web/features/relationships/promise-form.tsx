import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { PersonRef, PromiseInput, PromiseView } from '../../api/types';
import { cancelOnEscape } from '../../ui/cancel-on-escape';
import { addDays } from '../../ui/dates';
import { FormAlert } from '../../ui/form-alert';
import { pastDateHint } from '../../ui/past-day-hint';
import { RadioGroup } from '../../ui/radio-group';
import { TextField } from '../../ui/text-field';
import { useAccountToday, useDayField } from '../profile/use-account-today';
import { ContactPicker } from './contact-picker';
import { statusLabel } from './relationship-words';
import { useFormErrors } from './use-form-errors';
import { useCreatePromise } from './use-promises';

const FIELDS = ['contactId', 'direction', 'what', 'dueOn', 'resolvedOn'] as const;
// With a fixed person there is no picker: a complaint about the person goes to the alert above the form.
const FIELDS_FIXED_PERSON = FIELDS.filter((f) => f !== 'contactId');

interface PromiseFormProps {
  /** The person, when the form belongs to one (their page); otherwise the form asks. */
  person?: PersonRef;
  /** Editing: the promise as saved; every field starts from it, and the person can be changed. */
  initial?: PromiseView;
  /** Saves what the form holds; adds a new promise when left out. Field errors come from its rejection. */
  onSubmit?: (input: PromiseInput & { resolvedOn?: string }) => Promise<PromiseView>;
  submitLabel?: string;
  title: string;
  onDone?: (saved: PromiseView) => void;
  /** Puts the keyboard in the first field when the form opens (it replaced the button that had it). */
  focusOnOpen?: boolean;
  /** Shows a Cancel button; Escape cancels too. */
  onCancel?: () => void;
}

/**
 * Record a promise: mine to someone, or theirs to me, with a due date (a week from today to start with); or
 * correct one (`initial` and `onSubmit`: what, when, who, which way — the status has its own buttons).
 */
export function PromiseForm({
  person,
  initial,
  onSubmit,
  submitLabel = 'Add promise',
  title,
  onDone,
  focusOnOpen = false,
  onCancel,
}: PromiseFormProps) {
  const create = useCreatePromise();
  const save = useMutation({
    mutationFn: (input: PromiseInput & { resolvedOn?: string }) =>
      onSubmit ? onSubmit(input) : create.mutateAsync(input),
  });
  const formRef = useRef<HTMLFormElement>(null);
  const [people, setPeople] = useState<PersonRef[]>(initial ? [initial.contact] : person ? [person] : []);
  const [direction, setDirection] = useState<'mine' | 'theirs'>(initial?.direction ?? 'mine');
  const [what, setWhat] = useState(initial?.what ?? '');
  // Days count in the account's time zone, as the server counts overdue (not the browser's, when travelling).
  const today = useAccountToday();
  const [dueOn, setDueOn] = useDayField(initial?.dueOn, (day) => addDays(day, 7));
  // A resolved promise can say on which day it was kept (kept yesterday, marked this morning).
  const [resolvedOn, setResolvedOn] = useState(initial?.resolvedOn ?? '');
  const [missingPerson, setMissingPerson] = useState(false);
  const editing = initial !== undefined;
  const showPicker = editing || !person;
  const errors = useFormErrors(save.error, showPicker ? FIELDS : FIELDS_FIXED_PERSON, formRef);
  // A fixed person names the choices; when editing, the person chosen now does.
  const name = editing ? people[0]?.displayName : person?.displayName;

  useEffect(() => {
    if (focusOnOpen || editing)
      formRef.current?.querySelector<HTMLElement>('input:not([type="search"])')?.focus();
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
    save
      .mutateAsync({
        contactId: who.id,
        direction,
        what,
        dueOn,
        ...(initial?.resolvedOn && resolvedOn ? { resolvedOn } : {}),
      })
      .then((saved) => {
        if (!editing) {
          setWhat('');
          if (!person) setPeople([]);
        }
        onDone?.(saved);
      })
      .catch(() => {
        // Shown next to the fields from the mutation's error.
      });
  }

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
          error={missingPerson ? 'Choose who the promise is with.' : errors.get('contactId')}
        />
      ) : null}
      <RadioGroup
        legend="Who promised"
        options={[
          { value: 'mine', label: `I promised ${name ?? 'them'}` },
          { value: 'theirs', label: `${name ?? 'They'} promised me` },
        ]}
        value={direction}
        onChange={setDirection}
        error={errors.get('direction')}
      />
      <TextField
        label="What"
        autoComplete="off"
        placeholder="e.g. send the case-study draft"
        value={what}
        onChange={(e) => setWhat(e.target.value)}
        error={errors.get('what')}
      />
      <TextField
        label="Due on"
        type="date"
        value={dueOn}
        onChange={(e) => setDueOn(e.target.value)}
        // Accepted (a promise logged late), but said: an open promise past its day shows as overdue.
        hint={initial && initial.status !== 'open' ? undefined : pastDateHint('promise', dueOn, today)}
        error={errors.get('dueOn')}
      />
      {initial?.resolvedOn ? (
        <TextField
          label={`${statusLabel(initial.status)} on`}
          type="date"
          value={resolvedOn}
          max={today}
          onChange={(e) => setResolvedOn(e.target.value)}
          error={errors.get('resolvedOn')}
        />
      ) : null}
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
