import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import * as S from './registry.schemas.ts';
import * as registry from './registry.service.ts';

/** The public registry API: states, bodies, summits, documents, people, chronology, search. */
export const registryRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<DB> }> = async (app, { db }) => {
  const tags = ['registry'];
  // Everything in the registry is public reference data.
  const PUBLIC = { policy: 'public' as const };
  const notFound = { 404: { $ref: 'Error#' } };
  const badRequest = { 400: { $ref: 'Error#' } };

  app.get(
    '/states',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'States by status on a date, from their status history',
        querystring: S.StatesQuery,
        response: { 200: S.StateList, ...badRequest },
      },
    },
    (req) => registry.listStates(db, req.query),
  );
  app.get(
    '/states/:code',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'One state: status history, summits hosted, documents',
        params: S.CodeParams,
        response: { 200: S.StateDetail, ...notFound, ...badRequest },
      },
    },
    (req) => registry.getState(db, req.params.code),
  );
  app.get(
    '/bodies',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'The bodies of the organization',
        querystring: S.PageOnly,
        response: { 200: S.BodyList },
      },
    },
    (req) => registry.listBodies(db, req.query),
  );
  app.get(
    '/summits',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'Summits of the Council of Heads of State since 1996',
        querystring: S.SummitsQuery,
        response: { 200: S.SummitList, ...badRequest },
      },
    },
    (req) => registry.listSummits(db, req.query),
  );
  app.get(
    '/summits/:id',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'One summit with its documents',
        params: S.IdParams,
        response: { 200: S.SummitDetail, ...notFound },
      },
    },
    (req) => registry.getSummit(db, req.params.id),
  );
  app.get(
    '/documents',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'Documents, searchable and filtered by kind, dates and party',
        querystring: S.DocumentsQuery,
        response: { 200: S.DocumentList, ...badRequest },
      },
    },
    (req) => registry.listDocuments(db, req.query),
  );
  app.get(
    '/documents/:id',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'One document',
        params: S.IdParams,
        response: { 200: S.DocumentDetail, ...notFound },
      },
    },
    (req) => registry.getDocument(db, req.params.id),
  );
  app.get(
    '/people',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'Secretaries-General and directors of the RATS Executive Committee',
        querystring: S.PeopleQuery,
        response: { 200: S.PersonList, ...badRequest },
      },
    },
    (req) => registry.listPeople(db, req.query),
  );
  app.get(
    '/chronology',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'Summits, documents, status changes and appointments in time order',
        querystring: S.ChronologyQuery,
        response: { 200: S.ChronologyList, ...badRequest },
      },
    },
    (req) => registry.chronology(db, req.query),
  );
  app.get(
    '/search',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'Search names, titles and descriptions in English, Russian and Chinese',
        querystring: S.SearchQuery,
        response: { 200: S.SearchResults, ...badRequest },
      },
    },
    (req) => registry.search(db, req.query),
  );
};
