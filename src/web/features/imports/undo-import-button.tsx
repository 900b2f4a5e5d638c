import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import type { ImportSummary } from '../../api/types';
import { ConfirmButton } from '../../ui/confirm-button';
import { plural } from '../../ui/format';
import { useToast } from '../../ui/use-toast';
import { useUndoImport } from './use-undo-import';

/**
 * "Undo" with an in-place confirmation; says what came back out, or why it could not, and leads to the trash
 * narrowed to what this undo sent there.
 */
export function UndoImportButton({ item, small = false }: { item: ImportSummary; small?: boolean }) {
  const undo = useUndoImport();
  const toast = useToast();
  const navigate = useNavigate();
  if (item.status !== 'committed' || !item.id) return null;
  const id = item.id;
  return (
    <ConfirmButton
      label="Undo"
      labelSuffix={`the import of ${item.fileName}`}
      question={`Undo the import of ${item.fileName}? People it added go (to the trash, if you have worked with them since); people it changed lose what it changed, and keep your edits since.`}
      confirmLabel="Yes, undo the import"
      cancelLabel="Keep it"
      pending={undo.isPending}
      danger
      small={small}
      onConfirm={() =>
        undo.mutate(id, {
          onSuccess: (r) =>
            toast.show({
              message:
                `Undid the import of ${item.fileName}: ${plural(r.removed, 'contact')} removed, ${plural(r.restored, 'contact')} restored.` +
                (r.trashed
                  ? ` ${plural(r.trashed, 'contact')} worked with since (by you or a later import) ${r.trashed === 1 ? 'is' : 'are'} in the trash, where you can restore ${r.trashed === 1 ? 'it' : 'them'}.`
                  : ''),
              ...(r.trashed
                ? {
                    action: {
                      label: 'Show in the trash',
                      onClick: () => navigate(`/trash?import=${encodeURIComponent(id)}`),
                    },
                  }
                : {}),
            }),
          onError: (e) =>
            toast.show({
              message: `Could not undo: ${isApiError(e) && e.status === 409 ? 'it was already undone, or later changes depend on it.' : e.message}`,
              tone: 'error',
            }),
        })
      }
    />
  );
}
