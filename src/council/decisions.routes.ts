import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../db/kysely.ts';
import { ERROR_RESPONSES } from '../server/errors.plugin.ts';
import { DecisionFeed } from './decision.feed.ts';
import * as S from './decisions.schemas.ts';
import * as decisions from './decisions.service.ts';

/** Decisions by consensus: open, state positions, amend, silence, close, read. */
export const decisionsRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = async (
  app,
  { database, now },
) => {
  const { db } = database;
  const tags = ['council'];
  const feed = new DecisionFeed(db);
  app.addHook('onClose', async () => feed.stop());
  const errors = ERROR_RESPONSES;

  app.get(
    '/decisions',
    {
      config: { policy: { action: 'read', resource: 'decision' } },
      schema: { tags, querystring: S.DecisionsQuery, response: { 200: S.DecisionList, ...errors } },
    },
    (request) => decisions.listDecisions(db, request.actor, request.query, now()),
  );
  app.get(
    '/decisions/:id',
    {
      config: { policy: { action: 'read', resource: 'decision' } },
      schema: { tags, params: S.IdParams, response: { 200: S.Decision, ...errors } },
    },
    (request) => decisions.getDecision(db, request.actor, request.params.id, now()),
  );
  app.get(
    '/decisions/:id/stream',
    {
      config: { policy: { action: 'read', resource: 'decision' } },
      schema: {
        tags,
        summary: 'Server-sent events: the decision as it is now, then again after every change',
        params: S.IdParams,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const first = await decisions.getDecision(db, request.actor, id, now());
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-request-id': request.id,
      });
      const send = (decision: unknown) =>
        reply.raw.write(`event: decision\ndata: ${JSON.stringify(decision)}\n\n`);
      send(first);
      const actor = request.actor;
      const stop = feed.watch(id, first.history.length, () => {
        decisions.getDecision(db, actor, id, now()).then(send, () => reply.raw.end());
      });
      const keepAlive = setInterval(() => reply.raw.write(': keep-alive\n\n'), 15_000);
      request.raw.on('close', () => {
        stop();
        clearInterval(keepAlive);
      });
    },
  );
  app.post(
    '/decisions',
    {
      config: { policy: { action: 'open', resource: 'decision' } },
      schema: {
        tags,
        summary: 'Open a decision on the latest revision of a draft',
        body: S.OpenBody,
        response: { 201: S.Decision, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await decisions.openDecision(db, request.actor, request.body, now())),
  );
  app.post(
    '/decisions/:id/positions',
    {
      config: { policy: { action: 'state', resource: 'position' } },
      schema: {
        tags,
        summary: "State the delegation's position",
        params: S.IdParams,
        body: S.PositionBody,
        response: { 200: S.Decision, ...errors },
      },
    },
    (request) => decisions.statePosition(db, request.actor, request.params.id, request.body, now()),
  );
  app.post(
    '/decisions/:id/withdraw-objection',
    {
      config: { policy: { action: 'state', resource: 'position' } },
      schema: { tags, params: S.IdParams, body: S.WithdrawBody, response: { 200: S.Decision, ...errors } },
    },
    (request) => decisions.withdrawObjection(db, request.actor, request.params.id, request.body.state, now()),
  );
  app.post(
    '/decisions/:id/amendments',
    {
      config: { policy: { action: 'propose', resource: 'amendment' } },
      schema: {
        tags,
        params: S.IdParams,
        body: S.AmendmentBody,
        response: { 200: S.DecisionWithAmendment, ...errors },
      },
    },
    (request) => decisions.proposeAmendment(db, request.actor, request.params.id, request.body, now()),
  );
  app.post(
    '/decisions/:id/receipt',
    {
      config: { policy: { action: 'acknowledge', resource: 'position' } },
      schema: {
        tags,
        summary: 'Acknowledge receipt of the circulated text',
        params: S.IdParams,
        body: S.WithdrawBody,
        response: { 200: S.Decision, ...errors },
      },
    },
    (request) =>
      decisions.acknowledgeReceipt(db, request.actor, request.params.id, request.body.state, now()),
  );
  app.post(
    '/decisions/:id/silence',
    {
      config: { policy: { action: 'launch-silence', resource: 'decision' } },
      schema: {
        tags,
        summary: 'Launch the silence procedure',
        params: S.IdParams,
        body: S.SilenceBody,
        response: { 200: S.Decision, ...errors },
      },
    },
    (request) => decisions.launchSilence(db, request.actor, request.params.id, request.body.deadline, now()),
  );
  app.post(
    '/decisions/:id/written',
    {
      config: { policy: { action: 'launch-written', resource: 'decision' } },
      schema: {
        tags,
        summary: 'Propose the written procedure: agreement to use it by agreeBy, positions by deadline',
        params: S.IdParams,
        body: S.WrittenBody,
        response: { 200: S.Decision, ...errors },
      },
    },
    (request) => decisions.launchWritten(db, request.actor, request.params.id, request.body, now()),
  );
  app.post(
    '/decisions/:id/written/answer',
    {
      config: { policy: { action: 'state', resource: 'position' } },
      schema: {
        tags,
        summary: "A delegation's answer on the use of the written procedure",
        params: S.IdParams,
        body: S.WrittenAnswerBody,
        response: { 200: S.Decision, ...errors },
      },
    },
    (request) => decisions.answerWritten(db, request.actor, request.params.id, request.body, now()),
  );
  app.post(
    '/decisions/:id/close',
    {
      config: { policy: { action: 'close', resource: 'decision' } },
      schema: {
        tags,
        summary: "Close with the chair's ruling",
        params: S.IdParams,
        body: S.CloseBody,
        response: { 200: S.Decision, ...errors },
      },
    },
    (request) => decisions.closeDecision(db, request.actor, request.params.id, request.body.ruling, now()),
  );
};
