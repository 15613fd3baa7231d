import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/kysely.ts';
import { ERROR_RESPONSES } from '../server/errors.plugin.ts';
import * as S from './events.schemas.ts';
import {
  cancelEvent,
  createEvent,
  eventIcs,
  eventsIcs,
  getEvent,
  listEvents,
  updateEvent,
} from './events.service.ts';

/**
 * The events API: the calendar of seminars, conferences, symposiums and expert meetings, each
 * event, planning, editing and cancelling, and iCalendar exports of what the reader may see.
 */
export const eventsRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = async (
  app,
  { database, now },
) => {
  const { db } = database;
  const tags = ['events'];
  const errors = ERROR_RESPONSES;
  const read = { policy: { action: 'read', resource: 'event' } } as const;
  /** The web page of an event on this server, for the calendar entry's URL. */
  const pageUrl = (request: FastifyRequest) => (id: string) =>
    `${request.protocol}://${request.host}/events/${encodeURIComponent(id)}`;
  const calendarFile = <R extends { header(k: string, v: string): R; type(t: string): R }>(
    reply: R,
    name: string,
  ) =>
    reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`);

  app.get(
    '/events',
    {
      config: read,
      schema: {
        tags,
        summary: 'Events you may see overlapping a period, in time order',
        querystring: S.EventsQuery,
        response: { 200: S.EventList, ...errors },
      },
    },
    (request) => listEvents(db, request.actor, request.query),
  );
  app.get(
    '/events.ics',
    {
      config: read,
      schema: {
        tags,
        summary: 'Events you may see in a period, as iCalendar (RFC 5545)',
        querystring: S.IcsQuery,
      },
    },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const body = await eventsIcs(
        db,
        request.actor,
        { ...query, ...(lang ? { language: lang } : {}) },
        pageUrl(request),
      );
      return calendarFile(reply, 'sco-events.ics').send(body);
    },
  );
  app.get(
    '/events/:id',
    { config: read, schema: { tags, params: S.IdParams, response: { 200: S.EventView, ...errors } } },
    (request) => getEvent(db, request.actor, request.params.id),
  );
  app.get(
    '/events/:id.ics',
    {
      config: read,
      schema: { tags, summary: 'One event as iCalendar', params: S.IdParams, querystring: S.OneIcsQuery },
    },
    async (request, reply) => {
      const body = await eventIcs(
        db,
        request.actor,
        request.params.id,
        request.query.lang ?? 'en',
        pageUrl(request),
      );
      return calendarFile(reply, `sco-event-${request.params.id}.ics`).send(body);
    },
  );
  app.post(
    '/events',
    {
      config: { policy: { action: 'create', resource: 'event' } },
      schema: {
        tags,
        summary: 'Plan an event (Secretariat, RATS analysts, administrators)',
        body: S.CreateBody,
        response: { 201: S.EventView, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createEvent(db, request.actor, request.body, now())),
  );
  app.patch(
    '/events/:id',
    {
      config: { policy: { action: 'update', resource: 'event' } },
      schema: {
        tags,
        summary: 'Change an event (its organizing organization); SEQUENCE rises',
        params: S.IdParams,
        body: S.PatchBody,
        response: { 200: S.EventView, ...errors },
      },
    },
    (request) => updateEvent(db, request.actor, request.params.id, request.body, now()),
  );
  app.post(
    '/events/:id/cancel',
    {
      config: { policy: { action: 'cancel', resource: 'event' } },
      // The reason is optional, and so is the body that would carry it.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary: 'Cancel an event (its organizing organization); it stays listed as cancelled',
        params: S.IdParams,
        body: S.CancelBody,
        response: { 200: S.EventView, ...errors },
      },
    },
    (request) => cancelEvent(db, request.actor, request.params.id, request.body, now()),
  );
};
