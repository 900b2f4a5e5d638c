import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TodayItem as Item } from '../../api/types';
import { addDays } from '../../ui/dates';
import { toFieldErrors } from '../../ui/field-errors';
import { formatDate, readableDates } from '../../ui/format';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/use-toast';
import { FavourForm } from '../relationships/favour-form';
import { InteractionForm } from '../relationships/interaction-form';
import { useUpdatePromise } from '../relationships/use-promises';
import { logDefaultsOf, networkTargetOf, promiseIdOf, useTodayAction } from './use-today';

type Panel = 'log' | 'favour' | 'snooze' | null;

const KIND_WORDS: Record<Item['kind'], string> = {
  promise: 'Your promise',
  'their-promise': 'Their promise',
  waiting: 'Waiting on you',
  birthday: 'Date',
  'keep-in-touch': 'Keep in touch',
  'favour-owed': 'Favour owed',
  'follow-up': 'Follow up',
  'new-connection': 'New connection',
  'purpose-stale': 'Purpose',
  introduction: 'Introduction',
  'connection-request': 'Connection request',
  ask: 'Ask',
  'thank-broker': 'Say thanks',
};

/**
 * One agenda item: its rank, what and why, the one-click action, Done, Snooze (until a day, tomorrow by default) and
 * a quick "log an interaction" with the person. `onLeave` is called when the item is about to leave the list.
 */
export function TodayItem({ item, today, onLeave }: { item: Item; today: string; onLeave: () => void }) {
  const [panel, setPanel] = useState<Panel>(null);
  const act = useTodayAction();
  const markKept = useUpdatePromise();
  const toast = useToast();
  const navigate = useNavigate();
  const titleId = useId();
  const itemRef = useRef<HTMLLIElement>(null);
  const openerRef = useRef<HTMLButtonElement | null>(null);
  /** Each button's name says which item it acts on: "Done: Reply to Alan Turing". */
  const named = (label: string) => `${label}: ${item.title}`;
  const person = item.contact;
  const busy = act.isPending || markKept.isPending;

  function open(next: Panel, opener: HTMLButtonElement) {
    openerRef.current = opener;
    setPanel(next);
  }
  function close() {
    setPanel(null);
    requestAnimationFrame(() => openerRef.current?.focus());
  }

  // mutateAsync, not mutate's callbacks: the item leaves the list (and unmounts) before they would run.
  function done(message = 'Done.') {
    onLeave();
    const undo = async () => {
      try {
        await act.mutateAsync({ key: item.key, action: 'undo' });
        toast.show({ message: `Back on the list: ${item.title}.` });
      } catch (e) {
        toast.show({
          message: `Could not undo: ${e instanceof Error ? e.message : 'unknown error'}`,
          tone: 'error',
        });
      }
    };
    act
      .mutateAsync({ key: item.key, action: 'done' })
      .then(() => toast.show({ message, action: { label: 'Undo', onClick: undo } }))
      .catch((e: Error) => toast.show({ message: `Could not mark it done: ${e.message}`, tone: 'error' }));
  }

  function primary(opener: HTMLButtonElement) {
    switch (item.action.kind) {
      case 'mark-kept': {
        const id = promiseIdOf(item.key);
        if (!id) return done();
        onLeave();
        const reopen = async () => {
          try {
            await markKept.mutateAsync({ id, status: 'open' });
            toast.show({ message: `Open again: ${item.title}.` });
          } catch (e) {
            toast.show({
              message: `Could not undo: ${e instanceof Error ? e.message : 'unknown error'}`,
              tone: 'error',
            });
          }
        };
        markKept
          .mutateAsync({ id, status: 'kept' })
          .then(() =>
            toast.show({
              message: item.kind === 'promise' ? 'Marked kept. Well done.' : 'Marked received.',
              action: { label: 'Undo', onClick: reopen },
            }),
          )
          .catch((e: Error) => toast.show({ message: `Could not save: ${e.message}`, tone: 'error' }));
        return;
      }
      case 'record-favour':
        return open(panel === 'favour' ? null : 'favour', opener);
      case 'log-interaction':
        return open(panel === 'log' ? null : 'log', opener);
      case 'outreach-write':
      case 'outreach-follow-up':
        // The key is new-connection:<item> or follow-up:<item>.
        return void navigate(`/outreach/items/${item.key.split(':')[1] ?? ''}`);
      case 'open-purpose':
        // The key is purpose-stale:<purpose id>:<item>:…
        return void navigate(`/purposes/${item.key.split(':')[1] ?? ''}`);
      case 'decide-connection':
      case 'decide-introduction':
      case 'report-outcome':
      case 'answer-ask':
      case 'open-ask': {
        const to = networkTargetOf(item.key);
        return to ? void navigate(to) : done();
      }
      default:
        return done();
    }
  }

  const logIsPrimary = item.action.kind === 'log-interaction';
  return (
    <li ref={itemRef} className={`today-item today-item--${item.kind}`} aria-labelledby={titleId}>
      <span className="today-item__rank" aria-hidden="true">
        {item.rank}
      </span>
      <div className="today-item__body">
        <p className="today-item__kind">{KIND_WORDS[item.kind] ?? item.kind}</p>
        {/* An h3: the items sit in the section "Today's list" (an h2). */}
        <h3 id={titleId} className="today-item__title" tabIndex={-1} data-today-title="">
          {item.title}
        </h3>
        <p className="today-item__reason">
          {sentence(readableDates(item.reason))}
          {person ? (
            <>
              {' · '}
              {/* The whole name as a label: a visually hidden span is a block to the name computation, so
                  screen readers read "Alan Turing ’s page" with a space. */}
              <Link to={`/contacts/${person.id}`} aria-label={`${person.displayName}’s page`}>
                {person.displayName}
              </Link>
            </>
          ) : null}
        </p>
        <div className="today-item__actions">
          <button
            type="button"
            className="button button--primary button--small"
            disabled={busy}
            aria-expanded={
              item.action.kind === 'mark-kept' ? undefined : panel === (logIsPrimary ? 'log' : 'favour')
            }
            aria-label={named(item.action.label)}
            onClick={(e) => primary(e.currentTarget)}
          >
            {item.action.label}
          </button>
          {!logIsPrimary && person ? (
            <button
              type="button"
              className="button button--small"
              aria-expanded={panel === 'log'}
              aria-label={named('Log interaction')}
              onClick={(e) => open(panel === 'log' ? null : 'log', e.currentTarget)}
            >
              Log interaction
            </button>
          ) : null}
          {item.kind === 'promise' ? null : (
            // On my promise, Done would be "Mark kept" again (the server keeps it rather than hide it open).
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              aria-label={named('Done')}
              onClick={() => done()}
            >
              Done
            </button>
          )}
          <button
            type="button"
            className="button button--small"
            aria-expanded={panel === 'snooze'}
            aria-label={named('Snooze')}
            onClick={(e) => open(panel === 'snooze' ? null : 'snooze', e.currentTarget)}
          >
            Snooze
          </button>
        </div>
        {panel === 'log' && person ? (
          <InteractionForm
            compact
            people={[person]}
            title={`Log an interaction with ${person.displayName}`}
            defaultKind={logDefaultsOf(item).kind}
            defaultDirection={logDefaultsOf(item).direction}
            onCancel={close}
            onSaving={onLeave}
            onDone={() => {
              toast.show({ message: `Interaction logged with ${person.displayName}.` });
              setPanel(null);
              // A dated event stays on the list until it is done; other items move on with the interaction.
              if (item.kind === 'birthday') done('Logged, and done for this year.');
            }}
          />
        ) : null}
        {panel === 'favour' && person ? (
          <FavourForm
            person={person}
            title={`Record a favour with ${person.displayName}`}
            focusOnOpen
            onCancel={close}
            onSaving={onLeave}
            onDone={() => {
              toast.show({ message: `Favour recorded with ${person.displayName}.` });
              setPanel(null);
            }}
          />
        ) : null}
        {panel === 'snooze' ? (
          <SnoozeForm
            item={item}
            today={today}
            onCancel={close}
            onSnoozed={(until) => {
              toast.show({ message: `Snoozed until ${formatDate(until)}.` });
            }}
            onLeave={onLeave}
          />
        ) : null}
      </div>
    </li>
  );
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function SnoozeForm({
  item,
  today,
  onCancel,
  onSnoozed,
  onLeave,
}: {
  item: Item;
  today: string;
  onCancel: () => void;
  onSnoozed: (until: string) => void;
  onLeave: () => void;
}) {
  const act = useTodayAction();
  const tomorrow = addDays(today, 1);
  const [until, setUntil] = useState(tomorrow);
  const [local, setLocal] = useState<string | null>(null);
  const inputId = useId();
  const errors = toFieldErrors(act.error, (p) => p === 'until');

  // The form opens on request, with the date ready to change.
  useEffect(() => {
    document.getElementById(inputId)?.focus();
  }, [inputId]);
  const error = local ?? errors.byPath.get('until');

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!until || until <= today) {
      setLocal('Choose a day after today.');
      document.getElementById(inputId)?.focus();
      return;
    }
    setLocal(null);
    onLeave();
    act
      .mutateAsync({ key: item.key, action: 'snooze', until })
      .then(() => onSnoozed(until))
      .catch(() => requestAnimationFrame(() => document.getElementById(inputId)?.focus()));
  }

  return (
    <form
      className="inline-form snooze-form"
      aria-label={`Snooze: ${item.title}`}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      {errors.general ? (
        <p className="field__error" role="alert">
          {errors.general}
        </p>
      ) : null}
      <TextField
        id={inputId}
        label="Snooze until"
        type="date"
        min={tomorrow}
        value={until}
        onChange={(e) => setUntil(e.target.value)}
        error={error}
      />
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary" disabled={act.isPending}>
          Snooze
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
