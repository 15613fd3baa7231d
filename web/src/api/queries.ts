import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from './client.ts';
import type {
  Body,
  ChronologyEvent,
  DocumentDetail,
  DocumentSummary,
  ListResponse,
  Office,
  Person,
  SearchHit,
  StateDetail,
  StateSummary,
  StatusName,
  SummitDetail,
  SummitSummary,
} from './types.ts';

/**
 * Every read of server state in the portal goes through these hooks (TanStack Query), so
 * caching, retries and loading states behave the same on every page.
 */

const PAGE = 500;

/** Reads every page of a list endpoint (the reference lists are small: hundreds of rows). */
async function getAll<T>(path: string, params: Record<string, string | undefined>, signal: AbortSignal) {
  const items: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await getJson<ListResponse<T>>(path, { ...params, limit: PAGE, offset }, signal);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

export const chronologyQuery = () =>
  queryOptions({
    queryKey: ['chronology'],
    queryFn: ({ signal }) => getAll<ChronologyEvent>('chronology', {}, signal),
  });

export const useChronology = () => useQuery(chronologyQuery());

export const useSummits = () =>
  useQuery({
    queryKey: ['summits'],
    queryFn: ({ signal }) => getAll<SummitSummary>('summits', {}, signal),
  });

export const useSummit = (id: string) =>
  useQuery({
    queryKey: ['summit', id],
    queryFn: ({ signal }) => getJson<SummitDetail>(`summits/${encodeURIComponent(id)}`, {}, signal),
  });

export interface StatesFilter {
  at: string;
  status?: StatusName;
}

export const useStates = (filter: StatesFilter) =>
  useQuery({
    queryKey: ['states', filter],
    queryFn: ({ signal }) => getAll<StateSummary>('states', { at: filter.at, status: filter.status }, signal),
    placeholderData: keepPreviousData,
  });

/** All states with their current status: used for names and filters. */
export const useAllStates = () =>
  useQuery({
    queryKey: ['states', 'all'],
    queryFn: ({ signal }) => getAll<StateSummary>('states', {}, signal),
  });

export const useStateDetail = (code: string) =>
  useQuery({
    queryKey: ['state', code],
    queryFn: ({ signal }) => getJson<StateDetail>(`states/${encodeURIComponent(code)}`, {}, signal),
  });

export interface DocumentsFilter {
  q?: string;
  kind?: string;
  from?: string;
  to?: string;
  state?: string;
  limit: number;
  offset: number;
}

export const useDocuments = (filter: DocumentsFilter) =>
  useQuery({
    queryKey: ['documents', filter],
    queryFn: ({ signal }) => getJson<ListResponse<DocumentSummary>>('documents', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });

export const useDocument = (id: string) =>
  useQuery({
    queryKey: ['document', id],
    queryFn: ({ signal }) => getJson<DocumentDetail>(`documents/${encodeURIComponent(id)}`, {}, signal),
  });

export const useBodies = () =>
  useQuery({
    queryKey: ['bodies'],
    queryFn: ({ signal }) => getAll<Body>('bodies', {}, signal),
  });

export const usePeople = (office: Office) =>
  useQuery({
    queryKey: ['people', office],
    queryFn: ({ signal }) => getAll<Person>('people', { office }, signal),
  });

export const useSearch = (q: string, limit = 50) =>
  useQuery({
    queryKey: ['search', q, limit],
    queryFn: ({ signal }) => getJson<ListResponse<SearchHit>>('search', { q, limit }, signal),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
