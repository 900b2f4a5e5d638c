import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Organisation } from '../../api/types';
import { useToast } from '../../ui/use-toast';
import { useInvalidateOrganisations } from './use-invalidate-organisations';

/** Splits a merge of organisations and opens the one brought back. */
export function useUndoOrganisationMerge() {
  const invalidate = useInvalidateOrganisations();
  const toast = useToast();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (mergeId: string) =>
      api.post<Organisation>(`/organisations/merges/${encodeURIComponent(mergeId)}/undo`),
    onSuccess: async (back) => {
      await invalidate();
      await navigate(`/organisations/${back.id}`);
      toast.show({ message: `${back.name} is separate again.` });
    },
    onError: (e) => toast.show({ message: `Could not undo the merge: ${e.message}`, tone: 'error' }),
  });
}
