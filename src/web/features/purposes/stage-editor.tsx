import { useId } from 'react';
import type { Stage, StageRole } from '../../../contracts/purposes';

/** A stage as the owner edits it: `id` for a stage that exists, `key` to tell rows apart. */
export interface StageDraft {
  key: string;
  id?: string;
  name: string;
  role: StageRole | null;
}

const ROLE_WORDS: Record<StageRole, string> = {
  'reached-out': 'Reached out (outreach sends move people here)',
  responded: 'Responded (a reply moves people here)',
  done: 'Done (counts towards the target)',
  closed: 'Closed (finished, no reminders)',
};

let seq = 0;
export const newKey = () => `new-${++seq}`;

export function toDrafts(stages: { id?: string; name: string; role: StageRole | null }[]): StageDraft[] {
  return stages.map((s) => ({ key: s.id ?? newKey(), ...s }));
}

/**
 * The pipeline's stages in order: rename, give a meaning, move up or down, remove, add. Removing a stage that
 * holds people asks where they go (`moveTo`).
 */
export function StageEditor({
  drafts,
  onChange,
  counts,
  original,
  moveTo,
  onMoveTo,
  error,
}: {
  drafts: StageDraft[];
  onChange: (drafts: StageDraft[]) => void;
  /** People per existing stage id. */
  counts: Map<string, number>;
  original: Stage[];
  moveTo: Record<string, string>;
  onMoveTo: (moveTo: Record<string, string>) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const set = (i: number, patch: Partial<StageDraft>) =>
    onChange(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const swap = (i: number, j: number) => {
    const next = [...drafts];
    [next[i], next[j]] = [next[j] as StageDraft, next[i] as StageDraft];
    onChange(next);
  };
  const kept = new Set(drafts.map((d) => d.id).filter(Boolean));
  const removed = original.filter((s) => !kept.has(s.id) && (counts.get(s.id) ?? 0) > 0);
  const targets = drafts.filter((d) => d.id);

  return (
    <fieldset className={error ? 'stage-editor field--invalid' : 'stage-editor'}>
      <legend>Stages, in order</legend>
      <ol className="stage-editor__list">
        {drafts.map((d, i) => (
          <li key={d.key} className="stage-editor__row">
            <div className="field">
              <label htmlFor={`${id}-${d.key}-name`}>Stage {i + 1}</label>
              <input
                id={`${id}-${d.key}-name`}
                value={d.name}
                autoComplete="off"
                onChange={(e) => set(i, { name: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-${d.key}-role`}>Meaning of stage {i + 1}</label>
              <select
                id={`${id}-${d.key}-role`}
                value={d.role ?? ''}
                onChange={(e) => set(i, { role: (e.target.value || null) as StageRole | null })}
              >
                <option value="">—</option>
                {(Object.keys(ROLE_WORDS) as StageRole[]).map((r) => (
                  <option key={r} value={r}>
                    {ROLE_WORDS[r]}
                  </option>
                ))}
              </select>
            </div>
            <div className="stage-editor__buttons">
              <button
                type="button"
                className="button button--small"
                disabled={i === 0}
                aria-label={`Move ${d.name || `stage ${i + 1}`} up`}
                onClick={() => swap(i, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={i === drafts.length - 1}
                aria-label={`Move ${d.name || `stage ${i + 1}`} down`}
                onClick={() => swap(i, i + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="button button--small button--danger"
                disabled={drafts.length === 1}
                aria-label={`Remove ${d.name || `stage ${i + 1}`}`}
                onClick={() => onChange(drafts.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange([...drafts, { key: newKey(), name: '', role: null }])}
      >
        Add a stage
      </button>
      {removed.map((s) => (
        <div key={s.id} className="field stage-editor__move">
          <label htmlFor={`${id}-move-${s.id}`}>
            “{s.name}” holds {counts.get(s.id)} {counts.get(s.id) === 1 ? 'person' : 'people'}: move them to
          </label>
          <select
            id={`${id}-move-${s.id}`}
            value={moveTo[s.id] ?? ''}
            onChange={(e) => onMoveTo({ ...moveTo, [s.id]: e.target.value })}
          >
            <option value="">Choose a stage…</option>
            {targets.map((t) => (
              <option key={t.key} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      ))}
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}
