import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RestoreResult } from '../../api/types';

/** Sends a backup file as it is (no parsing in the browser: backups can be large); everything is refetched after. */
export function useRestoreBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.postFile<RestoreResult>('/imports/backup', file, 'application/json'),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
