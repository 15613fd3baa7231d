import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/kysely.ts';
import { DomainError, Unauthorized } from '../../errors.ts';
import { STATUS } from '../../server/errors.plugin.ts';
import {
  acceptsTaxii,
  isTaxiiContentType,
  TAXII_MEDIA_TYPE,
  type TaxiiError,
  taxiiError,
} from './taxii.rules.ts';
import * as taxii from './taxii.service.ts';

/**
 * TAXII 2.1 over HTTP at `/taxii2/`: discovery, one API root, its collections, their objects,
 * manifest and versions, POSTed envelopes with their status, and DELETE. Every answer is
 * `application/taxii+json;version=2.1`; a request that cannot accept it is a 406, a POST in
 * another media type a 415, a body over `max_content_length` a 413, and every error is the
 * TAXII error message. Sign-in is HTTP Basic or a bearer token (the same users and tokens as
 * the rest of the API); discovery is open.
 */

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Request entity too large',
  415: 'Unsupported media type',
  422: 'Unprocessable entity',
  429: 'Too many requests',
  500: 'Internal error',
};

/** How a 401 tells the client to sign in (the specification requires the header). */
const CHALLENGE = 'Basic realm="SCO TAXII", charset="UTF-8", Bearer realm="SCO TAXII"';

class TaxiiHttpError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

/**
 * Sends TAXII JSON with the media type exactly as the specification writes it: as bytes, since
 * the framework would rewrite the header of a text answer (adding a charset and quotes).
 */
function out(reply: FastifyReply, status: number, text: string) {
  return reply.status(status).header('content-type', TAXII_MEDIA_TYPE).send(Buffer.from(text, 'utf8'));
}

function send(reply: FastifyReply, status: number, body: TaxiiError) {
  if (status === 401) reply.header('www-authenticate', CHALLENGE);
  return out(reply, status, JSON.stringify(body));
}

/** Query parameters as strings: a repeated `match[type]` is read as its values joined by commas. */
function paramsOf(request: FastifyRequest): Record<string, string | undefined> {
  const query = (request.query ?? {}) as Record<string, string | string[] | undefined>;
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
}

function sendPage(reply: FastifyReply, page: taxii.Page) {
  if (page.first) reply.header('x-taxii-date-added-first', page.first);
  if (page.last) reply.header('x-taxii-date-added-last', page.last);
  return out(reply, 200, page.body);
}

const json = (reply: FastifyReply, value: unknown, status = 200) => out(reply, status, JSON.stringify(value));

export async function taxiiRoutes(
  app: FastifyInstance,
  { database, now }: { database: Database; now: () => Date },
): Promise<void> {
  const { db } = database;
  const identify = { policy: 'identify' } as const;

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const status = STATUS[error.code];
      const details = { ...error.details, request_id: request.id };
      return send(reply, status, taxiiError(status, TITLES[status] ?? 'Error', error.message, details));
    }
    if (error instanceof TaxiiHttpError)
      return send(
        reply,
        error.status,
        taxiiError(error.status, TITLES[error.status] ?? 'Error', error.description),
      );
    const status = error.statusCode ?? 500;
    if (status < 500) {
      const description =
        status === 413
          ? `the body is larger than max_content_length (${taxii.MAX_CONTENT_LENGTH} octets)`
          : error.message;
      return send(reply, status, taxiiError(status, TITLES[status] ?? 'Error', description));
    }
    request.log.error({ err: error }, 'unhandled TAXII error');
    return send(reply, 500, taxiiError(500, 'Internal error', `request ${request.id}`));
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, taxiiError(404, 'Not found', `no TAXII resource at ${request.url.split('?')[0]}`)),
  );

  // Media types first: a request that cannot take our answer, or sends a body we cannot read,
  // learns it before anything else is done.
  app.addHook('onRequest', async (request) => {
    if (!acceptsTaxii(request.headers.accept))
      throw new TaxiiHttpError(406, `Accept must allow ${TAXII_MEDIA_TYPE}`);
    if (request.method === 'POST' && !isTaxiiContentType(request.headers['content-type']))
      throw new TaxiiHttpError(415, `Content-Type must be ${TAXII_MEDIA_TYPE}`);
  });
  app.addContentTypeParser(
    /^application\/taxii\+json/i,
    { parseAs: 'string', bodyLimit: taxii.MAX_CONTENT_LENGTH },
    (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(new TaxiiHttpError(400, 'the body is not JSON') as unknown as FastifyError, undefined);
      }
    },
  );

  const base = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

  app.get('/', { config: { policy: 'public' } }, (request, reply) =>
    json(reply, taxii.discovery(base(request))),
  );

  const root = `/${taxii.API_ROOT}`;
  app.get(`${root}/`, { config: identify }, (request, reply) => json(reply, taxii.apiRoot(request.actor)));

  app.get<{ Params: { statusId: string } }>(
    `${root}/status/:statusId/`,
    { config: identify },
    async (request, reply) =>
      json(reply, await taxii.statusOf(db, request.actor, request.params.statusId, now())),
  );

  app.get(`${root}/collections/`, { config: identify }, async (request, reply) => {
    const collections = await taxii.collectionsFor(db, request.actor);
    return json(reply, { collections: collections.map((c) => taxii.describeCollection(request.actor, c)) });
  });

  type Col = { Params: { id: string } };
  type Obj = { Params: { id: string; objectId: string } };

  app.get<Col>(`${root}/collections/:id/`, { config: identify }, async (request, reply) => {
    const c = await taxii.collectionFor(db, request.actor, request.params.id);
    return json(reply, taxii.describeCollection(request.actor, c));
  });

  app.get<Col>(`${root}/collections/:id/manifest/`, { config: identify }, async (request, reply) =>
    sendPage(reply, await taxii.manifest(db, request.actor, request.params.id, paramsOf(request))),
  );

  app.get<Col>(`${root}/collections/:id/objects/`, { config: identify }, async (request, reply) =>
    sendPage(reply, await taxii.objects(db, request.actor, request.params.id, paramsOf(request))),
  );

  app.post<Col>(
    `${root}/collections/:id/objects/`,
    { config: identify, bodyLimit: taxii.MAX_CONTENT_LENGTH },
    async (request, reply) => {
      if (request.actor.kind === 'anonymous')
        throw new Unauthorized('sign in with HTTP Basic or a bearer token');
      const status = await taxii.addObjects(database, request.actor, request.params.id, request.body, now());
      return json(reply, status, 202);
    },
  );

  app.get<Obj>(`${root}/collections/:id/objects/:objectId/`, { config: identify }, async (request, reply) =>
    sendPage(
      reply,
      await taxii.objects(db, request.actor, request.params.id, paramsOf(request), request.params.objectId),
    ),
  );

  app.delete<Obj>(
    `${root}/collections/:id/objects/:objectId/`,
    { config: identify },
    async (request, reply) => {
      await taxii.removeObject(
        database,
        request.actor,
        request.params.id,
        request.params.objectId,
        paramsOf(request),
        now(),
      );
      return out(reply, 200, '');
    },
  );

  app.get<Obj>(
    `${root}/collections/:id/objects/:objectId/versions/`,
    { config: identify },
    async (request, reply) =>
      sendPage(
        reply,
        await taxii.versions(
          db,
          request.actor,
          request.params.id,
          request.params.objectId,
          paramsOf(request),
        ),
      ),
  );
}
