import { type FormEvent, useId, useRef, useState } from 'react';
import type { Stage } from '../../../contracts/purposes';
import type { PersonRef } from '../../api/types';
import { FormAlert } from '../../ui/form-alert';
import { plural } from '../../ui/format';
import { useToast } from '../../ui/use-toast';
import { ContactPicker } from '../relationships/contact-picker';
import { useFormErrors } from '../relationships/use-form-errors';
import { usePlaceContacts } from './use-purposes';

const FIELDS = ['contactIds', 'stageId'] as const;

/** Find people by name and put them on the purpose, in the first stage or another. */
export function AddPeopleForm({ purposeId, stages }: { purposeId: string; stages: Stage[] }) {
  const place = usePlaceContacts(purposeId);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const [people, setPeople] = useState<PersonRef[]>([]);
  const [stageId, setStageId] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = useFormErrors(place.error, FIELDS, formRef);
  const toast = useToast();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (people.length === 0) {
      setMissing(true);
      formRef.current?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
      return;
    }
    setMissing(false);
    place.mutate(
      { contactIds: people.map((p) => p.id), ...(stageId ? { stageId } : {}) },
      {
        onSuccess: (r) => {
          setPeople([]);
          const already = r.alreadyThere.length
            ? ` (${plural(r.alreadyThere.length, 'person was', 'people were')} already on it)`
            : '';
          toast.show({ message: `Added ${plural(r.placed.length, 'person', 'people')}${already}.` });
        },
      },
    );
  }

  return (
    <form
      ref={formRef}
      className="add-people"
      aria-label="Add people to this purpose"
      onSubmit={submit}
      noValidate
    >
      <FormAlert message={errors.general} />
      <ContactPicker
        label="People to add"
        hideLegend
        multiple
        selected={people}
        onChange={setPeople}
        error={missing ? 'Choose at least one person.' : errors.get('contactIds')}
      />
      <div className="add-people__row">
        <div className="field">
          <label htmlFor={`${id}-stage`}>Into stage</label>
          <select id={`${id}-stage`} value={stageId} onChange={(e) => setStageId(e.target.value)}>
            <option value="">{stages[0]?.name} (first stage)</option>
            {stages.slice(1).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={place.isPending}>
          Add to purpose
        </button>
      </div>
    </form>
  );
}
