import { type ReactNode, useRef, useState } from 'react';
import type { PersonRef } from '../../api/types';
import { LoadMore } from '../../ui/load-more';
import { Loading } from '../../ui/loading';
import { QueryError } from '../../ui/query-error';
import { useToast } from '../../ui/use-toast';
import { FavourForm } from './favour-form';
import { FavourRow } from './favour-row';
import { InteractionForm } from './interaction-form';
import { InteractionTimeline } from './interaction-timeline';
import { PromiseForm } from './promise-form';
import { PromiseRow } from './promise-row';
import { balanceWords, RelationshipPanel } from './relationship-panel';
import { useFavours } from './use-favours';
import { usePromises } from './use-promises';
import { useRelationship } from './use-relationship';

/** The relationship engine on a contact's page: strength, the interaction timeline, favours and promises. */
export function ContactRelationship({ person }: { person: PersonRef }) {
  return (
    <div className="details relationship-cards">
      <section aria-labelledby="rel-strength" className="card">
        <h2 id="rel-strength">Relationship</h2>
        <RelationshipPanel contactId={person.id} name={person.displayName} />
      </section>
      <InteractionsCard person={person} />
      <FavoursCard person={person} />
      <PromisesCard person={person} />
    </div>
  );
}

/** A card with a heading and a button that opens a form in it (the button gets the keyboard back on close). */
function useFormToggle() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  return { open, setOpen, button, close };
}

/** The button that opens a card's form; the form takes its place while open, and gives the keyboard back to it. */
function OpenFormButton({
  form,
  primary = false,
  children,
}: {
  form: ReturnType<typeof useFormToggle>;
  primary?: boolean;
  children: ReactNode;
}) {
  if (form.open) return null;
  return (
    <button
      ref={form.button}
      type="button"
      className={primary ? 'button button--small button--primary' : 'button button--small'}
      onClick={() => form.setOpen(true)}
    >
      {children}
    </button>
  );
}

function InteractionsCard({ person }: { person: PersonRef }) {
  const form = useFormToggle();
  const toast = useToast();
  return (
    <section aria-labelledby="rel-interactions" className="card">
      <div className="card__head">
        <h2 id="rel-interactions">Interactions</h2>
        <OpenFormButton form={form} primary>
          Log interaction
        </OpenFormButton>
      </div>
      {form.open ? (
        <InteractionForm
          people={[person]}
          title={`Log an interaction with ${person.displayName}`}
          onDone={(saved) => {
            toast.show({
              message: `Interaction logged with ${saved.contacts.map((c) => c.displayName).join(', ')}.`,
            });
            form.close();
          }}
          onCancel={form.close}
        />
      ) : null}
      <InteractionTimeline contactId={person.id} />
    </section>
  );
}

function FavoursCard({ person }: { person: PersonRef }) {
  const favours = useFavours(person.id);
  const balance = useRelationship(person.id).data?.favours;
  const form = useFormToggle();
  const toast = useToast();
  return (
    <section aria-labelledby="rel-favours" className="card">
      <div className="card__head">
        <h2 id="rel-favours">Favours</h2>
        <OpenFormButton form={form}>Record a favour</OpenFormButton>
      </div>
      {form.open ? (
        <FavourForm
          person={person}
          title={`Record a favour with ${person.displayName}`}
          focusOnOpen
          onDone={() => {
            toast.show({ message: 'Favour recorded.' });
            form.close();
          }}
          onCancel={form.close}
        />
      ) : null}
      {balance && (balance.given > 0 || balance.received > 0) ? (
        <p className="favour-balance">
          Balance: <strong>{balance.balance > 0 ? `+${balance.balance}` : balance.balance}</strong>{' '}
          <span className="muted">
            (given {balance.given}, received {balance.received}, weighted by size:{' '}
            {balanceWords(balance.balance, person.displayName)})
          </span>
        </p>
      ) : null}
      {favours.isPending ? <Loading label="Loading favours…" /> : null}
      {favours.isError ? <QueryError error={favours.error} onRetry={() => void favours.refetch()} /> : null}
      {favours.data && favours.data.length === 0 ? <p className="muted">No favours either way yet.</p> : null}
      {favours.data && favours.data.length > 0 ? (
        <ul className="ledger">
          {favours.data.map((f) => (
            <FavourRow key={f.id} favour={f} showContact={false} />
          ))}
        </ul>
      ) : null}
      <LoadMore list={favours} label="Load older favours" />
    </section>
  );
}

function PromisesCard({ person }: { person: PersonRef }) {
  const promises = usePromises(person.id);
  const form = useFormToggle();
  const toast = useToast();
  const items = promises.data ?? [];
  const open = items.filter((p) => p.status === 'open');
  const done = items.filter((p) => p.status !== 'open');
  return (
    <section aria-labelledby="rel-promises" className="card">
      <div className="card__head">
        <h2 id="rel-promises">Promises</h2>
        <OpenFormButton form={form}>Add a promise</OpenFormButton>
      </div>
      {form.open ? (
        <PromiseForm
          person={person}
          title={`Add a promise with ${person.displayName}`}
          focusOnOpen
          onDone={() => {
            toast.show({ message: 'Promise added.' });
            form.close();
          }}
          onCancel={form.close}
        />
      ) : null}
      {promises.isPending ? <Loading label="Loading promises…" /> : null}
      {promises.isError ? (
        <QueryError error={promises.error} onRetry={() => void promises.refetch()} />
      ) : null}
      {promises.data && items.length === 0 ? <p className="muted">No promises either way.</p> : null}
      {open.length > 0 ? (
        <ul className="ledger" aria-label="Open promises">
          {open.map((p) => (
            <PromiseRow key={p.id} promise={p} showContact={false} />
          ))}
        </ul>
      ) : null}
      {done.length > 0 ? (
        <>
          <h3>Kept, broken, released</h3>
          <ul className="ledger" aria-label="Past promises">
            {done.map((p) => (
              <PromiseRow key={p.id} promise={p} showContact={false} />
            ))}
          </ul>
        </>
      ) : null}
      <LoadMore list={promises} label="Load more promises" />
    </section>
  );
}
