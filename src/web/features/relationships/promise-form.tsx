import { type FormEvent, useId, useRef, useState } from 'react';
import type { PersonRef, PromiseView } from '../../api/types';
import { addDays, localDay } from '../../ui/dates';
import { FormAlert } from '../../ui/form-alert';
import { TextField } from '../../ui/text-field';
import { ContactPicker } from './contact-picker';
import { useFormErrors } from './use-form-errors';
import { useCreatePromise } from './use-promises';

const FIELDS = ['contactId', 'direction', 'what', 'dueOn'] as const;

/** Record a promise: mine to someone, or theirs to me, with a due date (a week from today to start with). */
export function PromiseForm({
  person,
  title,
  onDone,
}: {
  person?: PersonRef;
  title: string;
  onDone?: (saved: PromiseView) => void;
}) {
  const create = useCreatePromise();
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const [people, setPeople] = useState<PersonRef[]>(person ? [person] : []);
  const [direction, setDirection] = useState<'mine' | 'theirs'>('mine');
  const [what, setWhat] = useState('');
  const [dueOn, setDueOn] = useState(() => addDays(localDay(), 7));
  const [missingPerson, setMissingPerson] = useState(false);
  const errors = useFormErrors(create.error, FIELDS, formRef);

  function submit(e: FormEvent) {
    e.preventDefault();
    const who = people[0];
    if (!who) {
      setMissingPerson(true);
      formRef.current?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
      return;
    }
    setMissingPerson(false);
    create.mutate(
      { contactId: who.id, direction, what, dueOn },
      {
        onSuccess: (saved) => {
          setWhat('');
          if (!person) setPeople([]);
          onDone?.(saved);
        },
      },
    );
  }

  const name = person?.displayName ?? 'them';
  return (
    <form ref={formRef} className="log-form" aria-label={title} onSubmit={submit} noValidate>
      <FormAlert message={errors.byPath.size ? null : errors.general} />
      {person ? null : (
        <ContactPicker
          label="Person"
          selected={people}
          onChange={setPeople}
          error={missingPerson ? 'Choose who the promise is with.' : errors.get('contactId')}
        />
      )}
      <fieldset className="radios">
        <legend>Who promised</legend>
        <div className="choice choice--inline">
          <input
            id={`${id}-mine`}
            type="radio"
            name={`${id}-direction`}
            checked={direction === 'mine'}
            onChange={() => setDirection('mine')}
          />
          <label htmlFor={`${id}-mine`}>I promised {name}</label>
        </div>
        <div className="choice choice--inline">
          <input
            id={`${id}-theirs`}
            type="radio"
            name={`${id}-direction`}
            checked={direction === 'theirs'}
            onChange={() => setDirection('theirs')}
          />
          <label htmlFor={`${id}-theirs`}>{person ? person.displayName : 'They'} promised me</label>
        </div>
      </fieldset>
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
        error={errors.get('dueOn')}
      />
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          Add promise
        </button>
      </div>
    </form>
  );
}
