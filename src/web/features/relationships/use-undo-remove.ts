import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { useToast } from '../../ui/use-toast';
import { RELATIONSHIP_FAMILIES } from './relationship-keys';

export type RemovedKind = 'interactions' | 'favours' | 'promises';

const NAMES: Record<RemovedKind, string> = {
  interactions: 'Interaction',
  favours: 'Favour',
  promises: 'Promise',
};

/**
 * Brings a removed interaction, favour or promise back from the trash; what it moved (Today, strength, ledgers,
 * charts) and the trash itself are refetched.
 */
export function useRestoreRemoved(): (kind: RemovedKind, id: string) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (kind, id) => {
      await api.post<unknown>(`/${kind}/${encodeURIComponent(id)}/restore`);
      await Promise.all(
        [...RELATIONSHIP_FAMILIES, 'trash'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      );
    },
    [queryClient],
  );
}

/**
 * "Interaction removed. · Undo": the toast to show once a removal went through. It outlives the removed row (which
 * unmounts at once), so it holds only the query client and the toast, never the row's own mutation.
 */
export function useUndoRemoveToast(): (kind: RemovedKind, id: string) => void {
  const toast = useToast();
  const restore = useRestoreRemoved();
  return useCallback(
    (kind, id) => {
      const name = NAMES[kind];
      toast.show({
        message: `${name} removed.`,
        action: {
          label: 'Undo',
          onClick: async () => {
            try {
              await restore(kind, id);
              toast.show({ message: `${name} restored.` });
            } catch (e) {
              toast.show({
                message: `Could not undo: ${e instanceof Error ? e.message : 'unknown error'}`,
                tone: 'error',
              });
            }
          },
        },
      });
    },
    [toast, restore],
  );
}
