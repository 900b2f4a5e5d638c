import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import type { SharingOverview } from '../../../contracts/network';
import type { PersonRef } from '../../api/types';
import { FormAlert } from '../../ui/form-alert';
import { formatCount, plural } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { ContactPicker } from '../relationships/contact-picker';
import { NetworkSubnav } from './network-subnav';
import { useSharing, useUpdateSharing } from './use-network';
import './network.css';

/** In plain words, exactly what a connection can and can never see (docs/adr/0013-network-privacy.md). */
export function SharingExplained() {
  return (
    <div className="sharing-explained">
      <div>
        <h3>What your connections can see</h3>
        <ul>
          <li>Only contacts you make findable — nothing is findable until you say so, imports included.</li>
          <li>Of those: the name, organisation and title, and that you know them.</li>
          <li>How close you are (a coarse tier), only if you switch it on below.</li>
          <li>A public LinkedIn profile link, only if you switch it on below.</li>
          <li>
            And only when they search with a query: at most 25 people at a time, and a limited number of
            searches a day.
          </li>
        </ul>
      </div>
      <div>
        <h3>What they can never see</h3>
        <ul>
          <li>Email addresses, phone numbers, street addresses or other links.</li>
          <li>Notes, interactions, favours, promises, purposes or tags.</li>
          <li>Your full list: there is no way to browse your contacts.</li>
        </ul>
        <p className="muted">
          Every search that shows one of your contacts, every path through them and every introduction request
          is in your <Link to="/network/access-log">access log</Link>. A contact reaches someone new only
          through a double opt-in introduction: you agree first, then they do.
        </p>
      </div>
    </div>
  );
}

/** One place to see and change everything I share: the switches, findable tags, contacts with their own choice. */
export function SharingPage() {
  useDocumentTitle('What you share');
  const sharing = useSharing();
  return (
    <>
      <PageHeader
        title="What you share"
        subtitle="Your contacts are private by default. Here you choose which of them your connections can find."
      />
      <NetworkSubnav />
      {sharing.isPending ? <Loading /> : null}
      {sharing.isError ? <QueryError error={sharing.error} onRetry={() => void sharing.refetch()} /> : null}
      {sharing.data ? <SharingView sharing={sharing.data} /> : null}
    </>
  );
}

/**
 * A checkbox that shows its new state in the same render as the click: the cached overview only changes once the
 * mutation starts, and a controlled box that lags its click reads as "did not take". The server's state wins as soon
 * as it differs (including an error putting the old state back).
 */
function InstantCheckbox(props: { id: string; checked: boolean; onToggle: (next: boolean) => void }) {
  const [pending, setPending] = useState<boolean | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the point is to drop the pending state when the server's value changes
  useEffect(() => setPending(null), [props.checked]);
  return (
    <input
      id={props.id}
      type="checkbox"
      checked={pending ?? props.checked}
      onChange={(e) => {
        setPending(e.target.checked);
        props.onToggle(e.target.checked);
      }}
    />
  );
}

function SharingView({ sharing }: { sharing: SharingOverview }) {
  const update = useUpdateSharing();
  const toast = useToast();
  const fail = (e: Error) => toast.show({ message: `Could not save: ${e.message}`, tone: 'error' });
  return (
    <div className="stack">
      <section aria-labelledby="sharing-total" className="card">
        <div role="status">
          <h2 id="sharing-total">
            {sharing.findableCount === 0
              ? 'Your connections cannot find any of your contacts'
              : `Your connections can find ${formatCount(sharing.findableCount)} of your contacts`}
          </h2>
        </div>
        <SharingExplained />
      </section>
      <section aria-labelledby="sharing-switches" className="card stack">
        <h2 id="sharing-switches">What they see of a findable contact</h2>
        <div className="choice">
          <InstantCheckbox
            id="share-tier"
            checked={sharing.settings.shareTier}
            onToggle={(shareTier) => update.mutate({ kind: 'settings', shareTier }, { onError: fail })}
          />
          <label htmlFor="share-tier">
            Show how well I know them
            <span className="choice__hint">
              Inner circle, close, active or dormant — never the score behind it.
            </span>
          </label>
        </div>
        <div className="choice">
          <InstantCheckbox
            id="share-linkedin"
            checked={sharing.settings.shareLinkedin}
            onToggle={(shareLinkedin) =>
              update.mutate({ kind: 'settings', shareLinkedin }, { onError: fail })
            }
          />
          <label htmlFor="share-linkedin">
            Show their public LinkedIn profile link
            <span className="choice__hint">
              Only a linkedin.com/in/… address; no other link, email or phone.
            </span>
          </label>
        </div>
      </section>
      <section aria-labelledby="sharing-tags" className="card">
        <h2 id="sharing-tags">Findable by tag</h2>
        <p className="muted">
          Every contact with a findable tag is findable, unless you made that contact private below.
        </p>
        {sharing.tags.length === 0 ? (
          <p className="muted">
            No tags yet. <Link to="/tags">Tag your contacts</Link> to share a group at once.
          </p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack">
              <caption className="visually-hidden">
                Tags and whether connections can find their contacts
              </caption>
              <thead>
                <tr>
                  <th scope="col">Tag</th>
                  <th scope="col">Contacts</th>
                  <th scope="col">Findable by connections</th>
                </tr>
              </thead>
              <tbody>
                {sharing.tags.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{t.name}</th>
                    <td data-label="Contacts">{formatCount(t.contactCount)}</td>
                    <td data-label="Findable">
                      <div className="choice choice--inline">
                        <InstantCheckbox
                          id={`tag-findable-${t.id}`}
                          checked={t.findable}
                          onToggle={(findable) =>
                            update.mutate(
                              { kind: 'tags', tagIds: [t.id], findable },
                              {
                                onSuccess: (s) =>
                                  toast.show({
                                    message: `${t.name}: ${findable ? 'findable' : 'private'}. ${s.findableCount} findable in all.`,
                                  }),
                                onError: fail,
                              },
                            )
                          }
                        />
                        <label htmlFor={`tag-findable-${t.id}`}>
                          Findable<span className="visually-hidden">: {t.name}</span>
                        </label>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="sharing-contacts" className="card stack">
        <h2 id="sharing-contacts">Contacts that decide for themselves</h2>
        <p className="muted">A contact’s own choice wins over its tags: private always wins.</p>
        <ExplicitList
          title="Always findable"
          list={sharing.contacts.findable}
          onReset={(c) =>
            update.mutate({ kind: 'contacts', contactIds: [c.id], share: 'default' }, { onError: fail })
          }
          pending={update.isPending}
        />
        <ExplicitList
          title="Never findable"
          list={sharing.contacts.private}
          onReset={(c) =>
            update.mutate({ kind: 'contacts', contactIds: [c.id], share: 'default' }, { onError: fail })
          }
          pending={update.isPending}
        />
        <ContactShareForm />
      </section>
    </div>
  );
}

function ExplicitList({
  title,
  list,
  onReset,
  pending,
}: {
  title: string;
  list: SharingOverview['contacts']['findable'];
  onReset: (c: PersonRef) => void;
  pending: boolean;
}) {
  return (
    <div>
      <h3>
        {title} ({list.total})
      </h3>
      {list.total === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="share-list">
          {list.items.map((c) => (
            <li key={c.id}>
              <Link to={`/contacts/${c.id}`}>{c.displayName}</Link>{' '}
              <button
                type="button"
                className="button button--small"
                disabled={pending}
                onClick={() => onReset(c)}
              >
                Follow tags<span className="visually-hidden"> for {c.displayName}</span>
              </button>
            </li>
          ))}
          {list.total > list.items.length ? (
            <li className="muted">and {list.total - list.items.length} more</li>
          ) : null}
        </ul>
      )}
    </div>
  );
}

function ContactShareForm() {
  const update = useUpdateSharing();
  const [people, setPeople] = useState<PersonRef[]>([]);
  const [share, setShare] = useState<'findable' | 'private'>('findable');
  const [missing, setMissing] = useState(false);
  const id = useId();
  const toast = useToast();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (people.length === 0) {
      setMissing(true);
      return;
    }
    setMissing(false);
    update.mutate(
      { kind: 'contacts', contactIds: people.map((p) => p.id), share },
      {
        onSuccess: () => {
          toast.show({
            message: `${plural(people.length, 'contact')} ${share === 'findable' ? 'findable' : 'private'}.`,
          });
          setPeople([]);
        },
      },
    );
  }

  return (
    <form className="stack share-form" aria-label="Choose for some contacts" onSubmit={submit} noValidate>
      <h3>Choose for some contacts</h3>
      <FormAlert message={update.error?.message} />
      <ContactPicker
        label="Contacts"
        multiple
        selected={people}
        onChange={setPeople}
        error={missing ? 'Choose at least one contact.' : undefined}
      />
      <fieldset className="radios">
        <legend>Connections can find them</legend>
        <div className="choice choice--inline">
          <input
            id={`${id}-yes`}
            type="radio"
            name={`${id}-share`}
            checked={share === 'findable'}
            onChange={() => setShare('findable')}
          />
          <label htmlFor={`${id}-yes`}>Yes</label>
        </div>
        <div className="choice choice--inline">
          <input
            id={`${id}-no`}
            type="radio"
            name={`${id}-share`}
            checked={share === 'private'}
            onChange={() => setShare('private')}
          />
          <label htmlFor={`${id}-no`}>No</label>
        </div>
      </fieldset>
      <div>
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          Save
        </button>
      </div>
    </form>
  );
}
