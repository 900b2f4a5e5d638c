import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { UndoImportResult } from '../../api/types';
import { useInvalidateRolodex } from '../contacts/use-invalidate-rolodex';
import { importKeys } from './import-keys';

/** Takes a whole import back: what it created goes, what it changed returns to how it was. */
export function useUndoImport() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateRolodex();
  return useMutation({
    mutationFn: (id: string) => api.post<UndoImportResult>(`/imports/${encodeURIComponent(id)}/undo`),
    onSettled: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: importKeys.all }), invalidate()]);
    },
  });
}
