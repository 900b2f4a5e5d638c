import { type FormEvent, useEffect, useId, useState } from 'react';
import type { OrganisationDetail } from '../../api/types';
import { FormAlert } from '../../ui/form-alert';
import { plural } from '../../ui/format';
import { TextField } from '../../ui/text-field';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useMergeOrganisation } from './use-merge-organisation';
import { useOrganisationSearch } from './use-organisation-options';

/**
 * Merge this organisation into another (two spellings of one company): type part of the other's name and pick it
 * from the suggestions (searched on the server: an import brings thousands). Escape cancels.
 */
export function MergeOrganisationForm({
  organisation,
  onCancel,
}: {
  organisation: OrganisationDetail;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 150);
  const options = (useOrganisationSearch(q).data ?? []).filter((o) => o.id !== organisation.id);
  const wanted = text.trim().toLocaleLowerCase();
  const target = wanted ? options.find((o) => o.name.toLocaleLowerCase() === wanted) : undefined;
  const merge = useMergeOrganisation();
  const listId = useId();
  const inputId = useId();
  useEffect(() => document.getElementById(inputId)?.focus(), [inputId]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (target) merge.mutate({ from: organisation, into: target.id });
  }

  const people = organisation.people.current.length;
  return (
    <form
      className="stack card"
      aria-labelledby="org-merge"
      onSubmit={submit}
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h2 id="org-merge">Merge into another organisation</h2>
      <p>
        For two spellings of one company.{' '}
        {people > 0 ? `${plural(people, 'person', 'people')} here` : 'Its people'} and its former staff move
        there, and “{organisation.name}” in later imports lands there too. You can undo it.
      </p>
      <FormAlert message={merge.error ? `Could not merge: ${merge.error.message}` : null} />
      <TextField
        id={inputId}
        label={`Merge “${organisation.name}” into`}
        type="search"
        list={listId}
        autoComplete="off"
        placeholder="Type part of its name"
        value={text}
        onChange={(e) => setText(e.target.value)}
        hint={text.trim() && !target ? 'Pick an organisation from the suggestions.' : undefined}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.id} value={o.name}>
            {plural(o.contactCount, 'contact')}
          </option>
        ))}
      </datalist>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={!target || merge.isPending}>
          {merge.isPending ? 'Merging…' : target ? `Merge into ${target.name}` : 'Merge'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="form-actions__hint">Esc cancels</span>
      </div>
    </form>
  );
}
