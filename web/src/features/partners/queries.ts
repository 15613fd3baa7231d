import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, isNotFound, sendJson } from '../../api/client.ts';
import type {
  Agreement,
  AgreementInput,
  Contact,
  ContactInput,
  Endpoint,
  EndpointInput,
  PartnerInput,
  PartnerSummary,
  PartnerView,
  StixView,
} from './types.ts';

/**
 * The partner registry's server state through TanStack Query. Keys start with 'identity' so that
 * signing in or out drops them with the rest of the signed-in part. Changes go through the one
 * client's `sendJson`, which sends the session's CSRF token.
 */

const ROOT = ['identity', 'partners'] as const;
const partnerKey = (id: string) => [...ROOT, 'partner', id] as const;
const path = (id: string, ...parts: string[]) =>
  ['partners', encodeURIComponent(id), ...parts.map(encodeURIComponent)].join('/');

/**
 * PATCH and DELETE through the one client: `sendJson` sends any method as given (CSRF token
 * included); its declared type names only POST and PUT, so the method is narrowed here.
 */
const send = <T>(method: 'POST' | 'PATCH' | 'DELETE', to: string, body?: unknown) =>
  sendJson<T>(method as 'POST', to, body);

export const usePartners = () =>
  useQuery({
    queryKey: [...ROOT, 'list'],
    queryFn: ({ signal }) => getJson<{ items: PartnerSummary[]; total: number }>('partners', {}, signal),
  });

export const usePartner = (id: string) =>
  useQuery({
    queryKey: partnerKey(id),
    queryFn: ({ signal }) => getJson<PartnerView>(path(id), {}, signal),
    retry: (count, error) => !isNotFound(error) && count < 2,
  });

/** What is shared with a partner (`shared`) or came from it (`received`), a page at a time. */
export const usePartnerObjects = (
  id: string,
  view: 'shared' | 'received',
  page: { limit: number; offset: number },
) =>
  useQuery({
    queryKey: [...partnerKey(id), view, page],
    queryFn: ({ signal }) => getJson<StixView>(path(id, view), page, signal),
    placeholderData: keepPreviousData,
  });

/** A change to a partner's entry or records; the entry and the list are read again after it. */
function usePartnerChange<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
}

export const useCreatePartner = () =>
  usePartnerChange((input: PartnerInput & { id: string }) => send<PartnerView>('POST', 'partners', input));

export const useUpdatePartner = (id: string) =>
  usePartnerChange((input: PartnerInput) => send<PartnerView>('PATCH', path(id), input));

export const useAddAgreement = (id: string) =>
  usePartnerChange((input: AgreementInput) => send<Agreement>('POST', path(id, 'agreements'), input));

export const useAddContact = (id: string) =>
  usePartnerChange((input: ContactInput) => send<Contact>('POST', path(id, 'contacts'), input));

export const useAddEndpoint = (id: string) =>
  usePartnerChange((input: EndpointInput) => send<Endpoint>('POST', path(id, 'endpoints'), input));

/** Removes one agreement, contact or endpoint of the partner. */
export const useRemoveRecord = (id: string) =>
  usePartnerChange((record: { kind: 'agreements' | 'contacts' | 'endpoints'; id: string }) =>
    send<void>('DELETE', path(id, record.kind, record.id)),
  );
