import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Forbidden, Unauthorized } from '../errors.ts';
import { resolveBasic, resolveSession, resolveToken } from './auth.service.ts';
import { type Actor, ANONYMOUS, mayAttempt, type ResourceType } from './policy.rules.ts';

/**
 * Who is asking, and may they attempt this route? Every route under /api declares its policy in
 * `config.policy`: 'public', or the action and kind of resource it attempts. A route without a
 * declaration cannot be registered. The check here is the route-level gate, computed from the
 * same rules as everything else; services then check the object itself.
 */
export type RoutePolicy =
  /** Anyone; credentials are not even looked at. */
  | 'public'
  /** Anyone; the actor is resolved from valid credentials (anonymous otherwise). */
  | 'identify'
  /** Those the rules let attempt `action` on some `resource`. */
  | { action: string; resource: ResourceType };

export interface RouteEntry {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, with its declared policy: what the route-table test walks. */
    routeTable: RouteEntry[];
  }
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    actor: Actor;
    /** Set when the actor came from a session cookie: unsafe requests must echo it. */
    sessionCsrf: string | null;
  }
}

export const SESSION_COOKIE = 'sco_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes whose policy is declared by the plugin that registers them (the OpenAPI browser). */
const isDocumentation = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

export interface AuthOptions {
  db: Kysely<DB>;
  now: () => Date;
}

export function registerAuth(app: FastifyInstance, { db, now }: AuthOptions): void {
  // Set by the preHandler below on every route that declares a policy, before its handler runs.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionCsrf', null);

  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      table.push({ method, url: route.url, policy: route.config?.policy });
    if (!route.url.startsWith('/api') || isDocumentation(route.url)) return;
    if (!route.config?.policy) {
      throw new Error(`route ${route.method} ${route.url} declares no access policy (config.policy)`);
    }
  });

  // Before validation, so that a refused caller learns nothing from the shape of the input.
  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    const policy = request.routeOptions.config.policy;
    if (!policy) return;
    if (policy === 'public') {
      request.actor = ANONYMOUS;
      return;
    }
    const { actor, csrf } = await identify(request, db, now());
    request.actor = actor;
    request.sessionCsrf = csrf;
    if (csrf && !SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== csrf) {
      throw new Forbidden('missing or wrong X-CSRF-Token header for a signed-in browser request', {
        field: 'x-csrf-token',
      });
    }
    if (policy === 'identify' || mayAttempt(actor, policy.action, policy.resource)) return;
    if (actor.kind === 'anonymous') throw new Unauthorized('sign in to do this');
    throw new Forbidden('your roles do not allow this');
  });
}

/** Bearer token, then HTTP Basic, then the session cookie; an invalid credential is refused. */
async function identify(
  request: FastifyRequest,
  db: Kysely<DB>,
  now: Date,
): Promise<{ actor: Actor; csrf: string | null }> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const actor = await resolveToken(db, header.slice(7).trim(), now);
    if (!actor) throw new Unauthorized('invalid, expired or revoked token');
    return { actor, csrf: null };
  }
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const actor =
      colon > 0
        ? await resolveBasic(db, decoded.slice(0, colon), decoded.slice(colon + 1), request.ip, now)
        : null;
    if (!actor) throw new Unauthorized('unknown user or wrong password');
    return { actor, csrf: null };
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie) {
    const session = await resolveSession(db, cookie, now);
    if (session) return { actor: session.actor, csrf: session.csrfToken };
  }
  return { actor: ANONYMOUS, csrf: null };
}
