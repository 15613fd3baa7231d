import {
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { getJson, sendJson, setCsrfToken } from './client.ts';
import type {
  AuditEntry,
  AuditVerification,
  Body,
  ChronologyEvent,
  DocumentDetail,
  DocumentSummary,
  ListResponse,
  Me,
  NewToken,
  Office,
  Organization,
  Person,
  SearchHit,
  StateDetail,
  StateSummary,
  StatusName,
  SummitDetail,
  SummitSummary,
  Token,
  User,
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

/*
 * The signed-in part. Every key starts with 'identity', so signing in or out drops all of it at
 * once; mutations refresh what they changed and the audit log (every change appends to it).
 */

const ME_KEY = ['identity', 'me'] as const;

export const meQuery = () =>
  queryOptions({
    queryKey: ME_KEY,
    queryFn: async ({ signal }) => {
      const me = await getJson<Me>('auth/me', {}, signal);
      setCsrfToken(me.csrfToken);
      return me;
    },
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });

/** Who is signed in (user null when nobody is), with their organization and roles in effect. */
export const useMe = () => useQuery(meQuery());

/** Forgets everything read as the previous user, and records who is signed in now. */
function switchUser(client: QueryClient, me: Me) {
  setCsrfToken(me.csrfToken);
  client.removeQueries({ queryKey: ['identity'] });
  client.setQueryData(ME_KEY, me);
}

export const useLogin = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => sendJson<Me>('POST', 'auth/login', input),
    onSuccess: (me) => switchUser(client, me),
  });
};

export const useLogout = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<void>('POST', 'auth/logout'),
    onSettled: () => {
      const previous = client.getQueryData<Me>(ME_KEY);
      switchUser(client, {
        user: null,
        organization: null,
        effectiveRoles: [],
        csrfToken: null,
        setupRequired: previous?.setupRequired ?? false,
      });
    },
  });
};

export const useSetup = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { token: string; username: string; displayName: string; password: string }) =>
      sendJson<User>('POST', 'setup', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
};

/** Refreshes the given identity lists and the audit log after a change (a verification is outdated). */
function refresh(client: QueryClient, ...lists: string[]) {
  for (const list of [...lists, 'audit']) void client.invalidateQueries({ queryKey: ['identity', list] });
  void client.resetQueries({ queryKey: ['identity', 'audit-verify'] });
}

/** Every organization the caller may read (all of them, for anyone signed in). */
export const useOrganizations = (enabled = true) =>
  useQuery({
    queryKey: ['identity', 'organizations'],
    queryFn: ({ signal }) => getJson<ListResponse<Organization>>('organizations', {}, signal),
    enabled,
  });

export const useAddPartnerCenter = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; name: { en: string; ru?: string; zh?: string } }) =>
      sendJson<Organization>('POST', 'organizations', input),
    onSuccess: () => refresh(client, 'organizations'),
  });
};

export interface UsersFilter {
  organizationId?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of the users the caller may read (their organization's; every user for an admin). */
export const useUsers = (filter: UsersFilter, enabled = true) =>
  useQuery({
    queryKey: ['identity', 'users', filter],
    queryFn: ({ signal }) => getJson<ListResponse<User>>('users', { ...filter }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

/** Every user the caller may read: used to name the actors and subjects of the audit log. */
export const useAllUsers = (enabled = true) =>
  useQuery({
    queryKey: ['identity', 'users', 'all'],
    queryFn: ({ signal }) => getAll<User>('users', {}, signal),
    enabled,
  });

export const useAddUser = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      username: string;
      displayName: string;
      organizationId: string;
      roles: string[];
      password?: string;
    }) => sendJson<User>('POST', 'users', input),
    onSuccess: () => refresh(client, 'users'),
  });
};

export const useSetRoles = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, roles }: { id: string; roles: string[] }) =>
      sendJson<User>('PUT', `users/${encodeURIComponent(id)}/roles`, { roles }),
    onSuccess: () => refresh(client, 'users', 'me'),
  });
};

export const useDisableUser = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendJson<User>('POST', `users/${encodeURIComponent(id)}/disable`),
    onSuccess: () => refresh(client, 'users', 'tokens'),
  });
};

/** API tokens: the caller's own; every token for an admin. */
export const useTokens = (enabled = true) =>
  useQuery({
    queryKey: ['identity', 'tokens'],
    queryFn: ({ signal }) => getJson<ListResponse<Token>>('tokens', {}, signal),
    enabled,
  });

export const useCreateToken = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; roles: string[]; expiresInDays: number }) =>
      sendJson<NewToken>('POST', 'tokens', input),
    onSuccess: () => refresh(client, 'tokens'),
  });
};

export const useRevokeToken = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendJson<Token>('POST', `tokens/${encodeURIComponent(id)}/revoke`),
    onSuccess: () => refresh(client, 'tokens'),
  });
};

export interface AuditFilter {
  subject?: string | undefined;
  actor?: string | undefined;
  since?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of the audit log, newest first (administrators only). */
export const useAudit = (filter: AuditFilter) =>
  useQuery({
    queryKey: ['identity', 'audit', filter],
    queryFn: ({ signal }) => getJson<ListResponse<AuditEntry>>('audit', { ...filter }, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

/** Walks the audit log's hash chain on demand (`refetch`), never by itself. */
export const useAuditVerification = () =>
  useQuery({
    queryKey: ['identity', 'audit-verify'],
    queryFn: ({ signal }) => getJson<AuditVerification>('audit/verify', {}, signal),
    enabled: false,
    staleTime: 0,
  });
