import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../api/client.ts';
import type { Cell, Law, LawInput, Matrix, Note, NoteInput } from './types.ts';

/**
 * The Conventions pages' server state. Laws and notes depend on who reads, so every key starts
 * with 'identity' and signing in or out drops them with the rest of the signed-in part. Changes
 * go through `sendJson`, which sends the session's CSRF token, and refresh the matrix and cells.
 */

const ROOT = ['identity', 'conventions'] as const;

/** The matrix on a date (today when empty). */
export const useMatrix = (at: string) =>
  useQuery({
    queryKey: [...ROOT, 'matrix', at],
    queryFn: ({ signal }) => getJson<Matrix>('conventions/matrix', { at: at || undefined }, signal),
    placeholderData: keepPreviousData,
  });

const cellPath = (instrument: string, state: string) =>
  `conventions/${encodeURIComponent(instrument)}/states/${encodeURIComponent(state)}`;

/** One cell in full: life events, laws and notes. */
export const useCell = (instrument: string, state: string, at: string) =>
  useQuery({
    queryKey: [...ROOT, 'cell', instrument, state, at],
    queryFn: ({ signal }) => getJson<Cell>(cellPath(instrument, state), { at: at || undefined }, signal),
  });

/** A change that refreshes every Conventions answer on success. */
function useChange<I, O>(send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void client.invalidateQueries({ queryKey: ROOT }),
  });
}

export const useAddLaw = () =>
  useChange((input: LawInput) => sendJson<Law>('POST', 'conventions/laws', input));
export const useRemoveLaw = () =>
  useChange((id: string) => sendJson<void>('DELETE', `conventions/laws/${encodeURIComponent(id)}`));
export const useAddNote = () =>
  useChange((input: NoteInput) => sendJson<Note>('POST', 'conventions/notes', input));
export const useRemoveNote = () =>
  useChange((id: string) => sendJson<void>('DELETE', `conventions/notes/${encodeURIComponent(id)}`));
