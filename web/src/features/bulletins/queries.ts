import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../api/client.ts';
import type { BuildInput, Bulletin, BulletinList, Preview, RecipientChoice } from './types.ts';

/**
 * The bulletins' server state. What a reader sees depends on who they are, so the signed-in keys
 * start with 'identity' (dropped on sign-in and sign-out); the public portal's keys do not.
 */

const ROOT = ['identity', 'bulletins'] as const;
const path = (id: string, part = '') => `bulletins/${encodeURIComponent(id)}${part}`;

/** The API path of a bulletin's file, signed in or on the public portal. */
export const filePath = (id: string, ext: 'pdf' | 'html', signedIn: boolean) =>
  `/api/bulletins/${signedIn ? '' : 'public/'}${encodeURIComponent(id)}.${ext}`;

export const useBulletins = (
  filter: { mine?: boolean; received?: boolean; published?: boolean },
  enabled = true,
) =>
  useQuery({
    queryKey: [...ROOT, 'list', filter],
    queryFn: ({ signal }) =>
      getJson<BulletinList>(
        'bulletins',
        {
          mine: filter.mine ? 'true' : undefined,
          received: filter.received ? 'true' : undefined,
          published: filter.published ? 'true' : undefined,
          limit: 100,
        },
        signal,
      ),
    enabled,
  });

/** Published bulletins, for anyone. */
export const usePublishedBulletins = () =>
  useQuery({
    queryKey: ['bulletins', 'public'],
    queryFn: ({ signal }) => getJson<BulletinList>('bulletins/public', { limit: 100 }, signal),
  });

/** One bulletin: through the signed-in API, or the public portal's when signed out. */
export const useBulletin = (id: string, signedIn: boolean) =>
  useQuery({
    queryKey: signedIn ? [...ROOT, 'one', id] : ['bulletins', 'public', id],
    queryFn: ({ signal }) =>
      getJson<Bulletin>(signedIn ? path(id) : `bulletins/public/${encodeURIComponent(id)}`, {}, signal),
  });

/** The builder's live preview of a complete form (`null` while it is not). */
export const usePreview = (input: BuildInput | null) =>
  useQuery({
    queryKey: [...ROOT, 'preview', input],
    queryFn: () => sendJson<Preview>('POST', 'bulletins/preview', input),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useBuild = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BuildInput) => sendJson<Bulletin>('POST', 'bulletins', input),
    onSuccess: () => client.invalidateQueries({ queryKey: [...ROOT, 'list'] }),
  });
};

/** Which organizations may receive the bulletin, and why the others may not. */
export const useRecipientChoices = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...ROOT, 'recipients', id],
    queryFn: ({ signal }) => getJson<{ items: RecipientChoice[] }>(path(id, '/recipients'), {}, signal),
    enabled,
  });

export const useSend = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { organizations: string[]; users: string[] }) =>
      sendJson<Bulletin>('POST', path(id, '/send'), body),
    onSuccess: (bulletin) => client.setQueryData([...ROOT, 'one', id], bulletin),
  });
};

export const usePublish = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<Bulletin>('POST', path(id, '/publish')),
    onSuccess: (bulletin) => {
      client.setQueryData([...ROOT, 'one', id], bulletin);
      void client.invalidateQueries({ queryKey: ['bulletins', 'public'] });
    },
  });
};
