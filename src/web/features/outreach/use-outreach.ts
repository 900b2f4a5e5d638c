import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  OutreachDraft,
  OutreachItem,
  OutreachItemDetail,
  OutreachPreview,
  OutreachQueuePage,
  OutreachReplyList,
  OutreachSendInput,
  OutreachSendResult,
  OutreachStats,
  OutreachTemplate,
  OutreachTemplateInput,
} from '../../../contracts/outreach';
import { SERVER_CHANNELS } from '../../../contracts/outreach';
import { api, withQuery } from '../../api/client';
import { outreachKeys } from './outreach-keys';

const item = (id: string) => `/outreach/items/${encodeURIComponent(id)}`;

/**
 * After any outreach write: the queue, items, stats, Today (new connections, follow-ups), purposes, the log and the
 * Rapport message threads (a message on Rapport lands there).
 */
function useInvalidateOutreach() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: outreachKeys.all }),
      qc.invalidateQueries({ queryKey: ['today'] }),
      qc.invalidateQueries({ queryKey: ['purposes'] }),
      qc.invalidateQueries({ queryKey: ['interactions'] }),
      qc.invalidateQueries({ queryKey: ['relationship'] }),
      qc.invalidateQueries({ queryKey: ['network', 'thread'] }),
      qc.invalidateQueries({ queryKey: ['network', 'threads'] }),
    ]);
}

export type QueueView = 'queued' | 'awaiting' | 'follow-up' | 'replied' | 'closed' | 'dismissed' | 'all';

const QUEUE_PAGE = 50;

/** One view of the queue, a page at a time (a big LinkedIn import can queue hundreds). */
export function useOutreachQueue(
  view: QueueView,
  purpose = '',
  q = '',
  order: 'newest' | 'oldest' = 'newest',
) {
  return useInfiniteQuery({
    queryKey: outreachKeys.queue(view, purpose, q, order),
    queryFn: ({ pageParam, signal }) =>
      api.get<OutreachQueuePage>(
        withQuery('/outreach/queue', {
          view,
          purpose,
          q,
          order: order === 'oldest' ? order : undefined,
          limit: QUEUE_PAGE,
          cursor: pageParam,
        }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The first person waiting for a message other than `currentId`: where "next" goes while working the queue. */
export function useNextInQueue(currentId: string) {
  return useQuery({
    queryKey: outreachKeys.next(),
    queryFn: ({ signal }) =>
      api.get<OutreachQueuePage>(withQuery('/outreach/queue', { view: 'queued', limit: 2 }), { signal }),
    select: (page) => page.items.find((i) => i.id !== currentId),
  });
}

export function useOutreachItem(id: string) {
  return useQuery({
    queryKey: outreachKeys.item(id),
    queryFn: ({ signal }) => api.get<OutreachItemDetail>(item(id), { signal }),
  });
}

/** The server's verdict on a draft (duplicates need the server); off while `enabled` is false. */
export function useOutreachPreview(id: string, draft: OutreachDraft, enabled: boolean) {
  return useQuery({
    queryKey: outreachKeys.preview(id, draft),
    queryFn: ({ signal }) => api.post<OutreachPreview>(`${item(id)}/preview`, draft, { signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

export function useSendOutreach(id: string) {
  const invalidate = useInvalidateOutreach();
  return useMutation({
    mutationFn: (input: OutreachSendInput) =>
      api.post<OutreachSendResult>(
        `${item(id)}/${(SERVER_CHANNELS as readonly string[]).includes(input.channel) ? 'send' : 'mark-sent'}`,
        input,
      ),
    onSettled: invalidate,
  });
}

type ItemAction = 'dismiss' | 'restore' | 'skip-follow-up' | 'replied';
export function useOutreachItemAction(id: string) {
  const invalidate = useInvalidateOutreach();
  return useMutation({
    mutationFn: ({
      action,
      summary,
      occurredAt,
    }: {
      action: ItemAction;
      summary?: string;
      /** replied: when they did (left out: now). */
      occurredAt?: string;
    }) =>
      api.post<OutreachItem>(
        `${item(id)}/${action}`,
        action === 'replied'
          ? { summary: summary || null, ...(occurredAt ? { occurredAt } : {}) }
          : undefined,
      ),
    onSuccess: invalidate,
  });
}

/**
 * Takes back a message marked sent by mistake (a toast's Undo: it runs after the page moved on, so it is a plain
 * call, not a mutation of a component that may be gone).
 */
export function useUndoOutreachSent() {
  const invalidate = useInvalidateOutreach();
  return async (itemId: string, messageId: string) => {
    const back = await api.post<OutreachItem>(`${item(itemId)}/undo-sent`, { messageId });
    await invalidate();
    return back;
  };
}

export function useAddToOutreach() {
  const invalidate = useInvalidateOutreach();
  return useMutation({
    mutationFn: (input: { contactIds: string[]; purposeId?: string | null }) =>
      api.post<{ added: number; alreadyQueued: number }>('/outreach/items', input),
    onSuccess: invalidate,
  });
}

export function useOutreachTemplates() {
  return useQuery({
    queryKey: outreachKeys.templates,
    queryFn: ({ signal }) => api.get<{ items: OutreachTemplate[] }>('/outreach/templates', { signal }),
    select: (d) => d.items,
  });
}

export function useSaveTemplate() {
  const invalidate = useInvalidateOutreach();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: OutreachTemplateInput }) =>
      id
        ? api.patch<OutreachTemplate>(`/outreach/templates/${encodeURIComponent(id)}`, input)
        : api.post<OutreachTemplate>('/outreach/templates', input),
    onSuccess: invalidate,
  });
}

export function useDeleteTemplate() {
  const invalidate = useInvalidateOutreach();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/outreach/templates/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}

export function useOutreachStats(purpose = '') {
  return useQuery({
    queryKey: outreachKeys.stats(purpose),
    queryFn: ({ signal }) => api.get<OutreachStats>(withQuery('/outreach/stats', { purpose }), { signal }),
  });
}

export function useOutreachReplies(filter: {
  purpose?: string;
  template?: string;
  channel?: string;
  month?: string;
}) {
  return useQuery({
    queryKey: outreachKeys.replies(filter),
    queryFn: ({ signal }) =>
      api.get<OutreachReplyList>(withQuery('/outreach/replies', { ...filter, limit: 200 }), {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
