import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../db/kysely.ts';
import { ERROR_RESPONSES } from '../server/errors.plugin.ts';
import * as S from './assessment.schemas.ts';
import { defineRegion, formsOfTerrorism, regions, threatIndex } from './index.service.ts';

/** The regional threat assessment's API: the index per state, region and year, and the regions. */
export const assessmentRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = async (
  app,
  { database, now },
) => {
  const { db } = database;
  const tags = ['assessment'];
  const errors = ERROR_RESPONSES;

  app.get(
    '/assessment/index',
    {
      config: { policy: { action: 'read', resource: 'stix' } },
      schema: {
        tags,
        summary: 'The threat index per state (and region) and year, over the incidents you may read',
        querystring: S.IndexQuery,
        response: { 200: S.IndexView, ...errors },
      },
    },
    (request) => threatIndex(db, request.actor, request.query, now()),
  );
  app.get(
    '/assessment/forms',
    {
      config: { policy: { action: 'read', resource: 'stix' } },
      schema: {
        tags,
        summary: 'Forms of terrorism: incidents per year by attack, weapon or target type, or by category',
        querystring: S.FormsQuery,
        response: { 200: S.FormsView, ...errors },
      },
    },
    (request) => formsOfTerrorism(db, request.actor, request.query, now()),
  );
  app.get(
    '/assessment/regions',
    {
      config: { policy: { action: 'read', resource: 'region' } },
      schema: {
        tags,
        summary: 'Regions the index can be computed for',
        response: { 200: S.RegionList, ...errors },
      },
    },
    async () => ({ items: await regions(db) }),
  );
  app.post(
    '/assessment/regions',
    {
      config: { policy: { action: 'create', resource: 'region' } },
      schema: {
        tags,
        summary: 'Define a region',
        body: S.RegionBody,
        response: { 201: S.RegionView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await defineRegion(db, request.actor, request.body, now())),
  );
};
