import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type {
  Interaction,
  InteractionDirection,
  InteractionInput,
  InteractionKind,
  PersonRef,
} from '../../api/types';
import { cancelOnEscape } from '../../ui/cancel-on-escape';
import { toDateTimeLocal } from '../../ui/dates';
import { FormAlert } from '../../ui/form-alert';
import { RadioGroup } from '../../ui/radio-group';
import { TextAreaField } from '../../ui/text-area-field';
import { TextField } from '../../ui/text-field';
import { ContactPicker } from './contact-picker';
import { occurredAtToSend, startingWhen } from './interaction-when';
import { DIRECTION_OPTIONS, KIND_OPTIONS, suggestedDirection, whenError } from './relationship-words';
import { useFormErrors } from './use-form-errors';
import { useLogInteraction } from './use-interactions';

// Fields with a place to show their error; anything else (the people on the compact form) goes to the alert.
const FIELDS = ['kind', 'contactIds', 'occurredAt', 'direction', 'summary'] as const;
const COMPACT_FIELDS = FIELDS.filter((f) => f !== 'contactIds');

interface InteractionFormProps {
  /** Who it was with, to start with (editing: the interaction's people). */
  people: PersonRef[];
  /** Editing: the interaction as saved; every field starts from it. */
  initial?: Interaction;
  /** Saves what the form holds; logging a new interaction when left out. Field errors come from its rejection. */
  onSubmit?: (input: InteractionInput) => Promise<Interaction>;
  submitLabel?: string;
  /** Compact (Today): the people are fixed and the form is short. Full (contact page): more people can be added. */
  compact?: boolean;
  defaultKind?: InteractionKind;
  defaultDirection?: InteractionDirection;
  /** Shown as the form's accessible name, e.g. "Log an interaction with Ada Lovelace". */
  title: string;
  onDone: (saved: Interaction) => void;
  onCancel?: () => void;
  /** Called as the save starts (Today moves the keyboard on when the item leaves). */
  onSaving?: () => void;
}

/**
 * Log a meeting, call (answered or not), video call, email, message, event or note: who, which way, when (now by
 * default), and a few words; or correct one (`initial` and `onSubmit`). API errors land next to their fields;
 * Escape cancels.
 */
export function InteractionForm({
  people: initialPeople,
  initial,
  onSubmit,
  submitLabel = 'Log it',
  compact = false,
  defaultKind = 'meeting',
  defaultDirection = 'mutual',
  title,
  onDone,
  onCancel,
  onSaving,
}: InteractionFormProps) {
  const log = useLogInteraction();
  const save = useMutation({
    mutationFn: (input: InteractionInput) => (onSubmit ? onSubmit(input) : log.mutateAsync(input)),
  });
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const [people, setPeople] = useState(initialPeople);
  const [kind, setKind] = useState<InteractionKind>(initial?.kind ?? defaultKind);
  // Null until the person picks one (a saved interaction's is picked): the suggestion follows kind and answered.
  const [chosenDirection, setDirection] = useState<InteractionDirection | null>(initial?.direction ?? null);
  const [answered, setAnswered] = useState(initial?.answered ?? true);
  const direction = chosenDirection ?? suggestedDirection(kind, answered, defaultDirection);
  const [when, setWhen] = useState(() => startingWhen(initial).value);
  // Only the day: the interaction is saved without a time (dateOnly) and shown without one.
  const [dayOnly, setDayOnly] = useState(() => startingWhen(initial).dayOnly);
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const [localWhen, setLocalWhen] = useState<string | null>(null);
  const errors = useFormErrors(save.error, compact ? COMPACT_FIELDS : FIELDS, formRef);

  // Opened on request, so the keyboard goes in. A new log starts at the summary: kind, time and direction come
  // ready, the words are what gets typed (typed into the "What" select they were eaten); Shift+Tab reaches the
  // choices. A correction starts at the top, where its fields begin.
  const editing = initial !== undefined;
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>(editing ? 'select' : 'textarea')?.focus();
  }, [editing]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const sent = occurredAtToSend({ value: when, dayOnly }, initial);
    const whenProblem = whenError(when);
    if (whenProblem || !sent) {
      setLocalWhen(whenProblem ?? (dayOnly ? 'Enter a date.' : 'Enter a date and time.'));
      formRef.current?.querySelector<HTMLElement>('input[name="when"]')?.focus();
      return;
    }
    setLocalWhen(null);
    // mutateAsync: on Today the item (and this form) may leave the list before mutate's callbacks would run.
    onSaving?.();
    save
      .mutateAsync({
        kind,
        contactIds: people.map((p) => p.id),
        direction,
        ...sent,
        answered: kind === 'call' ? answered : null,
        summary: summary.trim() || null,
      })
      .then((saved) => {
        if (!initial) {
          setSummary('');
          setWhen(toDateTimeLocal());
          setDayOnly(false);
        }
        onDone(saved);
      })
      .catch(() => {
        // Shown next to the fields from the mutation's error.
      });
  }

  return (
    <form
      ref={formRef}
      className={compact ? 'log-form log-form--compact' : 'log-form'}
      aria-label={title}
      onSubmit={submit}
      onKeyDown={cancelOnEscape(onCancel)}
      noValidate
    >
      <FormAlert message={errors.general} />
      {compact ? (
        <p className="log-form__who">
          With <strong>{people.map((p) => p.displayName).join(', ')}</strong>
        </p>
      ) : (
        <ContactPicker
          label="With"
          multiple
          selected={people}
          onChange={setPeople}
          error={errors.get('contactIds')}
        />
      )}
      <div className="log-form__row">
        <div className={errors.get('kind') ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-kind`}>What</label>
          <select
            id={`${id}-kind`}
            value={kind}
            aria-invalid={errors.get('kind') ? true : undefined}
            aria-describedby={errors.get('kind') ? `${id}-kind-error` : undefined}
            onChange={(e) => setKind(e.target.value as InteractionKind)}
          >
            {KIND_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {errors.get('kind') ? (
            <p id={`${id}-kind-error`} className="field__error">
              {errors.get('kind')}
            </p>
          ) : null}
        </div>
        <TextField
          label="When"
          name="when"
          type={dayOnly ? 'date' : 'datetime-local'}
          value={dayOnly ? when.slice(0, 10) : when}
          // The time stays behind while only the day counts, for when the box is unticked again.
          onChange={(e) =>
            setWhen(
              dayOnly && e.target.value ? `${e.target.value}${when.slice(10) || 'T12:00'}` : e.target.value,
            )
          }
          error={localWhen ?? errors.get('occurredAt')}
          hint={compact || initial ? undefined : 'Leave as it is for “just now”.'}
        />
      </div>
      <div className="choice">
        <input
          id={`${id}-day-only`}
          type="checkbox"
          checked={dayOnly}
          onChange={(e) => setDayOnly(e.target.checked)}
        />
        <label htmlFor={`${id}-day-only`}>Only the day (the time is not known)</label>
      </div>
      {kind === 'call' ? (
        <div className="choice">
          <input
            id={`${id}-answered`}
            type="checkbox"
            checked={answered}
            onChange={(e) => setAnswered(e.target.checked)}
          />
          <label htmlFor={`${id}-answered`}>The call was answered</label>
        </div>
      ) : null}
      <RadioGroup
        legend="Who reached out"
        options={DIRECTION_OPTIONS}
        value={direction}
        onChange={setDirection}
        error={errors.get('direction')}
      />
      <TextAreaField
        label={compact ? 'Note' : 'Summary'}
        rows={compact ? 2 : 3}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        error={errors.get('summary')}
        hint={compact ? undefined : 'What you talked about, what comes next.'}
      />
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : submitLabel}
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
