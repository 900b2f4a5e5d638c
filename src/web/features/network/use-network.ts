import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  accessLogPage,
  Connection,
  ConnectionProfile,
  contactSharing,
  DirectMessage,
  emailVerificationSent,
  emailVerified,
  Invite,
  InviteInput,
  InviteResult,
  invitePreview,
  messagePage,
  NetworkGraph,
  networkMe,
  onRapport,
  SharingOverview,
  threadList,
} from '../../../contracts/network';
import { api, withQuery } from '../../api/client';
import { networkKeys } from './network-keys';

export type NetworkMe = z.infer<typeof networkMe>;
export type InvitePreview = z.infer<typeof invitePreview>;
export type Thread = z.infer<typeof threadList>['items'][number];
export type AccessLogEntry = z.infer<typeof accessLogPage>['items'][number];
export type ContactSharing = z.infer<typeof contactSharing>['items'][number];
export type OnRapport = z.infer<typeof onRapport>['items'][number];
export type ConnectionState = 'accepted' | 'incoming' | 'outgoing';

const enc = encodeURIComponent;

/** Everything under `network` (connections, counts, sharing…), Today and the contact pages move together. */
function useInvalidateNetwork() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      [networkKeys.all, ['today'], ['contacts']].map((queryKey) => qc.invalidateQueries({ queryKey })),
    );
}

/** My side of the network as a graph: me, the `limit` people drawn, their organisations, my connected accounts. */
export function useNetworkGraph(limit: number) {
  return useQuery({
    queryKey: networkKeys.graph(limit),
    queryFn: ({ signal }) => api.get<NetworkGraph>(withQuery('/network/graph', { limit }), { signal }),
  });
}

/** My address and whether it is verified, my profile as connections see it, and the counts. */
export function useNetworkMe() {
  return useQuery({
    queryKey: networkKeys.me,
    queryFn: ({ signal }) => api.get<NetworkMe>('/network/me', { signal }),
  });
}

export function useRequestEmailVerification() {
  return useMutation({
    mutationFn: () => api.post<z.infer<typeof emailVerificationSent>>('/network/email-verification'),
  });
}

export function useConfirmEmail() {
  const invalidate = useInvalidateNetwork();
  return useMutation({
    mutationFn: (token: string) =>
      api.post<z.infer<typeof emailVerified>>('/network/email-verification/confirm', { token }),
    onSuccess: invalidate,
  });
}

/** Accepted connections, or requests waiting on me (incoming) or on them (outgoing): every page, loaded on demand. */
export function useConnections(state: ConnectionState) {
  return useInfiniteQuery({
    queryKey: networkKeys.connections(state),
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: Connection[]; nextCursor: string | null }>(
        withQuery('/network/connections', { state, limit: 100, cursor: pageParam }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (d) => ({ items: d.pages.flatMap((p) => p.items) }),
  });
}

export function useAcceptConnection() {
  const invalidate = useInvalidateNetwork();
  return useMutation({
    mutationFn: (id: string) => api.post<Connection>(`/network/connections/${enc(id)}/accept`),
    onSuccess: invalidate,
  });
}

export function useDeclineConnection() {
  const invalidate = useInvalidateNetwork();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/network/connections/${enc(id)}/decline`),
    onSuccess: invalidate,
  });
}

/** Remove an accepted connection, or withdraw my own request. */
export function useRemoveConnection() {
  const invalidate = useInvalidateNetwork();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/network/connections/${enc(id)}`),
    onSuccess: invalidate,
  });
}

export function useInvites() {
  return useQuery({
    queryKey: networkKeys.invites,
    queryFn: ({ signal }) => api.get<{ items: Invite[] }>('/network/invites', { signal }),
    select: (d) => d.items,
  });
}

export function useInvite() {
  const invalidate = useInvalidateNetwork();
  return useMutation({
    mutationFn: (input: InviteInput) => api.post<InviteResult>('/network/invites', input),
    onSuccess: invalidate,
  });
}

export function useRevokeInvite() {
  const invalidate = useInvalidateNetwork();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/network/invites/${enc(id)}`),
    onSuccess: invalidate,
  });
}

/** Who sent a one-time link (works signed out: the secret is the key). */
export function useInvitePreview(token: string) {
  return useQuery({
    queryKey: networkKeys.invite(token),
    queryFn: ({ signal }) => api.post<InvitePreview>('/network/invites/inspect', { token }, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAcceptInvite() {
  const invalidate = useInvalidateNetwork();
  return useMutation({
    mutationFn: (token: string) => api.post<Connection>('/network/invites/accept', { token }),
    onSuccess: invalidate,
  });
}

/** Which of these contacts of mine are on Rapport (and our connection, if any). */
export function useOnRapport(contactId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: networkKeys.onRapport(contactId),
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof onRapport>>(withQuery('/network/on-rapport', { contactIds: contactId }), {
        signal,
      }),
    select: (d) => d.items.find((i) => i.contactId === contactId) ?? null,
  });
}

export function useConnectionProfile(accountId: string, enabled = true) {
  return useQuery({
    queryKey: networkKeys.profile(accountId),
    queryFn: ({ signal }) => api.get<ConnectionProfile>(`/network/profiles/${enc(accountId)}`, { signal }),
    enabled,
  });
}

export function useThreads() {
  return useQuery({
    queryKey: networkKeys.threads,
    queryFn: ({ signal }) => api.get<z.infer<typeof threadList>>('/network/messages', { signal }),
    select: (d) => d.items,
  });
}

/** One conversation, newest first, older pages on demand. */
export function useThread(accountId: string) {
  return useInfiniteQuery({
    queryKey: networkKeys.thread(accountId),
    queryFn: ({ pageParam, signal }) =>
      api.get<z.infer<typeof messagePage>>(
        withQuery(`/network/messages/${enc(accountId)}`, { limit: 50, cursor: pageParam }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (d) => ({ items: d.pages.flatMap((p) => p.items) }),
    refetchInterval: 30_000,
  });
}

export function useSendMessage(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<DirectMessage>(`/network/messages/${enc(accountId)}`, { body }),
    onSuccess: () =>
      Promise.all(
        [networkKeys.thread(accountId), networkKeys.threads, ['relationship'], ['today']].map((queryKey) =>
          qc.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export function useMarkThreadRead(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number }>(`/network/messages/${enc(accountId)}/read`),
    onSuccess: (r) => {
      if (r.marked === 0) return;
      return Promise.all(
        [networkKeys.threads, networkKeys.me].map((queryKey) => qc.invalidateQueries({ queryKey })),
      );
    },
  });
}

export function useSharing() {
  return useQuery({
    queryKey: networkKeys.sharing,
    queryFn: ({ signal }) => api.get<SharingOverview>('/network/sharing', { signal }),
  });
}

type SharingWrite =
  | { kind: 'settings'; shareTier?: boolean; shareLinkedin?: boolean }
  | { kind: 'tags'; tagIds: string[]; findable: boolean }
  | { kind: 'contacts'; contactIds: string[]; share: 'findable' | 'private' | 'default' };

/** Any sharing change answers with the whole overview, which replaces the cached one. */
export function useUpdateSharing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (w: SharingWrite) => {
      switch (w.kind) {
        case 'settings':
          return api.patch<SharingOverview>('/network/sharing', {
            shareTier: w.shareTier,
            shareLinkedin: w.shareLinkedin,
          });
        case 'tags':
          return api.put<SharingOverview>('/network/sharing/tags', {
            tagIds: w.tagIds,
            findable: w.findable,
          });
        case 'contacts':
          return api.put<SharingOverview>('/network/sharing/contacts', {
            contactIds: w.contactIds,
            share: w.share,
          });
      }
    },
    // Switches and tag boxes show the new state at once (a checkbox that lags its click confuses); an error puts
    // the server's state back.
    onMutate: (w) => {
      const before = qc.getQueryData<SharingOverview>(networkKeys.sharing);
      if (!before || w.kind === 'contacts') return;
      qc.setQueryData<SharingOverview>(
        networkKeys.sharing,
        w.kind === 'settings'
          ? {
              ...before,
              settings: {
                shareTier: w.shareTier ?? before.settings.shareTier,
                shareLinkedin: w.shareLinkedin ?? before.settings.shareLinkedin,
              },
            }
          : {
              ...before,
              tags: before.tags.map((t) => (w.tagIds.includes(t.id) ? { ...t, findable: w.findable } : t)),
            },
      );
    },
    onError: () => qc.invalidateQueries({ queryKey: networkKeys.sharing }),
    onSuccess: async (saved) => {
      qc.setQueryData(networkKeys.sharing, saved);
      await qc.invalidateQueries({ queryKey: ['network', 'contact-sharing'] });
    },
  });
}

export function useContactSharing(contactId: string) {
  return useQuery({
    queryKey: networkKeys.contactSharing(contactId),
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof contactSharing>>(
        withQuery('/network/sharing/contacts', { contactIds: contactId }),
        {
          signal,
        },
      ),
    select: (d) => d.items.find((i) => i.contactId === contactId) ?? null,
  });
}

export function useAccessLog() {
  return useInfiniteQuery({
    queryKey: networkKeys.accessLog,
    queryFn: ({ pageParam, signal }) =>
      api.get<z.infer<typeof accessLogPage>>(
        withQuery('/network/access-log', { limit: 50, cursor: pageParam }),
        {
          signal,
        },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (d) => ({ items: d.pages.flatMap((p) => p.items) }),
  });
}
