import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { favourTally } from '../../../contracts/favour-words';
import type { Relationship } from '../../api/types';
import { relativeDay } from '../../ui/dates';
import { FormAlert } from '../../ui/form-alert';
import { formatDate, formatWhen } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { QueryError } from '../../ui/query-error';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/use-toast';
import { dayInZone, useAccountTimeZone } from '../profile/use-account-today';
import {
  CLOSENESS_OPTIONS,
  cadenceText,
  DUE_NOW_NEVER_IN_TOUCH,
  dueSinceConnecting,
  NOT_STARTED,
  noFactorsText,
  notStarted,
  tierLabel,
} from './relationship-words';
import { useFormErrors } from './use-form-errors';
import { useRelationship, useUpdateRelationship } from './use-relationship';

/** Strength as a meter, the tier, why (in sentences), last contact, cadence and when keeping in touch is due. */
export function RelationshipPanel({ contactId, name }: { contactId: string; name: string }) {
  const relationship = useRelationship(contactId);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const meterId = useId();
  // Days as the server counts them: in the account's time zone.
  const zone = useAccountTimeZone();

  if (relationship.isPending) return <Loading label="Loading the relationship…" />;
  if (relationship.isError)
    return <QueryError error={relationship.error} onRetry={() => void relationship.refetch()} />;
  const r = relationship.data;
  const today = dayInZone(zone);
  const overdue = r.nextDue !== null && r.nextDue < today;
  const started = !notStarted(r);

  return (
    <div className="relationship">
      <div className="relationship__score">
        <span id={meterId} className="relationship__label">
          Relationship strength
        </span>
        <div className="relationship__meter-row">
          <meter
            aria-labelledby={meterId}
            className="meter"
            min={0}
            max={100}
            low={20}
            high={70}
            optimum={100}
            value={r.score}
          >
            {r.score} of 100
          </meter>
          {started ? (
            <>
              <span className="relationship__number" data-testid="relationship-score">
                {Math.round(r.score)}
                <span className="muted"> / 100</span>
              </span>
              <span className={`tier tier--${r.tier}`}>{tierLabel(r.tier)}</span>
            </>
          ) : (
            <span className="tier" data-testid="relationship-not-started">
              {NOT_STARTED}
            </span>
          )}
        </div>
      </div>
      {r.factors.length > 0 ? (
        <>
          <h3>Why</h3>
          <ul className="factors">
            {r.factors.map((f) => (
              <li key={f.kind}>{sentence(f.text)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{noFactorsText(r.lastContactAt)}</p>
      )}
      <dl className="dl">
        <div className="dl__row">
          <dt>Last contact</dt>
          <dd>
            {r.lastContactAt ? (
              <>
                {formatWhen(r.lastContactAt, r.lastContactDateOnly)}{' '}
                <span className="muted">
                  ({relativeDay(dayInZone(zone, new Date(r.lastContactAt)), today)})
                </span>
                {/* A favour moves the keep-in-touch clock too (ADR 8): say so, or the due day looks wrong. */}
                {r.lastContactKind === 'favour' ? ' · a favour (counts as being in touch)' : null}
              </>
            ) : (
              <span className="muted">None logged</span>
            )}
          </dd>
        </div>
        <div className="dl__row">
          <dt>Keep in touch</dt>
          <dd>{cadenceText(r.cadence.days, r.cadence.source, r.tier, started, r.cadence.tag)}</dd>
        </div>
        <div className="dl__row">
          <dt>Next due</dt>
          <dd data-testid="relationship-next-due">
            {r.cadence.days !== null && dueSinceConnecting(r, today) ? (
              <span className="overdue">{DUE_NOW_NEVER_IN_TOUCH}</span>
            ) : r.nextDue && r.cadence.days !== null ? (
              <>
                {formatDate(r.nextDue)}{' '}
                <span className={overdue ? 'overdue' : 'muted'}>
                  ({overdue ? `overdue, due ${relativeDay(r.nextDue, today)}` : relativeDay(r.nextDue, today)}
                  )
                </span>
              </>
            ) : (
              <span className="muted">Not scheduled</span>
            )}
          </dd>
        </div>
        <div className="dl__row">
          <dt>Favours</dt>
          <dd>
            {r.favours.given === 0 && r.favours.received === 0 ? (
              <span className="muted">None yet</span>
            ) : (
              <>
                {favourTally(r.favours)}{' '}
                <span className="muted">({balanceWords(r.favours.balance, name)})</span>
              </>
            )}
          </dd>
        </div>
      </dl>
      {editing ? (
        <RelationshipSettingsForm
          contactId={contactId}
          relationship={r}
          onClose={() => {
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      ) : (
        <button
          ref={editButton}
          type="button"
          className="button button--small"
          onClick={() => setEditing(true)}
        >
          Closeness and keep-in-touch
        </button>
      )}
    </div>
  );
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "you have helped more" / "they have helped you more" / "even", weighted by size. */
export function balanceWords(balance: number, name: string): string {
  if (balance > 0) return `you have helped ${name} more`;
  if (balance < 0) return `${name} has helped you more`;
  return 'even';
}

type CadenceChoice = 'default' | 'custom' | 'stopped';

const SETTINGS_FIELDS = ['closeness', 'cadenceDays', 'stopped'] as const;

function RelationshipSettingsForm({
  contactId,
  relationship,
  onClose,
}: {
  contactId: string;
  relationship: Relationship;
  onClose: () => void;
}) {
  const update = useUpdateRelationship(contactId);
  const toast = useToast();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [closeness, setCloseness] = useState(relationship.closeness);
  const [choice, setChoice] = useState<CadenceChoice>(
    relationship.cadence.source === 'stopped'
      ? 'stopped'
      : relationship.cadence.source === 'contact'
        ? 'custom'
        : 'default',
  );
  const [days, setDays] = useState(
    relationship.cadence.source === 'contact' && relationship.cadence.days
      ? String(relationship.cadence.days)
      : '',
  );
  const [localDays, setLocalDays] = useState<string | null>(null);
  const errors = useFormErrors(update.error, SETTINGS_FIELDS, formRef);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('select')?.focus();
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    let cadence: { cadenceDays?: number | null; stopped: boolean };
    if (choice === 'custom') {
      const n = Number(days);
      if (!days.trim() || !Number.isInteger(n)) {
        setLocalDays('Enter a whole number of days.');
        formRef.current?.querySelector<HTMLInputElement>('input[type="number"]')?.focus();
        return;
      }
      cadence = { cadenceDays: n, stopped: false };
    } else if (choice === 'default') cadence = { cadenceDays: null, stopped: false };
    else cadence = { stopped: true };
    setLocalDays(null);
    update.mutate(
      { closeness, ...cadence },
      {
        onSuccess: () => {
          toast.show({ message: 'Saved the relationship settings.' });
          onClose();
        },
      },
    );
  }

  const daysError = localDays ?? errors.get('cadenceDays');
  return (
    <form
      ref={formRef}
      className="log-form"
      aria-label="Closeness and keep-in-touch"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
      noValidate
    >
      <FormAlert message={errors.general} />
      <div className="field">
        <label htmlFor={`${id}-closeness`}>How close you feel</label>
        <select
          id={`${id}-closeness`}
          value={closeness}
          aria-describedby={`${id}-closeness-hint`}
          aria-invalid={errors.get('closeness') ? true : undefined}
          onChange={(e) => setCloseness(Number(e.target.value))}
        >
          {CLOSENESS_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <p id={`${id}-closeness-hint`} className="field__hint">
          The score never decays below what this rating sets.
        </p>
        {errors.get('closeness') ? <p className="field__error">{errors.get('closeness')}</p> : null}
      </div>
      <fieldset className="radios">
        <legend>Keep in touch</legend>
        <div className="choice">
          <input
            id={`${id}-default`}
            type="radio"
            name={`${id}-cadence`}
            checked={choice === 'default'}
            onChange={() => setChoice('default')}
          />
          <label htmlFor={`${id}-default`}>
            Default
            <span className="choice__hint">From the person’s tags, else how strong the relationship is.</span>
          </label>
        </div>
        <div className="choice">
          <input
            id={`${id}-custom`}
            type="radio"
            name={`${id}-cadence`}
            checked={choice === 'custom'}
            onChange={() => setChoice('custom')}
          />
          <label htmlFor={`${id}-custom`}>Every so many days</label>
        </div>
        {choice === 'custom' ? (
          <TextField
            label="Days between contacts"
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            className="field--days"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={daysError}
          />
        ) : null}
        <div className="choice">
          <input
            id={`${id}-stopped`}
            type="radio"
            name={`${id}-cadence`}
            checked={choice === 'stopped'}
            onChange={() => setChoice('stopped')}
          />
          <label htmlFor={`${id}-stopped`}>
            Not this person
            <span className="choice__hint">No keep-in-touch reminders.</span>
          </label>
        </div>
      </fieldset>
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          Save
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
