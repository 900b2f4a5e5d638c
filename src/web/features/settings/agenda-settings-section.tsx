import { type FormEvent, useMemo, useRef, useState } from 'react';
import type { AccountSettings } from '../../api/types';
import { toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { Loading } from '../../ui/loading';
import { QueryError } from '../../ui/query-error';
import { TextField } from '../../ui/text-field';
import { useAccountSettings, useUpdateAccountSettings } from '../profile/use-profile';
import { DIGEST_NOTICE_ID, DigestDeliveryNotice, hasDigestNotice } from './digest-delivery-notice';
import { timeZones } from './time-zones';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Today's length, the time zone that decides what "today" is, and the daily email digest. */
export function AgendaSettingsSection() {
  const settings = useAccountSettings();
  return (
    <section aria-labelledby="agenda-heading" className="card">
      <h2 id="agenda-heading">Today and the daily digest</h2>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : null}
      {settings.data ? <AgendaSettingsForm initial={settings.data} /> : null}
    </section>
  );
}

const FIELDS = new Set(['todayLimit', 'timeZone', 'digestEnabled', 'digestHour']);

function AgendaSettingsForm({ initial }: { initial: AccountSettings }) {
  const update = useUpdateAccountSettings();
  const formRef = useRef<HTMLFormElement>(null);
  const [todayLimit, setTodayLimit] = useState(String(initial.todayLimit));
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [digestEnabled, setDigestEnabled] = useState(initial.digestEnabled);
  const [digestHour, setDigestHour] = useState(initial.digestHour);
  const [saved, setSaved] = useState(false);
  const [localLimit, setLocalLimit] = useState<string | null>(null);
  const zones = useMemo(() => timeZones(initial.timeZone), [initial.timeZone]);
  const errors = toFieldErrors(update.error, (p) => FIELDS.has(p));
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const limit = Number(todayLimit);
    if (!todayLimit.trim() || !Number.isInteger(limit)) {
      setLocalLimit('Enter a whole number.');
      formRef.current?.querySelector<HTMLElement>('input[type="number"]')?.focus();
      return;
    }
    setLocalLimit(null);
    update.mutate(
      {
        todayLimit: limit,
        timeZone,
        digestEnabled,
        digestHour,
      },
      {
        onSuccess: () => setSaved(true),
        onError: () =>
          requestAnimationFrame(() =>
            formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
          ),
      },
    );
  }

  const zoneError = errors.byPath.get('timeZone');
  const hourError = errors.byPath.get('digestHour');
  return (
    <form ref={formRef} className="stack narrow" onSubmit={submit} noValidate>
      <FormAlert message={errors.general} />
      {saved ? (
        <p className="alert alert--success" role="status">
          Saved. Today follows the new settings.
        </p>
      ) : null}
      <TextField
        label="Items on Today"
        type="number"
        inputMode="numeric"
        min={1}
        max={50}
        hint="A short list gets done: 5 to 10 works for most people."
        value={todayLimit}
        onChange={(e) => setTodayLimit(e.target.value)}
        error={localLimit ?? errors.byPath.get('todayLimit')}
      />
      <div className={zoneError ? 'field field--invalid' : 'field'}>
        <label htmlFor="settings-time-zone">Time zone</label>
        <select
          id="settings-time-zone"
          value={timeZone}
          aria-invalid={zoneError ? true : undefined}
          aria-describedby={
            zoneError ? 'settings-time-zone-hint settings-time-zone-error' : 'settings-time-zone-hint'
          }
          onChange={(e) => setTimeZone(e.target.value)}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
        <p id="settings-time-zone-hint" className="field__hint">
          Decides when your day starts and ends.
          {browserZone && browserZone !== timeZone ? (
            <>
              {' '}
              This browser is in {browserZone.replace(/_/g, ' ')}.{' '}
              <button type="button" className="link-button" onClick={() => setTimeZone(browserZone)}>
                Use it
              </button>
            </>
          ) : null}
        </p>
        {zoneError ? (
          <p id="settings-time-zone-error" className="field__error">
            {zoneError}
          </p>
        ) : null}
      </div>
      <div className="choice">
        <input
          id="settings-digest"
          type="checkbox"
          checked={digestEnabled}
          aria-describedby={hasDigestNotice(initial, digestEnabled) ? DIGEST_NOTICE_ID : undefined}
          onChange={(e) => setDigestEnabled(e.target.checked)}
        />
        <label htmlFor="settings-digest">
          Email me Today’s list every day
          <span className="choice__hint">Only on days with something on it.</span>
        </label>
      </div>
      {/* The saved settings, not the form's: they say what the server will (not) do. */}
      <DigestDeliveryNotice settings={initial} enabled={digestEnabled} />
      <div className={hourError ? 'field field--invalid' : 'field'}>
        <label htmlFor="settings-digest-hour">Send it at</label>
        <select
          id="settings-digest-hour"
          value={digestHour}
          disabled={!digestEnabled}
          aria-invalid={hourError ? true : undefined}
          onChange={(e) => setDigestHour(Number(e.target.value))}
        >
          {HOURS.map((h) => (
            <option key={h} value={h}>
              {String(h).padStart(2, '0')}:00
            </option>
          ))}
        </select>
        {hourError ? <p className="field__error">{hourError}</p> : null}
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          Save
        </button>
      </div>
    </form>
  );
}
