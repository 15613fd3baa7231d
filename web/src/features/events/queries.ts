import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, getJson, isNotFound, sendJson } from '../../api/client.ts';
import type { EventInput, EventList, EventView } from './types.ts';

/**
 * The events' server state through TanStack Query. What a reader sees depends on who they are
 * (public or community events), so every key starts with 'identity' and signing in or out drops
 * it with the rest of the signed-in part. Changes go through `sendJson` (with the CSRF token).
 */

const ROOT = ['identity', 'events'] as const;
const eventKey = (id: string) => [...ROOT, 'event', id] as const;
const eventPath = (id: string) => `events/${encodeURIComponent(id)}`;

export interface EventsFilter {
  from: string;
  to: string;
  kind?: string | undefined;
  q?: string | undefined;
}

/** Every event the reader may see overlapping a period (a month holds few: pages of 500). */
export const useEvents = (filter: EventsFilter) =>
  useQuery({
    queryKey: [...ROOT, 'list', filter],
    queryFn: async ({ signal }) => {
      const items: EventList['items'] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await getJson<EventList>('events', { ...filter, limit: 500, offset }, signal);
        items.push(...page.items);
        if (page.items.length === 0 || items.length >= page.total) return { items, total: page.total };
      }
    },
    placeholderData: keepPreviousData,
  });

/** One event, or not found (missing and unreadable alike). */
export const useEvent = (id: string) =>
  useQuery({
    queryKey: eventKey(id),
    queryFn: ({ signal }) => getJson<EventView>(eventPath(id), {}, signal),
    retry: (count, error) => !isNotFound(error) && count < 2,
  });

/** The address of a period's calendar file, or of one event's. */
export const calendarUrl = (params: { from?: string; to?: string; lang?: string }) =>
  apiUrl('events.ics', params);
export const eventCalendarUrl = (id: string, lang: string) => apiUrl(`${eventPath(id)}.ics`, { lang });

/** Plans an event (POST) or changes one (PATCH); the cache learns the answer. */
export function useSaveEvent(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EventInput) =>
      id ? sendJson<EventView>('PATCH', eventPath(id), input) : sendJson<EventView>('POST', 'events', input),
    onSuccess: (saved) => {
      client.setQueryData(eventKey(saved.id), saved);
      void client.invalidateQueries({ queryKey: [...ROOT, 'list'] });
    },
  });
}

/** Cancels an event; it stays listed, marked cancelled. */
export function useCancelEvent(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      sendJson<EventView>('POST', `${eventPath(id)}/cancel`, reason.trim() ? { reason: reason.trim() } : {}),
    onSuccess: (saved) => {
      client.setQueryData(eventKey(saved.id), saved);
      void client.invalidateQueries({ queryKey: [...ROOT, 'list'] });
    },
  });
}
