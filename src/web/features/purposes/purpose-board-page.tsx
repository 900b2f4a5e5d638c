import { type DragEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { PurposeBoard } from '../../../contracts/purposes';
import { ConfirmButton } from '../../ui/confirm-button';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { AddPeopleForm } from './add-people-form';
import { BoardCard, DRAG_TYPE } from './board-card';
import { keyboardTarget, moveLocally } from './board-moves';
import { PurposeForm } from './purpose-form';
import { PurposeProgress } from './purpose-progress';
import {
  useArchivePurpose,
  useDeletePurpose,
  useMoveItem,
  usePurposeBoard,
  useUndoDeletePurpose,
  useUpdatePurpose,
} from './use-purposes';
import './purposes.css';

function focusHeading() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-page-heading]')?.focus());
}

/** One purpose as a board: a column per stage, cards moved by drag and drop or the keyboard; edit, archive, delete. */
export function PurposeBoardPage() {
  const { id = '' } = useParams();
  const board = usePurposeBoard(id);
  const update = useUpdatePurpose(id);
  const archive = useArchivePurpose(id);
  const remove = useDeletePurpose(id);
  const undoDelete = useUndoDeletePurpose();
  const navigate = useNavigate();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  useDocumentTitle(board.data ? board.data.purpose.name : 'Purpose');

  if (board.isPending) return <Loading />;
  if (board.isError) return <QueryError error={board.error} onRetry={() => void board.refetch()} />;
  const { purpose } = board.data;

  if (editing) {
    return (
      <>
        <PageHeader title={`Edit ${purpose.name}`} />
        <section className="card" aria-label="Edit purpose">
          <PurposeForm
            key={purpose.updatedAt}
            purpose={purpose}
            submitLabel="Save purpose"
            pending={update.isPending}
            error={update.error}
            onCancel={() => {
              update.reset();
              setEditing(false);
              focusHeading();
            }}
            onSubmit={(input) =>
              update.mutate(input, {
                onSuccess: (saved) => {
                  setEditing(false);
                  toast.show({ message: `Saved ${saved.name}.` });
                  focusHeading();
                },
              })
            }
          />
        </section>
      </>
    );
  }

  const facts = [
    purpose.archivedAt ? 'Archived' : null,
    purpose.cadenceDays ? `Keep in touch every ${purpose.cadenceDays} days` : null,
    purpose.followUpDays ? `Follow up after ${purpose.followUpDays} days` : null,
    purpose.deadline ? `Deadline ${formatDate(purpose.deadline)}` : null,
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        title={purpose.name}
        subtitle={[purpose.description, facts.join(' · ')].filter(Boolean).join(' — ') || undefined}
        actions={
          <>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                update.reset();
                setEditing(true);
              }}
            >
              Edit purpose
            </button>
            <button
              type="button"
              className="button"
              disabled={archive.isPending}
              onClick={() =>
                archive.mutate(!purpose.archivedAt, {
                  onSuccess: (p) => toast.show({ message: p.archivedAt ? 'Archived.' : 'Active again.' }),
                })
              }
            >
              {purpose.archivedAt ? 'Unarchive' : 'Archive'}
            </button>
            <ConfirmButton
              danger
              label="Delete"
              question="Move this purpose to the trash?"
              confirmLabel="Yes, delete"
              pending={remove.isPending}
              onConfirm={() =>
                remove.mutate(undefined, {
                  onSuccess: () => {
                    // Its people and history went with it: one click brings the whole board back.
                    toast.show({
                      message: `${purpose.name} moved to the trash.`,
                      action: {
                        label: 'Undo',
                        onClick: async () => {
                          try {
                            await undoDelete(purpose.id);
                            toast.show({ message: `${purpose.name} is back.` });
                            await navigate(`/purposes/${purpose.id}`);
                          } catch (e) {
                            toast.show({
                              message: `Could not undo: ${e instanceof Error ? e.message : 'unknown error'}`,
                              tone: 'error',
                            });
                          }
                        },
                      },
                    });
                    void navigate('/purposes');
                  },
                })
              }
            />
          </>
        }
      />
      <div className="purpose-top">
        <section aria-labelledby="progress-heading" className="card">
          <h2 id="progress-heading">Progress</h2>
          <PurposeProgress purpose={purpose} />
        </section>
        <section aria-labelledby="add-heading" className="card">
          <h2 id="add-heading">Add people</h2>
          <AddPeopleForm purposeId={purpose.id} stages={purpose.stages} />
        </section>
      </div>
      <Board board={board.data} />
    </>
  );
}

type Arrow = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

function Board({ board: fetched }: { board: PurposeBoard }) {
  const move = useMoveItem(fetched.purpose.id);
  // A move shows in the same render as the key press or drop, so the keyboard can follow the card at once; the
  // cache (updated by the mutation) takes over as soon as it changes.
  const [local, setLocal] = useState<{ base: PurposeBoard; board: PurposeBoard } | null>(null);
  const board = local?.base === fetched ? local.board : fetched;
  const toast = useToast();
  const instructionsId = useId();
  const [announcement, setAnnouncement] = useState('');
  const [overColumn, setOverColumn] = useState<string | null>(null);
  // After a keyboard move the card is drawn again in its new place: the keyboard follows it there.
  const follow = useRef<{ itemId: string; stageId: string } | null>(null);

  useLayoutEffect(() => {
    const f = follow.current;
    if (!f) return;
    const column = board.columns.find((c) => c.items.some((i) => i.id === f.itemId));
    if (column?.stage.id !== f.stageId) return;
    follow.current = null;
    document.querySelector<HTMLElement>(`[data-handle="${f.itemId}"]`)?.focus();
  }, [board]);

  function doMove(itemId: string, stageId: string, index?: number, keepFocus = false) {
    const name =
      board.columns.flatMap((c) => c.items).find((i) => i.id === itemId)?.contact.displayName ?? '';
    const column = board.columns.find((c) => c.stage.id === stageId);
    if (!column) return;
    if (keepFocus) follow.current = { itemId, stageId };
    const wasHere = column.items.some((i) => i.id === itemId);
    const size = column.items.length + (wasHere ? 0 : 1);
    const place = (index ?? size - 1) + 1;
    setAnnouncement(`${name} moved to ${column.stage.name}, ${place} of ${size}.`);
    setLocal({ base: fetched, board: moveLocally(board, itemId, stageId, index) });
    move.mutate(
      { itemId, stageId, ...(index === undefined ? {} : { index }) },
      {
        onError: (e) => {
          setAnnouncement(`Could not move ${name}: ${e.message}`);
          toast.show({ message: `Could not move ${name}: ${e.message}`, tone: 'error' });
        },
      },
    );
  }

  function onKeyMove(itemId: string, key: Arrow) {
    const target = keyboardTarget(board, itemId, key);
    if (!target) {
      setAnnouncement(
        key === 'ArrowLeft' || key === 'ArrowRight'
          ? 'No stage that way.'
          : 'Already at the end of the column.',
      );
      return;
    }
    doMove(itemId, target.stageId, target.index, true);
  }

  function onColumnDrop(e: DragEvent<HTMLElement>, stageId: string) {
    setOverColumn(null);
    const itemId = e.dataTransfer.getData(DRAG_TYPE);
    if (!itemId) return;
    e.preventDefault();
    doMove(itemId, stageId);
  }

  return (
    <section aria-labelledby="board-heading" className="board-wrap">
      <h2 id="board-heading">Board</h2>
      <p id={instructionsId} className="muted board__help">
        Drag a card to another stage, or focus its handle (⠿) and use ← → to change stage and ↑ ↓ to reorder.
      </p>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {/* Focusable so a keyboard can scroll the stages sideways on a narrow screen, even when no card is there. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="board" aria-label="Stages" tabIndex={0}>
        {board.columns.map((column) => {
          const headingId = `${instructionsId}-col-${column.stage.id}`;
          return (
            <section
              key={column.stage.id}
              aria-labelledby={headingId}
              data-testid={`column-${column.stage.name}`}
              className={
                overColumn === column.stage.id ? 'board__column board__column--over' : 'board__column'
              }
              onDragOver={(e) => {
                if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                setOverColumn(column.stage.id);
              }}
              onDragLeave={(e) => {
                if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOverColumn(null);
              }}
              onDrop={(e) => onColumnDrop(e, column.stage.id)}
            >
              <h3 id={headingId} className="board__heading">
                {column.stage.name} <span className="count">({column.items.length})</span>
              </h3>
              {column.items.length === 0 ? <p className="muted board__empty">Nobody here yet.</p> : null}
              <ol className="board__cards" aria-labelledby={headingId}>
                {column.items.map((item, index) => (
                  <BoardCard
                    key={item.id}
                    item={item}
                    purposeId={board.purpose.id}
                    stages={board.purpose.stages}
                    instructionsId={instructionsId}
                    onKeyMove={(key) => onKeyMove(item.id, key)}
                    onMoveTo={(stageId) => doMove(item.id, stageId, undefined, true)}
                    onDropBefore={(dragged) => {
                      setOverColumn(null);
                      const from = column.items.findIndex((i) => i.id === dragged);
                      // Dropping below itself in the same column: the card leaves its old place first.
                      doMove(dragged, column.stage.id, from >= 0 && from < index ? index - 1 : index);
                    }}
                  />
                ))}
              </ol>
            </section>
          );
        })}
      </section>
    </section>
  );
}
