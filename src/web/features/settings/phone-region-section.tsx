import { type FormEvent, useMemo, useState } from 'react';
import type { AccountSettings } from '../../api/types';
import { toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { Loading } from '../../ui/loading';
import { QueryError } from '../../ui/query-error';
import { useAccountSettings, useUpdateAccountSettings } from '../profile/use-profile';
import { phoneRegionOptions } from './phone-regions';

/** The browser's own country (from its language, e.g. en-GB), to offer as a one-click choice. */
function browserCountry(): string | undefined {
  try {
    return new Intl.Locale(navigator.language).maximize().region;
  } catch {
    return undefined;
  }
}

/** The country in which phone numbers written without a country code are read, for matching. */
export function PhoneRegionSection() {
  const settings = useAccountSettings();
  return (
    <section aria-labelledby="phone-region-heading" className="card">
      <h2 id="phone-region-heading">Phone numbers</h2>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : null}
      {settings.data ? <PhoneRegionForm initial={settings.data} /> : null}
    </section>
  );
}

function PhoneRegionForm({ initial }: { initial: AccountSettings }) {
  const update = useUpdateAccountSettings();
  const [region, setRegion] = useState(initial.phoneRegion ?? '');
  const [saved, setSaved] = useState(false);
  const list = useMemo(() => phoneRegionOptions(), []);
  const names = useMemo(() => new Map(list.map((c) => [c.code, c.name])), [list]);
  const errors = toFieldErrors(update.error, (p) => p === 'phoneRegion');
  const error = errors.byPath.get('phoneRegion');
  const suggested = browserCountry();

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    update.mutate({ phoneRegion: region || null }, { onSuccess: () => setSaved(true) });
  }

  return (
    <form className="stack narrow" onSubmit={submit} noValidate>
      <FormAlert message={errors.general} />
      {saved ? (
        <p className="alert alert--success" role="status">
          Saved. Your contacts’ numbers were read again.
        </p>
      ) : null}
      <div className={error ? 'field field--invalid' : 'field'}>
        <label htmlFor="settings-phone-region">Numbers written without a country code are in</label>
        <select
          id="settings-phone-region"
          value={region}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            error ? 'settings-phone-region-hint settings-phone-region-error' : 'settings-phone-region-hint'
          }
          onChange={(e) => setRegion(e.target.value)}
        >
          {/* Short enough for a phone's select; the hint below says what it means. */}
          <option value="">No country (match as written)</option>
          {/* A saved code this browser cannot name still shows, as itself. */}
          {region && !names.has(region) ? <option value={region}>{region}</option> : null}
          {list.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <p id="settings-phone-region-hint" className="field__hint">
          Lets imports and the duplicates view see that 07700 900777 and +44 7700 900777 are one number; with
          no country, numbers match only as written. Numbers stay as you wrote them. CSV imports also read
          dates such as 5/4/1990 as this country writes them.
          {suggested && suggested !== region && names.has(suggested) ? (
            <>
              {' '}
              This browser says {names.get(suggested)}.{' '}
              <button type="button" className="link-button" onClick={() => setRegion(suggested)}>
                Use it
              </button>
            </>
          ) : null}
        </p>
        {error ? (
          <p id="settings-phone-region-error" className="field__error">
            {error}
          </p>
        ) : null}
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          Save
        </button>
      </div>
    </form>
  );
}
