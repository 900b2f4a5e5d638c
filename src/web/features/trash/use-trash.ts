import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { TrashList } from '../../api/types';

export function useTrash() {
  return useQuery({ queryKey: ['trash'], queryFn: ({ signal }) => api.get<TrashList>('/trash', { signal }) });
}
