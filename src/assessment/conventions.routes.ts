import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../db/kysely.ts';
import { ERROR_RESPONSES } from '../server/errors.plugin.ts';
import * as S from './conventions.schemas.ts';
import {
  conventionCell,
  conventionMatrix,
  createLaw,
  createNote,
  deleteLaw,
  deleteNote,
  updateLaw,
  updateNote,
} from './conventions.service.ts';

/**
 * The Conventions' implementation over HTTP: the state-by-instrument matrix and one cell in full
 * (public facts; laws and notes for the community), and the recording of laws and notes.
 */
export const conventionsRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = async (
  app,
  { database, now },
) => {
  const { db } = database;
  const tags = ['assessment'];
  const errors = ERROR_RESPONSES;
  const gate = (resource: 'implementing-law' | 'harmonization-note', action: string) => ({
    policy: { action, resource },
  });

  app.get(
    '/conventions/matrix',
    {
      config: { policy: { action: 'read', resource: 'convention' } },
      schema: {
        tags,
        summary: 'Signature, ratification and entry into force of the four instruments per state, on a date',
        querystring: S.MatrixQuery,
        response: { 200: S.MatrixView, ...errors },
      },
    },
    (request) => conventionMatrix(db, request.actor, request.query, now()),
  );
  app.get(
    '/conventions/:instrument/states/:state',
    {
      config: { policy: { action: 'read', resource: 'convention' } },
      schema: {
        tags,
        summary: "One state's life under one instrument, with its laws and notes on harmonization",
        params: S.CellParams,
        querystring: S.AtQuery,
        response: { 200: S.CellView, ...errors },
      },
    },
    (request) =>
      conventionCell(
        db,
        request.actor,
        request.params.instrument,
        request.params.state,
        request.query.at,
        now(),
      ),
  );

  app.post(
    '/conventions/laws',
    {
      config: gate('implementing-law', 'create'),
      schema: {
        tags,
        summary: 'Record a national implementing law',
        body: S.NewLawBody,
        response: { 201: S.LawView, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createLaw(db, request.actor, request.body, now())),
  );
  app.patch(
    '/conventions/laws/:id',
    {
      config: gate('implementing-law', 'update'),
      schema: {
        tags,
        summary: 'Change a law',
        params: S.IdParams,
        body: S.LawPatchBody,
        response: { 200: S.LawView, ...errors },
      },
    },
    (request) => updateLaw(db, request.actor, request.params.id, request.body, now()),
  );
  app.delete(
    '/conventions/laws/:id',
    {
      config: gate('implementing-law', 'delete'),
      schema: { tags, summary: 'Remove a law', params: S.IdParams, response: { 204: S.Removed, ...errors } },
    },
    async (request, reply) => {
      await deleteLaw(db, request.actor, request.params.id, now());
      return reply.code(204).send({});
    },
  );

  app.post(
    '/conventions/notes',
    {
      config: gate('harmonization-note', 'create'),
      schema: {
        tags,
        summary: 'Write a note on harmonization',
        body: S.NewNoteBody,
        response: { 201: S.NoteView, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createNote(db, request.actor, request.body, now())),
  );
  app.patch(
    '/conventions/notes/:id',
    {
      config: gate('harmonization-note', 'update'),
      schema: {
        tags,
        summary: 'Change a note',
        params: S.IdParams,
        body: S.NotePatchBody,
        response: { 200: S.NoteView, ...errors },
      },
    },
    (request) => updateNote(db, request.actor, request.params.id, request.body, now()),
  );
  app.delete(
    '/conventions/notes/:id',
    {
      config: gate('harmonization-note', 'delete'),
      schema: { tags, summary: 'Remove a note', params: S.IdParams, response: { 204: S.Removed, ...errors } },
    },
    async (request, reply) => {
      await deleteNote(db, request.actor, request.params.id, now());
      return reply.code(204).send({});
    },
  );
};
