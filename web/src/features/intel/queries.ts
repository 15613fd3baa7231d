import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, getJson, isNotFound, sendJson } from '../../api/client.ts';
import type {
  Assessment,
  AssessmentInput,
  Assessments,
  CommonList,
  DefinitionSet,
  Finding,
  IncidentList,
  ObjectList,
  ObjectView,
  SaveInput,
  ShareInput,
  Timeline,
  VersionList,
} from './types.ts';

/**
 * The information center's server state, through TanStack Query like the rest of the app. What a
 * reader sees depends on who they are (TLP), so every key starts with 'identity' and signing in or
 * out drops it with the rest of the signed-in part. Saves and shares go through `sendJson`, which
 * sends the session's CSRF token; uploads are in `upload.ts`.
 */

const ROOT = ['identity', 'intel'] as const;
export const objectKey = (id: string) => [...ROOT, 'object', id] as const;

const objectPath = (id: string, part?: string) =>
  `intel/objects/${encodeURIComponent(id)}${part ? `/${part}` : ''}`;

/** Filters of object lists, search and the STIX export. */
export interface ObjectsFilter {
  types?: readonly string[] | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const objectParams = (filter: ObjectsFilter) => ({
  type: filter.types?.length ? filter.types.join(',') : undefined,
  q: filter.q?.trim() || undefined,
  from: filter.from || undefined,
  to: filter.to || undefined,
});

/** A page of the objects the reader may see, newest first. */
export const useObjects = (filter: ObjectsFilter & { limit: number; offset: number }) =>
  useQuery({
    queryKey: [...ROOT, 'objects', filter],
    queryFn: ({ signal }) =>
      getJson<ObjectList>(
        'intel/objects',
        { ...objectParams(filter), limit: filter.limit, offset: filter.offset },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

/** One object, or not found (missing and unreadable alike). */
export const useObject = (id: string) =>
  useQuery({
    queryKey: objectKey(id),
    queryFn: ({ signal }) => getJson<ObjectView>(objectPath(id), {}, signal),
    retry: (count, error) => !isNotFound(error) && count < 2,
  });

/**
 * Several objects at once (a report's references): each is its view, `null` when the reader may
 * not read it (or it does not exist), or `undefined` while it loads.
 */
export function useObjectsById(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: objectKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getJson<ObjectView>(objectPath(id), {}, signal),
      retry: (count: number, error: unknown) => !isNotFound(error) && count < 2,
    })),
    combine: (results) => results.map((r) => (r.isError ? null : r.data)),
  });
}

export const useVersions = (id: string) =>
  useQuery({
    queryKey: [...objectKey(id), 'versions'],
    queryFn: ({ signal }) => getJson<VersionList>(objectPath(id, 'versions'), {}, signal),
  });

/** An organization's incidents per year. */
export const useTimeline = (id: string) =>
  useQuery({
    queryKey: [...objectKey(id), 'timeline'],
    queryFn: ({ signal }) => getJson<Timeline>(objectPath(id, 'timeline'), {}, signal),
  });

export interface IncidentsFilter {
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  countries?: readonly string[] | undefined;
  organization?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of incidents, newest first, with their GTD fields. */
export const useIncidents = (filter: IncidentsFilter) =>
  useQuery({
    queryKey: [...ROOT, 'incidents', filter],
    queryFn: ({ signal }) =>
      getJson<IncidentList>(
        'intel/incidents',
        {
          from: filter.from || undefined,
          to: filter.to || undefined,
          q: filter.q?.trim() || undefined,
          country: filter.countries?.length ? filter.countries.join(',') : undefined,
          organization: filter.organization,
          limit: filter.limit,
          offset: filter.offset,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

/** The assessments of a subject and the analysts' disagreements (the community only). */
export const useAssessments = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...objectKey(id), 'assessments'],
    queryFn: ({ signal }) => getJson<Assessments>(objectPath(id, 'assessments'), {}, signal),
    enabled,
    retry: (count, error) => !isNotFound(error) && count < 2,
  });

/** The conventions' definition sets (they change with a release, not while a page is open). */
export const useDefinitions = (enabled: boolean) =>
  useQuery({
    queryKey: [...ROOT, 'definitions'],
    queryFn: ({ signal }) => getJson<{ items: DefinitionSet[] }>('intel/definitions', {}, signal),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Findings prefilled from an incident's GTD criteria, read on demand (`refetch`). */
export const useGtdFindings = (id: string) =>
  useQuery({
    queryKey: [...objectKey(id), 'gtd-findings'],
    queryFn: ({ signal }) => getJson<{ items: Finding[] }>(objectPath(id, 'gtd-findings'), {}, signal),
    enabled: false,
    retry: false,
  });

/** The common list and its history (signed-in users). */
export const useCommonList = (enabled = true) =>
  useQuery({
    queryKey: [...ROOT, 'list'],
    queryFn: ({ signal }) => getJson<CommonList>('intel/list', {}, signal),
    enabled,
  });

/** Creates an object, or a new version of one (same `object.id`); lists are read again. */
export const useSaveObject = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveInput) => sendJson<ObjectView>('POST', 'intel/objects', input),
    onSuccess: (view) => {
      client.setQueryData(objectKey(view.object.id), view);
      void client.invalidateQueries({ queryKey: ROOT });
    },
  });
};

/** Changes an object's TLP level and names recipients (its creating organization only). */
export const useShareObject = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ShareInput) => sendJson<ObjectView>('POST', objectPath(id, 'sharing'), input),
    onSuccess: (view) => {
      client.setQueryData(objectKey(id), view);
      void client.invalidateQueries({ queryKey: ROOT });
    },
  });
};

/** Records an assessment; the answer carries the computed result. */
export const useCreateAssessment = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AssessmentInput) => sendJson<Assessment>('POST', 'intel/assessments', input),
    onSuccess: (assessment) =>
      client.invalidateQueries({ queryKey: [...objectKey(assessment.subjectId), 'assessments'] }),
  });
};

/** The address of a STIX bundle of what the reader may see, under a filter. */
export const exportUrl = (filter: ObjectsFilter) => apiUrl('intel/export.json', objectParams(filter));

/** The address of the incidents the reader may see, as CSV. */
export const incidentsCsvUrl = (filter: ObjectsFilter = {}) =>
  apiUrl('intel/incidents.csv', objectParams(filter));
