import {
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiUrl, getJson, sendJson } from '../../api/client.ts';
import type { ListResponse, StateSummary } from '../../api/types.ts';
import { lastSeq } from './decision.model.ts';
import type {
  Decision,
  DecisionList,
  DecisionStatus,
  PositionInput,
  WrittenAnswerInput,
  WrittenInput,
} from './types.ts';

/**
 * The Council board's server state, through TanStack Query like the rest of the app. Every key
 * starts with 'identity' (the API answers signed-in callers only), so signing in or out drops it
 * with the rest of the signed-in part. The live board keeps its decision up to date from the
 * server-sent events of `/api/decisions/:id/stream`; mutations go through `sendJson`, which sends
 * the session's CSRF token.
 */

const ROOT = ['identity', 'council'] as const;
const LISTS = [...ROOT, 'decisions'] as const;
export const decisionKey = (id: string) => [...ROOT, 'decision', id] as const;

const path = (id: string, action?: string) =>
  `decisions/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export interface DecisionsFilter {
  status?: DecisionStatus | undefined;
  limit: number;
  offset: number;
}

/** A page of decisions, newest first. */
export const useDecisions = (filter: DecisionsFilter) =>
  useQuery({
    queryKey: [...LISTS, 'page', filter],
    queryFn: ({ signal }) => getJson<DecisionList>('decisions', { ...filter }, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

/** The pending decisions in which `state` has a seat and has not stated a position yet. */
export const useAwaitingDecisions = (state: string | null) =>
  useQuery({
    queryKey: [...LISTS, 'awaiting', state],
    queryFn: ({ signal }) =>
      getJson<DecisionList>('decisions', { state, awaiting: 'true', limit: 200 }, signal),
    enabled: state !== null,
    staleTime: 10_000,
    refetchOnWindowFocus: true,
  });

export const decisionQuery = (id: string) =>
  queryOptions({
    queryKey: decisionKey(id),
    queryFn: ({ signal }) => getJson<Decision>(path(id), {}, signal),
    staleTime: 10_000,
  });

export const useDecision = (id: string) => useQuery(decisionQuery(id));

/** The member states today, with their names in the three languages (public registry data). */
export const useMemberStates = () =>
  useQuery({
    queryKey: ['states', 'member', 'today'],
    queryFn: ({ signal }) =>
      getJson<ListResponse<StateSummary>>('states', { status: 'member', limit: 500 }, signal),
  });

/** Keeps the newer of two copies of a decision (an answer may arrive after a pushed update). */
function store(client: QueryClient, decision: Decision) {
  client.setQueryData<Decision>(decisionKey(decision.id), (current) =>
    current && lastSeq(current) > lastSeq(decision) ? current : decision,
  );
}

/** Puts a changed decision in the cache and has the lists read again (their membership may change). */
function changed(client: QueryClient, decision: Decision) {
  store(client, decision);
  void client.invalidateQueries({ queryKey: LISTS });
}

/** How the live connection stands: opening, receiving, trying again after a cut, or given up. */
export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'closed';

/**
 * Follows a decision live: each `decision` event of the server-sent stream carries the whole
 * decision, which replaces the cached one, so every view of it re-renders without a reload. The
 * browser reconnects by itself after a cut; when the server refuses the stream (the session ended)
 * it stops, the decision is read again and `reconnect()` opens a new stream.
 */
export function useDecisionStream(
  id: string,
  enabled: boolean,
): { state: StreamState; reconnect: () => void } {
  const client = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    // `attempt` is here so that `reconnect` opens a new stream.
    void attempt;
    setState('connecting');
    const source = new EventSource(apiUrl(path(id, 'stream')));
    let listsKnown = false;
    source.addEventListener('decision', (event: MessageEvent<string>) => {
      try {
        const decision = JSON.parse(event.data) as Decision;
        // The first event is the decision as it is now; the later ones are changes.
        if (listsKnown) changed(client, decision);
        else store(client, decision);
        listsKnown = true;
        setState('live');
      } catch {
        // A malformed event changes nothing; the next one carries the whole decision again.
      }
    });
    source.onopen = () => setState('live');
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        setState('closed');
        void client.invalidateQueries({ queryKey: decisionKey(id) });
      } else setState('reconnecting');
    };
    return () => source.close();
  }, [client, id, enabled, attempt]);
  return { state: enabled ? state : 'closed', reconnect: () => setAttempt((n) => n + 1) };
}

function useDecisionAction<I>(id: string, action: string, body: (input: I) => unknown) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => sendJson<Decision>('POST', path(id, action), body(input)),
    onSuccess: (decision) => changed(client, decision),
  });
}

/** States the caller's delegation's position (the server knows which state it speaks for). */
export const useStatePosition = (id: string) =>
  useDecisionAction<PositionInput>(id, 'positions', (input) => input);

/** Withdraws the caller's delegation's standing objection. */
export const useWithdrawObjection = (id: string) =>
  useDecisionAction<void>(id, 'withdraw-objection', () => ({}));

/** The chair closes consideration with a ruling. */
export const useCloseDecision = (id: string) =>
  useDecisionAction<string>(id, 'close', (ruling) => ({ ruling }));

/** The chair launches the silence procedure; `deadline` is ISO 8601 with its offset. */
export const useLaunchSilence = (id: string) =>
  useDecisionAction<string>(id, 'silence', (deadline) => ({ deadline }));

/** The chair proposes the written procedure; both instants are ISO 8601 with their offsets. */
export const useLaunchWritten = (id: string) =>
  useDecisionAction<WrittenInput>(id, 'written', (input) => input);

/** The caller's delegation agrees to use the written procedure, or refuses it with its reason. */
export const useAnswerWritten = (id: string) =>
  useDecisionAction<WrittenAnswerInput>(id, 'written/answer', (input) => input);
