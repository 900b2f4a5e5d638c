import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { relativeDay } from '../../ui/dates';
import { QueryError } from '../../ui/query-error';
import { useToast } from '../../ui/use-toast';
import { useAccountToday } from '../profile/use-account-today';
import { useContactPurposes, usePlaceContacts, usePurposes } from './use-purposes';

/** On a contact's page: the purposes they are on (stage, next step) and a quick "add to a purpose". */
export function ContactPurposes({ contactId, name }: { contactId: string; name: string }) {
  const mine = useContactPurposes(contactId);
  const active = usePurposes('active');
  const [purposeId, setPurposeId] = useState('');
  const place = usePlaceContacts(purposeId);
  const toast = useToast();
  const today = useAccountToday();
  const id = useId();
  const on = new Set(mine.data?.map((p) => p.purposeId));
  const open = (active.data ?? []).filter((p) => !on.has(p.id));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!purposeId) return;
    place.mutate(
      { contactIds: [contactId] },
      {
        onSuccess: () => {
          toast.show({
            message: `${name} added to ${open.find((p) => p.id === purposeId)?.name ?? 'the purpose'}.`,
          });
          setPurposeId('');
        },
        onError: (err) => toast.show({ message: `Could not add: ${err.message}`, tone: 'error' }),
      },
    );
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="card contact-purposes">
      <h2 id={`${id}-heading`}>Purposes</h2>
      {mine.isError ? <QueryError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data && mine.data.length === 0 ? <p className="muted">Not on any purpose yet.</p> : null}
      {mine.data && mine.data.length > 0 ? (
        <ul className="contact-purposes__list">
          {mine.data.map((p) => (
            <li key={p.itemId}>
              <Link to={`/purposes/${p.purposeId}`}>{p.purposeName}</Link>
              {p.archived ? <span className="muted"> (archived)</span> : null}: {p.stage.name}
              {p.nextStep ? (
                <span className="muted">
                  {' '}
                  · next: {p.nextStep}
                  {p.nextStepOn ? ` (${relativeDay(p.nextStepOn, today)})` : ''}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {open.length > 0 ? (
        <form className="contact-purposes__add" onSubmit={submit} aria-label={`Add ${name} to a purpose`}>
          <div className="field">
            <label htmlFor={`${id}-purpose`}>Add to a purpose</label>
            <select id={`${id}-purpose`} value={purposeId} onChange={(e) => setPurposeId(e.target.value)}>
              <option value="">Choose…</option>
              {open.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--small" disabled={!purposeId || place.isPending}>
            Add
          </button>
        </form>
      ) : null}
    </section>
  );
}
