import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../db/kysely.ts';
import * as S from './treaty.schemas.ts';
import { documentLife, recordInstrument } from './treaty.service.ts';

/**
 * The life of documents over HTTP: a document's signatures, instruments and entry into force on
 * a date (public), and the depositary's recording of a new signature or instrument.
 */
export const treatyRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = async (
  app,
  { database, now },
) => {
  const { db } = database;
  const tags = ['council'];
  const error = { $ref: 'Error#' };

  app.get(
    '/documents/:id/life',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary:
          "A document's signatures, instruments and entry into force, overall and per state, on a date",
        params: S.DocumentParams,
        querystring: S.LifeQuery,
        response: { 200: S.DocumentLife, 400: error, 404: error },
      },
    },
    (request) => documentLife(db, request.params.id, request.query.at ?? now().toISOString().slice(0, 10)),
  );

  app.post(
    '/documents/:id/instruments',
    {
      config: { policy: { action: 'record-instrument', resource: 'document' } },
      schema: {
        tags,
        summary: 'Record a signature or an instrument deposited with the depositary (the Secretariat)',
        params: S.DocumentParams,
        body: S.NewInstrumentBody,
        response: { 201: S.Instrument, 400: error, 401: error, 403: error, 404: error, 409: error },
      },
    },
    async (request, reply) => {
      const instrument = await recordInstrument(db, request.actor, request.params.id, request.body, now());
      return reply.code(201).send(instrument);
    },
  );
};
