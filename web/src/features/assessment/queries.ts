import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../api/client.ts';
import type { Breakdown, FormsView, IndexView, Region, Selection } from './types.ts';

/**
 * The dashboard's server state. What the figures count depends on who reads them (only the
 * incidents the reader may read), so every key starts with 'identity' and is dropped when the
 * reader signs in or out.
 */

const ROOT = ['identity', 'assessment'] as const;

const params = (selection: Selection) => ({
  region: selection.states?.length ? undefined : selection.region,
  states: selection.states?.length ? selection.states.join(',') : undefined,
  from: selection.from,
  to: selection.to,
});

/** The threat index per state (and region) and year. */
export const useThreatIndex = (selection: Selection, enabled = true) =>
  useQuery({
    queryKey: [...ROOT, 'index', params(selection)],
    queryFn: ({ signal }) => getJson<IndexView>('assessment/index', params(selection), signal),
    placeholderData: keepPreviousData,
    enabled,
  });

/**
 * The index over every year from 1970, for the same states: only to find the last year with an
 * incident, where the dashboard opens when no period is chosen.
 */
export const useCoverage = (selection: Omit<Selection, 'from' | 'to'>, thisYear: number, enabled: boolean) =>
  useThreatIndex({ ...selection, from: 1970, to: thisYear }, enabled);

/** Forms of terrorism by attack, weapon or target type, or by category. */
export const useForms = (selection: Selection, by: Breakdown) =>
  useQuery({
    queryKey: [...ROOT, 'forms', by, params(selection)],
    queryFn: ({ signal }) => getJson<FormsView>('assessment/forms', { ...params(selection), by }, signal),
    placeholderData: keepPreviousData,
  });

/** The regions one may choose: Central Asia, the SCO members, and those defined. */
export const useRegions = () =>
  useQuery({
    queryKey: [...ROOT, 'regions'],
    queryFn: ({ signal }) => getJson<{ items: Region[] }>('assessment/regions', {}, signal),
  });

/** Defines a region (analysts, Secretariat officers, administrators); the list is read again. */
export const useDefineRegion = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; states: string[] }) =>
      sendJson<Region>('POST', 'assessment/regions', input),
    onSuccess: () => client.invalidateQueries({ queryKey: [...ROOT, 'regions'] }),
  });
};
