import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../../db/kysely.ts';
import { ERROR_RESPONSES } from '../../server/errors.plugin.ts';
import * as records from './partners.records.service.ts';
import * as S from './partners.schemas.ts';
import * as partners from './partners.service.ts';

/**
 * The registry of partner centers: entries, their agreements, contacts and TAXII endpoints, and
 * what is shared with and received from each. Routes resolve the actor and call one service.
 */
export const partnersRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = async (
  app,
  { database, now },
) => {
  const { db } = database;
  const tags = ['partners'];
  const errors = ERROR_RESPONSES;
  const policy = (action: string) => ({ policy: { action, resource: 'partner' as const } });
  const noContent = { 204: S.Removed, ...errors } as const;

  app.get(
    '/partners',
    { config: policy('read'), schema: { tags, response: { 200: S.PartnerList, ...errors } } },
    (request) => partners.listPartners(db, request.actor),
  );
  app.post(
    '/partners',
    {
      config: policy('create'),
      schema: { tags, body: S.CreatePartnerBody, response: { 201: S.PartnerView, ...errors } },
    },
    async (request, reply) =>
      reply.code(201).send(await partners.createPartner(db, request.actor, request.body, now())),
  );
  app.get(
    '/partners/:id',
    {
      config: policy('read'),
      schema: { tags, params: S.IdParams, response: { 200: S.PartnerView, ...errors } },
    },
    (request) => partners.getPartner(db, request.actor, request.params.id),
  );
  app.patch(
    '/partners/:id',
    {
      config: policy('update'),
      schema: {
        tags,
        params: S.IdParams,
        body: S.UpdatePartnerBody,
        response: { 200: S.PartnerView, ...errors },
      },
    },
    (request) => partners.updatePartner(db, request.actor, request.params.id, request.body, now()),
  );
  app.get(
    '/partners/:id/shared',
    {
      config: policy('read'),
      schema: {
        tags,
        summary: "STIX objects the partner's users may read, among those you may read, counted per TLP",
        params: S.IdParams,
        querystring: S.PageQuery,
        response: { 200: S.StixView, ...errors },
      },
    },
    (request) => partners.sharedWith(db, request.actor, request.params.id, request.query),
  );
  app.get(
    '/partners/:id/received',
    {
      config: policy('read'),
      schema: {
        tags,
        summary: 'STIX objects the partner created, among those you may read, counted per TLP',
        params: S.IdParams,
        querystring: S.PageQuery,
        response: { 200: S.StixView, ...errors },
      },
    },
    (request) => partners.receivedFrom(db, request.actor, request.params.id, request.query),
  );

  app.post(
    '/partners/:id/agreements',
    {
      config: policy('edit-agreements'),
      schema: {
        tags,
        params: S.IdParams,
        body: S.CreateAgreementBody,
        response: { 201: S.Agreement, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await records.addAgreement(db, request.actor, request.params.id, request.body, now())),
  );
  app.patch(
    '/partners/:id/agreements/:recordId',
    {
      config: policy('edit-agreements'),
      schema: {
        tags,
        params: S.RecordParams,
        body: S.UpdateAgreementBody,
        response: { 200: S.Agreement, ...errors },
      },
    },
    (request) =>
      records.updateAgreement(
        db,
        request.actor,
        request.params.id,
        request.params.recordId,
        request.body,
        now(),
      ),
  );
  app.delete(
    '/partners/:id/agreements/:recordId',
    { config: policy('edit-agreements'), schema: { tags, params: S.RecordParams, response: noContent } },
    async (request, reply) => {
      await records.removeAgreement(db, request.actor, request.params.id, request.params.recordId, now());
      return reply.code(204).send({});
    },
  );

  app.post(
    '/partners/:id/contacts',
    {
      config: policy('edit-contacts'),
      schema: {
        tags,
        params: S.IdParams,
        body: S.CreateContactBody,
        response: { 201: S.Contact, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await records.addContact(db, request.actor, request.params.id, request.body, now())),
  );
  app.patch(
    '/partners/:id/contacts/:recordId',
    {
      config: policy('edit-contacts'),
      schema: {
        tags,
        params: S.RecordParams,
        body: S.UpdateContactBody,
        response: { 200: S.Contact, ...errors },
      },
    },
    (request) =>
      records.updateContact(
        db,
        request.actor,
        request.params.id,
        request.params.recordId,
        request.body,
        now(),
      ),
  );
  app.delete(
    '/partners/:id/contacts/:recordId',
    { config: policy('edit-contacts'), schema: { tags, params: S.RecordParams, response: noContent } },
    async (request, reply) => {
      await records.removeContact(db, request.actor, request.params.id, request.params.recordId, now());
      return reply.code(204).send({});
    },
  );

  app.post(
    '/partners/:id/endpoints',
    {
      config: policy('edit-endpoints'),
      schema: {
        tags,
        params: S.IdParams,
        body: S.CreateEndpointBody,
        response: { 201: S.Endpoint, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await records.addEndpoint(db, request.actor, request.params.id, request.body, now())),
  );
  app.patch(
    '/partners/:id/endpoints/:recordId',
    {
      config: policy('edit-endpoints'),
      schema: {
        tags,
        params: S.RecordParams,
        body: S.UpdateEndpointBody,
        response: { 200: S.Endpoint, ...errors },
      },
    },
    (request) =>
      records.updateEndpoint(
        db,
        request.actor,
        request.params.id,
        request.params.recordId,
        request.body,
        now(),
      ),
  );
  app.delete(
    '/partners/:id/endpoints/:recordId',
    { config: policy('edit-endpoints'), schema: { tags, params: S.RecordParams, response: noContent } },
    async (request, reply) => {
      await records.removeEndpoint(db, request.actor, request.params.id, request.params.recordId, now());
      return reply.code(204).send({});
    },
  );
};
