import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { Type as T } from 'typebox';
import { assessmentRoutes } from '../assessment/assessment.routes.ts';
import { conventionsRoutes } from '../assessment/conventions.routes.ts';
import { measuresRoutes } from '../assessment/measures.routes.ts';
import { councilRoutes } from '../council/council.routes.ts';
import { decisionsRoutes } from '../council/decisions.routes.ts';
import { treatyRoutes } from '../council/treaty.routes.ts';
import type { Database } from '../db/kysely.ts';
import { registerAuth } from '../identity/auth.plugin.ts';
import { identityRoutes } from '../identity/identity.routes.ts';
import { intelRoutes } from '../intel/intel.routes.ts';
import { partnersRoutes } from '../intel/partners/partners.routes.ts';
import { taxiiRoutes } from '../intel/taxii/taxii.routes.ts';
import { bulletinsRoutes } from '../publications/bulletins.routes.ts';
import { eventsRoutes } from '../publications/events.routes.ts';
import { registryRevision } from '../registry/reference-data.service.ts';
import { registryRoutes } from '../registry/registry.routes.ts';
import { errorBody, registerErrorHandler } from './errors.plugin.ts';
import { revisionCache } from './revision-cache.ts';

export interface AppOptions {
  database: Database;
  /** The clock services read (tests pass a fake one). */
  now?: () => Date;
  /** Trust X-Forwarded-* from a reverse proxy (for the client address and HTTPS cookies). */
  trustProxy?: boolean;
  /** Folder of the built web app; served at `/` when it exists. */
  webRoot?: string;
  /** Structured logs (pino); secrets are always redacted. Off when absent. */
  logger?: { level: string; stream?: NodeJS.WritableStream };
  /** Folder of the reference data (default: data/). */
  dataDir?: string;
  /** How long a cached registry answer may lag a write made elsewhere (default 500 ms). */
  cacheStalenessMs?: number;
}

const ErrorSchema = T.Object(
  {
    error: T.Object({
      code: T.String(),
      message: T.String(),
      details: T.Record(T.String(), T.Unknown()),
    }),
  },
  { $id: 'Error', description: 'The one error shape of the API' },
);

const DEFAULT_DATA_DIR = resolve(import.meta.dirname, '../../data');

/** Never written to a log line: credentials in headers, whichever way they come. */
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  'token',
];

/**
 * Security headers on every answer, computed once (the set helmet sends by default, written out:
 * setting a fixed object is all it takes, and it costs nothing per request). The policy lets the
 * browser load only this origin's scripts; styles from this origin and the inline style
 * attributes the component library sets; images and fonts also as data URLs (Swagger UI's icons).
 */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; '),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/** Builds the HTTP application: plugins, then modules. Does not listen. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const db = options.database.db;
  const app = Fastify({
    logger: options.logger
      ? {
          level: options.logger.level,
          ...(options.logger.stream ? { stream: options.logger.stream } : {}),
          redact: { paths: REDACTED, censor: '[redacted]' },
        }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    genReqId: () => randomUUID(),
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandler(app);
  app.addSchema(ErrorSchema);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(SECURITY_HEADERS).header('x-request-id', request.id);
    done();
  });
  // Cookies are read only where the policy needs the caller (preValidation), never on cached reads.
  await app.register(fastifyCookie, { hook: 'preValidation' });
  registerAuth(app, { db, now });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SCO Platform API',
        version: '0.1.0',
        description:
          'The registry of the Shanghai Cooperation Organization: states, bodies, summits, documents.',
      },
      tags: [
        { name: 'registry', description: 'Public reference data and chronology' },
        { name: 'identity', description: 'Sign-in, organizations, users, tokens, audit log' },
        { name: 'council', description: 'Decisions by consensus, positions, silence procedure' },
      ],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sco_session' },
          bearer: { type: 'http', scheme: 'bearer' },
          basic: { type: 'http', scheme: 'basic' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      // Public reference data changes rarely: answers are cached per revision, with strong ETags.
      await api.register(async (registry) => {
        revisionCache(registry, {
          revision: registryRevision(db),
          maxStalenessMs: options.cacheStalenessMs ?? 500,
        });
        await registry.register(registryRoutes, { db });
      });
      await api.register(identityRoutes, { database: options.database, now });
      await api.register(decisionsRoutes, { database: options.database, now });
      await api.register(treatyRoutes, { database: options.database, now });
      await api.register(intelRoutes, {
        database: options.database,
        now,
        dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
      });
      await api.register(assessmentRoutes, { database: options.database, now });
      await api.register(conventionsRoutes, { database: options.database, now });
      await api.register(measuresRoutes, { database: options.database, now });
      await api.register(partnersRoutes, { database: options.database, now });
      await api.register(councilRoutes, {
        database: options.database,
        now,
        dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
      });
      await api.register(eventsRoutes, { database: options.database, now });
      await api.register(bulletinsRoutes, { database: options.database, now });
    },
    { prefix: '/api' },
  );

  // TAXII 2.1 for partner centers and other servers: its own media type and error envelope.
  await app.register(taxiiRoutes, { prefix: '/taxii2', database: options.database, now });

  const webRoot = options.webRoot && existsSync(options.webRoot) ? options.webRoot : undefined;
  // Files are looked up on each request, so a rebuilt web app is served without a restart.
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, wildcard: true });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any other GET outside /api answers its index page,
    // except a missing file (a path with an extension), which must not turn into a page.
    const path = request.url.split('?')[0] ?? '';
    const isPage = !path.startsWith('/api') && !/\.[A-Za-z0-9]+$/.test(path);
    if (webRoot && request.method === 'GET' && isPage) return reply.sendFile('index.html');
    return reply
      .status(404)
      .send(errorBody('not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
  });
  return app;
}
