import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../db/kysely.ts';
import { ERROR_RESPONSES } from '../server/errors.plugin.ts';
import * as S from './measures.schemas.ts';
import {
  addIndicator,
  addMeasurement,
  createMeasure,
  getMeasure,
  listMeasures,
  updateMeasure,
} from './measures.service.ts';

/** The monitoring of joint measures over HTTP: lists, pages with computed indicator readings, edits. */
export const measuresRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = async (
  app,
  { database, now },
) => {
  const { db } = database;
  const tags = ['assessment'];
  const errors = ERROR_RESPONSES;
  const read = { policy: { action: 'read', resource: 'measure' } } as const;
  const edit = { policy: { action: 'update', resource: 'measure' } } as const;

  app.get(
    '/measures',
    {
      config: read,
      schema: {
        tags,
        summary: 'Joint exercises, operations and trainings, earliest first, filtered and paged',
        querystring: S.MeasuresQuery,
        response: { 200: S.MeasureList, ...errors },
      },
    },
    (request) => listMeasures(db, request.actor, request.query),
  );
  app.get(
    '/measures/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A measure with its indicators, their measurements and computed progress',
        params: S.MeasureParams,
        response: { 200: S.MeasureView, ...errors },
      },
    },
    (request) => getMeasure(db, request.actor, request.params.id),
  );
  app.post(
    '/measures',
    {
      config: { policy: { action: 'create', resource: 'measure' } },
      schema: {
        tags,
        summary: 'Record a measure',
        body: S.NewMeasureBody,
        response: { 201: S.MeasureView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createMeasure(db, request.actor, request.body, now())),
  );
  app.patch(
    '/measures/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Change some fields of a measure',
        params: S.MeasureParams,
        body: S.PatchMeasureBody,
        response: { 200: S.MeasureView, ...errors },
      },
    },
    (request) => updateMeasure(db, request.actor, request.params.id, request.body, now()),
  );
  app.post(
    '/measures/:id/indicators',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add an indicator with its target and direction',
        params: S.MeasureParams,
        body: S.NewIndicatorBody,
        response: { 201: S.Indicator, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addIndicator(db, request.actor, request.params.id, request.body, now())),
  );
  app.post(
    '/measures/:id/indicators/:indicatorId/measurements',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Record a measured value of an indicator; answers the indicator with its new reading',
        params: S.IndicatorParams,
        body: S.NewMeasurementBody,
        response: { 201: S.Indicator, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await addMeasurement(
            db,
            request.actor,
            request.params.id,
            request.params.indicatorId,
            request.body,
            now(),
          ),
        ),
  );
};
