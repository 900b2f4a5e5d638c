import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Profile } from '../../api/types';
import { alertMessage, toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { TextAreaField } from '../../ui/text-area-field';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { PhraseListEditor } from './phrase-list-editor';
import { useProfile, useUpdateProfile } from './use-profile';

/** My profile: headline, summary, location, the skills of value I offer and what I am looking for. */
export function ProfilePage() {
  useDocumentTitle('Your profile');
  const profile = useProfile();
  return (
    <>
      <PageHeader
        title="Your profile"
        subtitle="What you offer and what you are looking for: the start of every useful exchange."
      />
      {profile.isPending ? <Loading /> : null}
      {profile.isError ? <QueryError error={profile.error} onRetry={() => void profile.refetch()} /> : null}
      {profile.data ? <ProfileForm initial={profile.data} /> : null}
      <p className="muted">
        Today’s length, your time zone and the daily digest are in <Link to="/settings">Settings</Link>.
      </p>
    </>
  );
}

const FIELDS = new Set(['headline', 'summary', 'location', 'organisation']);

function ProfileForm({ initial }: { initial: Profile }) {
  const update = useUpdateProfile();
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [headline, setHeadline] = useState(initial.headline ?? '');
  const [summary, setSummary] = useState(initial.summary ?? '');
  const [location, setLocation] = useState(initial.location ?? '');
  const [organisation, setOrganisation] = useState(initial.organisation ?? '');
  const [showOffers, setShowOffers] = useState(initial.showOffers);
  const [showNeeds, setShowNeeds] = useState(initial.showNeeds);
  const [offers, setOffers] = useState(initial.offers);
  const [needs, setNeeds] = useState(initial.needs);
  const errors = toFieldErrors(update.error, (p) => FIELDS.has(p) || /^(offers|needs)(\.\d+)?$/.test(p));
  const listError = (list: 'offers' | 'needs') => (index: number) =>
    errors.byPath.get(index < 0 ? list : `${list}.${index}`);

  function submit(e: FormEvent) {
    e.preventDefault();
    update.mutate(
      { headline, summary, location, offers, needs, organisation, showOffers, showNeeds },
      {
        onSuccess: () => toast.show({ message: 'Profile saved.' }),
        onError: () =>
          requestAnimationFrame(() =>
            formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
          ),
      },
    );
  }

  return (
    <form ref={formRef} className="stack profile-form" onSubmit={submit} noValidate>
      <FormAlert message={alertMessage(errors)} />
      <section aria-labelledby="profile-about" className="card stack">
        <h2 id="profile-about">About you</h2>
        <TextField
          label="Headline"
          autoComplete="off"
          placeholder="e.g. Professor of operations, supply-chain research"
          value={headline}
          onChange={(e) => setHeadline(e.target.value)}
          error={errors.byPath.get('headline')}
        />
        <TextField
          label="Organisation"
          autoComplete="organization"
          hint="Your connections see your name, headline and organisation."
          value={organisation}
          onChange={(e) => setOrganisation(e.target.value)}
          error={errors.byPath.get('organisation')}
        />
        <TextField
          label="Location"
          autoComplete="off"
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          error={errors.byPath.get('location')}
        />
        <TextAreaField
          label="Summary"
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          error={errors.byPath.get('summary')}
        />
      </section>
      <section aria-labelledby="profile-exchange" className="card stack">
        <h2 id="profile-exchange">Offers and needs</h2>
        <PhraseListEditor
          legend="What I offer"
          noun="offer"
          hint="Skills of value to others, e.g. “guest lectures on logistics”. Press Enter to add."
          placeholder="e.g. reviewing pitch decks"
          phrases={offers}
          onChange={setOffers}
          errorAt={listError('offers')}
        />
        <PhraseListEditor
          legend="What I’m looking for"
          noun="need"
          hint="The gaps you want to fill, e.g. “guest speakers on supply chain”. Press Enter to add."
          placeholder="e.g. case-study research leads"
          phrases={needs}
          onChange={setNeeds}
          errorAt={listError('needs')}
        />
        <fieldset className="radios">
          <legend>
            What your <Link to="/network">connections</Link> see
          </legend>
          <div className="choice">
            <input
              id="profile-show-offers"
              type="checkbox"
              checked={showOffers}
              onChange={(e) => setShowOffers(e.target.checked)}
            />
            <label htmlFor="profile-show-offers">Show my offers to my connections</label>
          </div>
          <div className="choice">
            <input
              id="profile-show-needs"
              type="checkbox"
              checked={showNeeds}
              onChange={(e) => setShowNeeds(e.target.checked)}
            />
            <label htmlFor="profile-show-needs">Show what I’m looking for to my connections</label>
          </div>
        </fieldset>
      </section>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          Save profile
        </button>
      </div>
    </form>
  );
}
