import { type DragEvent, type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import type { PurposeItem, Stage } from '../../../contracts/purposes';
import { ConfirmButton } from '../../ui/confirm-button';
import { relativeDay } from '../../ui/dates';
import { formatDateTime, plural, readableDates } from '../../ui/format';
import { TextAreaField } from '../../ui/text-area-field';
import { TextField } from '../../ui/text-field';
import { useAccountToday } from '../profile/use-account-today';
import { useItemMoves, useRemoveItem, useUpdateItem } from './use-purposes';

export const DRAG_TYPE = 'application/x-rapport-purpose-item';
const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

/**
 * One person on the board. Drag it to another column (or onto a card to go before it); or focus its handle and use
 * the arrow keys (←/→ stage, ↑/↓ order); or pick a stage from "Move to". Details: next step, note, history, remove.
 */
export function BoardCard({
  item,
  purposeId,
  stages,
  instructionsId,
  onKeyMove,
  onMoveTo,
  onDropBefore,
}: {
  item: PurposeItem;
  purposeId: string;
  stages: Stage[];
  instructionsId: string;
  onKeyMove: (key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown') => void;
  onMoveTo: (stageId: string) => void;
  onDropBefore: (itemId: string) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const today = useAccountToday();
  const name = item.contact.displayName;
  const who = [item.contact.title, item.contact.organisation].filter(Boolean).join(', ');

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    if (!ARROWS.has(e.key) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    onKeyMove(e.key as 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown');
  }

  function onDragStart(e: DragEvent<HTMLLIElement>) {
    e.dataTransfer.setData(DRAG_TYPE, item.id);
    e.dataTransfer.setData('text/plain', name);
    e.dataTransfer.effectAllowed = 'move';
    setDragging(true);
  }

  function onDrop(e: DragEvent<HTMLLIElement>) {
    const dragged = e.dataTransfer.getData(DRAG_TYPE);
    if (!dragged) return;
    e.preventDefault();
    e.stopPropagation();
    if (dragged !== item.id) onDropBefore(dragged);
  }

  return (
    <li
      className={[
        'board-card',
        item.stale ? 'board-card--stale' : '',
        dragging ? 'board-card--dragging' : '',
      ].join(' ')}
      draggable
      data-testid={`card-${name}`}
      onDragStart={onDragStart}
      onDragEnd={() => setDragging(false)}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
      }}
      onDrop={onDrop}
    >
      <div className="board-card__head">
        <button
          type="button"
          className="board-card__handle"
          data-handle={item.id}
          aria-roledescription="movable card"
          aria-describedby={instructionsId}
          onKeyDown={onKeyDown}
        >
          <span aria-hidden="true">⠿</span>
          <span className="visually-hidden">Move {name}</span>
        </button>
        <Link to={`/contacts/${item.contact.id}`} className="board-card__name">
          {name}
        </Link>
      </div>
      {who ? <p className="board-card__who muted">{who}</p> : null}
      <p className="board-card__meta">
        <span>
          {item.daysInStage === 0 ? 'new in this stage' : `${plural(item.daysInStage, 'day')} in stage`}
        </span>
        {item.stale ? (
          <span className="board-card__stale">Stale: {readableDates(item.staleReason ?? '')}</span>
        ) : null}
      </p>
      {item.nextStep || item.nextStepOn ? (
        <p className="board-card__next">
          Next: {item.nextStep ?? '…'}
          {item.nextStepOn ? <span className="muted"> · {relativeDay(item.nextStepOn, today)}</span> : null}
        </p>
      ) : null}
      <div className="board-card__actions">
        <label htmlFor={`${id}-move`} className="visually-hidden">
          Move {name} to
        </label>
        <select
          id={`${id}-move`}
          className="board-card__move"
          value=""
          onChange={(e) => e.target.value && onMoveTo(e.target.value)}
        >
          <option value="">Move to…</option>
          {stages
            .filter((s) => s.id !== item.stageId)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </select>
        <button
          type="button"
          className="button button--small button--quiet"
          aria-expanded={open}
          aria-controls={`${id}-details`}
          onClick={() => setOpen(!open)}
        >
          Details<span className="visually-hidden"> of {name}</span>
        </button>
      </div>
      {open ? (
        <div id={`${id}-details`}>
          <CardDetails item={item} purposeId={purposeId} stages={stages} />
        </div>
      ) : null}
    </li>
  );
}

function CardDetails({ item, purposeId, stages }: { item: PurposeItem; purposeId: string; stages: Stage[] }) {
  const update = useUpdateItem(purposeId);
  const remove = useRemoveItem(purposeId);
  const moves = useItemMoves(purposeId, item.id, true);
  const [nextStep, setNextStep] = useState(item.nextStep ?? '');
  const [nextStepOn, setNextStepOn] = useState(item.nextStepOn ?? '');
  const [note, setNote] = useState(item.note ?? '');
  const [saved, setSaved] = useState(false);
  const issue = (field: string) =>
    (update.error as { issues?: { path: string; message: string }[] } | null)?.issues?.find(
      (i) => i.path === field,
    )?.message;
  const stageName = (s: { id: string; name: string }) => stages.find((x) => x.id === s.id)?.name ?? s.name;

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    update.mutate(
      { itemId: item.id, nextStep, nextStepOn: nextStepOn || null, note },
      { onSuccess: () => setSaved(true) },
    );
  }

  return (
    <div className="board-card__details">
      <form onSubmit={submit} aria-label={`Next step and note for ${item.contact.displayName}`} noValidate>
        <TextField
          label="Next step"
          value={nextStep}
          onChange={(e) => setNextStep(e.target.value)}
          error={issue('nextStep')}
        />
        <TextField
          label="By"
          type="date"
          value={nextStepOn}
          onChange={(e) => setNextStepOn(e.target.value)}
          error={issue('nextStepOn')}
        />
        <TextAreaField
          label="Note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={issue('note')}
        />
        <div className="inline-form__actions">
          <button type="submit" className="button button--small button--primary" disabled={update.isPending}>
            Save
          </button>
          <ConfirmButton
            small
            danger
            label="Remove"
            labelSuffix={`${item.contact.displayName} from this purpose`}
            question={`Take ${item.contact.displayName} off this purpose?`}
            confirmLabel="Yes, remove"
            pending={remove.isPending}
            onConfirm={() => remove.mutate(item.id)}
          />
          <span role="status" className="muted">
            {saved ? 'Saved.' : ''}
          </span>
        </div>
      </form>
      <h3>History</h3>
      {moves.data ? (
        <ol className="board-card__history">
          {moves.data.map((m) => (
            <li key={m.id}>
              {formatDateTime(m.movedAt)}: {m.fromStage ? `${stageName(m.fromStage)} → ` : 'added to '}
              {stageName(m.toStage)}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
