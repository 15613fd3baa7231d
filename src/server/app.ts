import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { Type as T } from 'typebox';
import type { Database } from '../db/kysely.ts';
import { registryRevision } from '../registry/reference-data.service.ts';
import { registryRoutes } from '../registry/registry.routes.ts';
import { errorBody, registerErrorHandler } from './errors.plugin.ts';
import { revisionCache } from './revision-cache.ts';

export interface AppOptions {
  database: Database;
  /** Folder of the built web app; served at `/` when it exists. */
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
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

/** Builds the HTTP application: plugins, then modules. Does not listen. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandler(app);
  app.addSchema(ErrorSchema);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SCO Platform API',
        version: '0.1.0',
        description:
          'The registry of the Shanghai Cooperation Organization: states, bodies, summits, documents.',
      },
      tags: [{ name: 'registry', description: 'Public reference data and chronology' }],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      // Public reference data changes rarely: answers are cached per revision, with strong ETags.
      await api.register(async (registry) => {
        revisionCache(registry, {
          revision: registryRevision(options.database.db),
          maxStalenessMs: options.cacheStalenessMs ?? 500,
        });
        await registry.register(registryRoutes, { db: options.database.db });
      });
    },
    { prefix: '/api' },
  );

  const webRoot = options.webRoot && existsSync(options.webRoot) ? options.webRoot : undefined;
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any other GET outside /api answers its index page.
    if (webRoot && request.method === 'GET' && !request.url.startsWith('/api'))
      return reply.sendFile('index.html');
    return reply
      .status(404)
      .send(errorBody('not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
  });
  return app;
}
