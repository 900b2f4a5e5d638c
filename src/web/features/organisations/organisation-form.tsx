import { type FormEvent, useState } from 'react';
import type { OrganisationDetail } from '../../api/types';
import { alertMessage, toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { TextAreaField } from '../../ui/text-area-field';
import { TextField } from '../../ui/text-field';
import type { OrganisationInput } from './organisation-input';

const FIELDS = new Set(['name', 'website', 'notes']);

interface OrganisationFormProps {
  organisation: OrganisationDetail;
  pending: boolean;
  error: unknown;
  onSubmit: (input: OrganisationInput) => void;
  onCancel: () => void;
}

/** Name, website and notes; Enter saves, Escape cancels. */
export function OrganisationForm({
  organisation,
  pending,
  error,
  onSubmit,
  onCancel,
}: OrganisationFormProps) {
  const [name, setName] = useState(organisation.name);
  const [website, setWebsite] = useState(organisation.website ?? '');
  const [notes, setNotes] = useState(organisation.notes ?? '');
  const errors = toFieldErrors(error, (p) => FIELDS.has(p));

  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit({ name, website, notes });
  }

  return (
    <form
      className="stack card"
      onSubmit={submit}
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <FormAlert message={alertMessage(errors)} />
      <TextField
        label="Name"
        name="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.byPath.get('name')}
      />
      <TextField
        label="Website"
        name="website"
        type="url"
        placeholder="https://example.com"
        value={website}
        onChange={(e) => setWebsite(e.target.value)}
        error={errors.byPath.get('website')}
      />
      <TextAreaField
        label="Notes"
        name="notes"
        rows={5}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        error={errors.byPath.get('notes')}
        hint={<span className="keys-hint">Ctrl+Enter saves from here.</span>}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="form-actions__hint">Enter saves · Esc cancels</span>
      </div>
    </form>
  );
}
