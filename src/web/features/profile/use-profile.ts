import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AccountSettings, AccountSettingsInput, Profile, ProfileInput } from '../../api/types';
import { relationshipKeys } from '../relationships/relationship-keys';

export function useProfile() {
  return useQuery({
    queryKey: relationshipKeys.profile,
    queryFn: ({ signal }) => api.get<Profile>('/profile', { signal }),
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileInput) => api.patch<Profile>('/profile', input),
    onSuccess: (saved) => queryClient.setQueryData(relationshipKeys.profile, saved),
  });
}

export function useAccountSettings() {
  return useQuery({
    queryKey: relationshipKeys.settings,
    queryFn: ({ signal }) => api.get<AccountSettings>('/settings', { signal }),
  });
}

/** Today's length and time zone move the list: it is refetched; so are contacts when the phone country changes. */
export function useUpdateAccountSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AccountSettingsInput) => api.patch<AccountSettings>('/settings', input),
    onSuccess: async (saved, input) => {
      queryClient.setQueryData(relationshipKeys.settings, saved);
      await queryClient.invalidateQueries({ queryKey: ['today'] });
      // Numbers read in another country: their E.164 forms and the duplicate pairs change.
      if (input.phoneRegion !== undefined)
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: ['contacts'] }),
          queryClient.invalidateQueries({ queryKey: ['duplicates'] }),
        ]);
    },
  });
}
