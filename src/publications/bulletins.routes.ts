import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Database } from '../db/kysely.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { ANONYMOUS } from '../identity/policy.rules.ts';
import { ERROR_RESPONSES } from '../server/errors.plugin.ts';
import { renderHtml } from './bulletins.render-html.ts';
import { renderPdf } from './bulletins.render-pdf.ts';
import * as S from './bulletins.schemas.ts';
import * as bulletins from './bulletins.service.ts';
import type { Snapshot } from './bulletins.types.ts';

/**
 * The bulletins' API: build (and preview), read as JSON, HTML or PDF, send, publish; and the
 * public portal's reads of published bulletins.
 */
export const bulletinsRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = async (
  app,
  { database, now },
) => {
  const { db } = database;
  const tags = ['bulletins'];
  const errors = ERROR_RESPONSES;
  const read = { policy: { action: 'read', resource: 'bulletin' } } as const;
  const readPublished = { policy: { action: 'read-published', resource: 'bulletin' } } as const;
  const create = { policy: { action: 'create', resource: 'bulletin' } } as const;

  const fileName = (s: Snapshot, ext: string) =>
    `${s.from}_${s.to}_tlp-${s.marking.tlp.replace('+', '-')}.${ext}`;
  const html = (reply: FastifyReply, snapshot: Snapshot) =>
    reply.type('text/html; charset=utf-8').send(renderHtml(snapshot));
  const pdf = async (reply: FastifyReply, snapshot: Snapshot) =>
    reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="bulletin_${fileName(snapshot, 'pdf')}"`)
      .send(await renderPdf(snapshot));
  const snapshotFor = (actor: Actor, id: string) => bulletins.bulletinSnapshot(db, actor, id);

  app.post(
    '/bulletins/preview',
    {
      config: create,
      schema: {
        tags,
        summary: 'What a bulletin would contain, as HTML, without storing it',
        body: S.BuildBody,
        response: { 200: S.Preview, ...errors },
      },
    },
    async (request) => {
      const snapshot = await bulletins.previewBulletin(db, request.actor, request.body, now());
      return {
        html: renderHtml(snapshot),
        tlp: snapshot.marking.tlp,
        markingOrganizations: snapshot.marking.organizations,
        markingUsers: snapshot.marking.users,
        parts: snapshot.parts.length,
      };
    },
  );
  app.post(
    '/bulletins',
    {
      config: create,
      schema: {
        tags,
        summary: 'Build a bulletin from what you may read, frozen with its marking',
        body: S.BuildBody,
        response: { 201: S.BulletinView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await bulletins.buildBulletin(database, request.actor, request.body, now())),
  );
  app.get(
    '/bulletins',
    {
      config: read,
      schema: {
        tags,
        summary: "Bulletins you may read: your organization's, those sent to you, those published",
        querystring: S.ListQuery,
        response: { 200: S.BulletinList, ...errors },
      },
    },
    (request) => bulletins.listBulletins(db, request.actor, request.query),
  );
  app.get(
    '/bulletins/public',
    {
      config: readPublished,
      schema: {
        tags,
        summary: 'Published bulletins (TLP:CLEAR), for anyone',
        querystring: S.PublicQuery,
        response: { 200: S.BulletinList, ...errors },
      },
    },
    (request) => bulletins.listPublished(db, request.query),
  );
  app.get(
    '/bulletins/public/:id',
    {
      config: readPublished,
      schema: { tags, params: S.IdParams, response: { 200: S.BulletinView, ...errors } },
    },
    (request) => bulletins.getBulletin(db, ANONYMOUS, request.params.id),
  );
  app.get(
    '/bulletins/public/:id.html',
    { config: readPublished, schema: { tags, params: S.IdParams, response: errors } },
    async (request, reply) => html(reply, await snapshotFor(ANONYMOUS, request.params.id)),
  );
  app.get(
    '/bulletins/public/:id.pdf',
    { config: readPublished, schema: { tags, params: S.IdParams, response: errors } },
    async (request, reply) => pdf(reply, await snapshotFor(ANONYMOUS, request.params.id)),
  );
  app.get(
    '/bulletins/:id',
    { config: read, schema: { tags, params: S.IdParams, response: { 200: S.BulletinView, ...errors } } },
    (request) => bulletins.getBulletin(db, request.actor, request.params.id),
  );
  app.get(
    '/bulletins/:id.html',
    { config: read, schema: { tags, summary: 'The bulletin as HTML', params: S.IdParams, response: errors } },
    async (request, reply) => html(reply, await snapshotFor(request.actor, request.params.id)),
  );
  app.get(
    '/bulletins/:id.pdf',
    { config: read, schema: { tags, summary: 'The bulletin as PDF', params: S.IdParams, response: errors } },
    async (request, reply) => pdf(reply, await snapshotFor(request.actor, request.params.id)),
  );
  app.get(
    '/bulletins/:id/recipients',
    {
      config: { policy: { action: 'send', resource: 'bulletin' } },
      schema: {
        tags,
        summary: 'Which organizations may receive the bulletin, and why not',
        params: S.IdParams,
        response: { 200: S.RecipientChoices, ...errors },
      },
    },
    (request) => bulletins.recipientChoices(db, request.actor, request.params.id, now()),
  );
  app.post(
    '/bulletins/:id/send',
    {
      config: { policy: { action: 'send', resource: 'bulletin' } },
      schema: {
        tags,
        summary: 'Send to organizations and users allowed to read every part; each delivery is recorded',
        params: S.IdParams,
        body: S.SendBody,
        response: { 200: S.BulletinView, ...errors },
      },
    },
    (request) => bulletins.sendBulletin(database, request.actor, request.params.id, request.body, now()),
  );
  app.post(
    '/bulletins/:id/publish',
    {
      config: { policy: { action: 'publish', resource: 'bulletin' } },
      schema: {
        tags,
        summary: 'Put a TLP:CLEAR bulletin on the public portal',
        params: S.IdParams,
        response: { 200: S.BulletinView, ...errors },
      },
    },
    (request) => bulletins.publishBulletin(database, request.actor, request.params.id, now()),
  );
};
