import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type as T } from 'typebox';
import type { Database } from '../db/kysely.ts';
import { ERROR_RESPONSES } from '../server/errors.plugin.ts';
import { chairmanshipOn } from './chairmanship.service.ts';
import * as drafts from './drafts.service.ts';
import * as meetings from './meetings.service.ts';

/** The chairmanship and drafts of the Council (decisions are in decisions.routes.ts). */
export const councilRoutes: FastifyPluginAsyncTypebox<{
  database: Database;
  now: () => Date;
  dataDir: string;
}> = async (app, { database, now, dataDir }) => {
  const { db } = database;
  const tags = ['council'];
  const errors = ERROR_RESPONSES;
  const I18n = T.Object({ en: T.String(), ru: T.Optional(T.String()), zh: T.Optional(T.String()) });
  const Texts = T.Object({ ru: T.String(), zh: T.String(), en: T.String() });
  const Term = T.Object({
    state: T.String(),
    from: T.String(),
    to: T.Union([T.String(), T.Null()]),
    summit: T.Union([T.String(), T.Null()]),
    how: T.String(),
    notes: T.Optional(T.String()),
    sources: T.Array(T.String()),
    confidence: T.String(),
  });
  const Draft = T.Object({
    id: T.String(),
    bodyId: T.String(),
    symbol: T.String(),
    title: I18n,
    revisions: T.Array(
      T.Object({
        id: T.String(),
        number: T.Integer(),
        symbol: T.String(),
        texts: Texts,
        mergedAmendments: T.Array(T.String()),
        createdAt: T.String(),
      }),
    ),
    amendments: T.Array(
      T.Object({
        id: T.String(),
        revisionId: T.String(),
        state: T.String(),
        provision: T.String(),
        language: T.String(),
        oldText: T.String(),
        newText: T.String(),
        reason: T.String(),
        status: T.String(),
      }),
    ),
  });
  const Id = T.Object({ id: T.String({ minLength: 1, maxLength: 60 }) });

  const Meeting = T.Object({
    id: T.String(),
    bodyId: T.String(),
    title: I18n,
    start: T.String(),
    end: T.String(),
    place: T.String(),
    format: T.String(),
    chairState: T.Union([T.String(), T.Null()]),
    agenda: T.Array(
      T.Object({ item: T.Integer(), title: I18n, decisionId: T.Union([T.String(), T.Null()]) }),
    ),
    attendance: T.Array(T.Object({ state: T.String(), attendance: T.String(), seatClass: T.String() })),
    minutes: T.Array(
      T.Object({
        item: T.Integer(),
        decisionId: T.String(),
        status: T.String(),
        reason: T.String(),
        reservations: T.Array(T.Object({ state: T.String(), text: T.String() })),
      }),
    ),
    abilities: T.Record(T.String(), T.Boolean()),
  });

  app.get(
    '/meetings',
    {
      config: { policy: { action: 'read', resource: 'meeting' } },
      schema: {
        tags,
        querystring: T.Object(
          { bodyId: T.Optional(T.String({ maxLength: 60 })) },
          { additionalProperties: false },
        ),
        response: { 200: T.Object({ items: T.Array(Meeting), total: T.Integer() }), ...errors },
      },
    },
    (request) => meetings.listMeetings(db, request.actor, request.query, now()),
  );
  app.get(
    '/meetings/:id',
    {
      config: { policy: { action: 'read', resource: 'meeting' } },
      schema: { tags, params: Id, response: { 200: Meeting, ...errors } },
    },
    (request) => meetings.getMeeting(db, request.actor, request.params.id, now()),
  );
  app.post(
    '/meetings',
    {
      config: { policy: { action: 'create', resource: 'meeting' } },
      schema: {
        tags,
        summary: 'Plan a meeting of a body with its agenda',
        body: T.Object(
          {
            bodyId: T.String({ maxLength: 60 }),
            title: I18n,
            start: T.String({ maxLength: 10 }),
            end: T.String({ maxLength: 10 }),
            place: T.String({ maxLength: 200 }),
            format: T.String({ maxLength: 20 }),
            chairState: T.Optional(T.String({ pattern: '^[A-Za-z]{2}$' })),
            agenda: T.Array(T.Object({ title: I18n, decisionId: T.Optional(T.String({ maxLength: 60 })) }), {
              maxItems: 100,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Meeting, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await meetings.createMeeting(db, request.actor, request.body, now())),
  );
  app.put(
    '/meetings/:id/attendance',
    {
      config: { policy: { action: 'update', resource: 'meeting' } },
      schema: {
        tags,
        summary: "Record a delegation's attendance",
        params: Id,
        body: T.Object(
          { state: T.String({ pattern: '^[A-Za-z]{2}$' }), attendance: T.String({ maxLength: 20 }) },
          { additionalProperties: false },
        ),
        response: { 200: Meeting, ...errors },
      },
    },
    (request) => meetings.recordAttendance(db, request.actor, request.params.id, request.body, now()),
  );
  app.get(
    '/chairmanship',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'Who chairs the Council of Heads of State on a date, and who is next by rotation',
        querystring: T.Object(
          { at: T.Optional(T.String({ format: 'date' })) },
          { additionalProperties: false },
        ),
        response: {
          200: T.Object({
            at: T.String(),
            chair: T.Union([Term, T.Null()]),
            next: T.Union([T.Object({ state: T.String() }), T.Null()]),
            terms: T.Array(Term),
          }),
          ...errors,
        },
      },
    },
    (request) => chairmanshipOn(db, dataDir, request.query.at ?? now().toISOString().slice(0, 10)),
  );
  app.post(
    '/drafts',
    {
      config: { policy: { action: 'create', resource: 'draft' } },
      schema: {
        tags,
        body: T.Object(
          {
            bodyId: T.String({ maxLength: 60 }),
            symbol: T.String({ maxLength: 60 }),
            title: I18n,
            texts: Texts,
          },
          { additionalProperties: false },
        ),
        response: { 201: Draft, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await drafts.createDraft(db, request.actor, request.body, now())),
  );
  app.get(
    '/drafts/:id',
    {
      config: { policy: { action: 'read', resource: 'draft' } },
      schema: { tags, params: Id, response: { 200: Draft, ...errors } },
    },
    (request) => drafts.getDraft(db, request.actor, request.params.id),
  );
  app.post(
    '/drafts/:id/revisions',
    {
      config: { policy: { action: 'revise', resource: 'draft' } },
      schema: {
        tags,
        summary: 'Merge the accepted amendments into the next revision',
        params: Id,
        response: { 200: Draft, ...errors },
      },
    },
    (request) => drafts.reviseDraft(db, request.actor, request.params.id, now()),
  );
  app.get(
    '/drafts/:id/compare',
    {
      config: { policy: { action: 'read', resource: 'draft' } },
      schema: {
        tags,
        params: Id,
        querystring: T.Object(
          {
            from: T.Integer({ minimum: 0 }),
            to: T.Integer({ minimum: 0 }),
            language: T.String({ default: 'en', maxLength: 2 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: T.Object({
            from: T.String(),
            to: T.String(),
            language: T.String(),
            parts: T.Array(T.Object({ op: T.String(), text: T.String() })),
          }),
          ...errors,
        },
      },
    },
    (request) =>
      drafts.compareRevisions(
        db,
        request.actor,
        request.params.id,
        request.query.from,
        request.query.to,
        request.query.language,
      ),
  );
  app.post(
    '/amendments/:id/decision',
    {
      config: { policy: { action: 'decide', resource: 'amendment' } },
      schema: {
        tags,
        summary: 'The chair accepts or rejects an amendment',
        params: Id,
        body: T.Object({ accept: T.Boolean() }, { additionalProperties: false }),
        response: { 200: Draft, ...errors },
      },
    },
    (request) => drafts.decideAmendment(db, request.actor, request.params.id, request.body.accept, now()),
  );
};
