import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Purpose, PurposeInput } from '../../../contracts/purposes';
import { cancelOnEscape } from '../../ui/cancel-on-escape';
import { FormAlert } from '../../ui/form-alert';
import { pastDateHint } from '../../ui/past-day-hint';
import { TextAreaField } from '../../ui/text-area-field';
import { TextField } from '../../ui/text-field';
import { useAccountToday } from '../profile/use-account-today';
import { useFormErrors } from '../relationships/use-form-errors';
import { type StageDraft, StageEditor, toDrafts } from './stage-editor';

const FIELDS = [
  'name',
  'description',
  'targetCount',
  'deadline',
  'cadenceDays',
  'followUpDays',
  'stages',
  'moveItems',
] as const;

const DEFAULT_STAGES = toDrafts([
  { name: 'identified', role: null },
  { name: 'reached out', role: 'reached-out' },
  { name: 'responded', role: 'responded' },
  { name: 'met', role: null },
  { name: 'helped / committed', role: 'done' },
  { name: 'closed', role: 'closed' },
]);

const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

/** Create a purpose, or edit one (`purpose`): name, description, target, deadline, cadence, follow-up, stages. */
export function PurposeForm({
  purpose,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  purpose?: Purpose;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: PurposeInput & { moveItems?: Record<string, string> }) => void;
  onCancel?: () => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(purpose?.name ?? '');
  const [description, setDescription] = useState(purpose?.description ?? '');
  const [target, setTarget] = useState(purpose?.targetCount?.toString() ?? '');
  const [deadline, setDeadline] = useState(purpose?.deadline ?? '');
  const today = useAccountToday();
  const [cadence, setCadence] = useState(purpose?.cadenceDays?.toString() ?? '');
  const [followUp, setFollowUp] = useState(purpose?.followUpDays?.toString() ?? '');
  const [stages, setStages] = useState<StageDraft[]>(purpose ? toDrafts(purpose.stages) : DEFAULT_STAGES);
  const [moveTo, setMoveTo] = useState<Record<string, string>>({});
  const errors = useFormErrors(error, FIELDS, formRef);
  const counts = new Map(purpose?.progress.perStage.map((s) => [s.stageId, s.count]) ?? []);

  // The form takes the place of the button that opened it: the keyboard starts in its first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    const kept = new Set(stages.map((s) => s.id));
    const moveItems = Object.fromEntries(
      Object.entries(moveTo).filter(([from, to]) => to && !kept.has(from)),
    );
    onSubmit({
      name,
      description,
      targetCount: numberOrNull(target),
      deadline: deadline || null,
      cadenceDays: numberOrNull(cadence),
      followUpDays: numberOrNull(followUp),
      stages: stages.map((s) => ({ ...(s.id ? { id: s.id } : {}), name: s.name, role: s.role })),
      ...(Object.keys(moveItems).length ? { moveItems } : {}),
    });
  }

  return (
    <form
      ref={formRef}
      className="purpose-form"
      aria-label={submitLabel}
      onSubmit={submit}
      onKeyDown={cancelOnEscape(onCancel)}
      noValidate
    >
      <FormAlert message={errors.general} />
      <TextField
        label="Name"
        value={name}
        autoComplete="off"
        placeholder="e.g. Guest speakers for MGMT 401, winter term"
        onChange={(e) => setName(e.target.value)}
        error={errors.get('name')}
      />
      <TextAreaField
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={errors.get('description')}
      />
      <div className="purpose-form__row">
        <TextField
          label="Target (people done)"
          type="number"
          min={1}
          inputMode="numeric"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          error={errors.get('targetCount')}
        />
        <TextField
          label="Deadline"
          type="date"
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          hint={pastDateHint('purpose', deadline, today)}
          error={errors.get('deadline')}
        />
      </div>
      <div className="purpose-form__row">
        <TextField
          label="Keep in touch every (days)"
          type="number"
          min={1}
          inputMode="numeric"
          hint="Everyone on this purpose, while it is active"
          value={cadence}
          onChange={(e) => setCadence(e.target.value)}
          error={errors.get('cadenceDays')}
        />
        <TextField
          label="Suggest a follow-up after (days)"
          type="number"
          min={1}
          inputMode="numeric"
          hint="For outreach without a reply"
          value={followUp}
          onChange={(e) => setFollowUp(e.target.value)}
          error={errors.get('followUpDays')}
        />
      </div>
      <StageEditor
        drafts={stages}
        onChange={setStages}
        counts={counts}
        original={purpose?.stages ?? []}
        moveTo={moveTo}
        onMoveTo={setMoveTo}
        error={errors.get('stages') ?? errors.get('moveItems')}
      />
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
