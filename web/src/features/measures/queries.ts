import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, isNotFound, sendJson } from '../../api/client.ts';
import type {
  Indicator,
  MeasureList,
  MeasureView,
  NewIndicatorInput,
  NewMeasureInput,
  NewMeasurementInput,
} from './types.ts';

/**
 * The measures' server state through TanStack Query. Measures are read by the community only, so
 * every key starts with 'identity' and is dropped with the rest of the signed-in part on sign-out.
 */

const ROOT = ['identity', 'measures'] as const;
const measureKey = (id: string) => [...ROOT, 'measure', id] as const;
const measurePath = (id: string) => `measures/${encodeURIComponent(id)}`;

export interface MeasuresFilter {
  from?: string | undefined;
  to?: string | undefined;
  kind?: string | undefined;
  category?: string | undefined;
  state?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of measures, earliest first. */
export const useMeasures = (filter: MeasuresFilter, enabled = true) =>
  useQuery({
    queryKey: [...ROOT, 'list', filter],
    queryFn: ({ signal }) =>
      getJson<MeasureList>(
        'measures',
        {
          from: filter.from || undefined,
          to: filter.to || undefined,
          kind: filter.kind || undefined,
          category: filter.category || undefined,
          state: filter.state || undefined,
          limit: filter.limit,
          offset: filter.offset,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled,
  });

/** One measure with its indicators; not found when missing or unreadable. */
export const useMeasure = (id: string, enabled = true) =>
  useQuery({
    queryKey: measureKey(id),
    queryFn: ({ signal }) => getJson<MeasureView>(measurePath(id), {}, signal),
    retry: (count, error) => !isNotFound(error) && count < 2,
    enabled,
  });

/** Records a measure; the lists are read again. */
export const useCreateMeasure = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewMeasureInput) => sendJson<MeasureView>('POST', 'measures', input),
    onSuccess: (view) => {
      client.setQueryData(measureKey(view.id), view);
      void client.invalidateQueries({ queryKey: [...ROOT, 'list'] });
    },
  });
};

/** Adds an indicator to a measure; the measure is read again. */
export const useAddIndicator = (measureId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewIndicatorInput) =>
      sendJson<Indicator>('POST', `${measurePath(measureId)}/indicators`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
};

/** Records a measured value; the measure is read again, so its chart moves. */
export const useAddMeasurement = (measureId: string, indicatorId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewMeasurementInput) =>
      sendJson<Indicator>(
        'POST',
        `${measurePath(measureId)}/indicators/${encodeURIComponent(indicatorId)}/measurements`,
        input,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
};
