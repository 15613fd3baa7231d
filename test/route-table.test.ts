import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../src/identity/auth.service.ts';
import {
  type Actor,
  ANONYMOUS,
  mayAttempt,
  ROLES,
  ROLES_BY_ORGANIZATION,
  type Role,
  RULES,
} from '../src/identity/policy.rules.ts';
import { buildApp } from '../src/server/app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';
import { makeUser, PASSWORD, seedIdentityBasics } from './helpers/identity-factory.ts';

/**
 * Walks the server's own route table. Every route under /api declares a policy; every route that
 * is not public refuses a caller without credentials (401) and a caller whose role the rules do
 * not let attempt it (403), and lets through the roles they do. A route added later without a
 * policy cannot even be registered, and one whose policy names no rule fails here.
 */
describe('the route table', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const sessions = new Map<Role, { cookie: string; 'x-csrf-token': string; actor: Actor }>();

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedIdentityBasics(database.db);
    app = await buildApp({ database });
    for (const role of ROLES) {
      const organizationId =
        role === 'analyst'
          ? 'rats-executive-committee'
          : ROLES_BY_ORGANIZATION.delegation.includes(role)
            ? 'delegation-cn'
            : 'secretariat';
      const user = await makeUser(database.db, { roles: [role], organizationId });
      const session = await login(
        database.db,
        { username: user.username, password: PASSWORD, address: `10.1.0.${sessions.size}` },
        new Date(),
      );
      sessions.set(role, {
        cookie: `sco_session=${session.secret}`,
        'x-csrf-token': session.csrfToken,
        actor: session.actor,
      });
    }
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const apiRoutes = () =>
    app.routeTable.filter(
      (r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
    );
  const request = (route: { method: string; url: string }, headers: Record<string, string> = {}) =>
    app.inject({
      method: route.method as 'GET',
      url: route.url.replace(/:(\w+)/g, 'x-$1'),
      headers,
      payload: route.method === 'GET' ? undefined : {},
    });

  it('has a declared policy on every API route, each backed by a rule', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      expect(route.policy, `${route.method} ${route.url}`).toBeDefined();
      if (typeof route.policy === 'object') {
        const { action, resource } = route.policy;
        expect(
          RULES.some((r) => r.action === action && r.resource === resource),
          `${route.method} ${route.url}`,
        ).toBe(true);
      }
    }
  });

  it('refuses every non-public route without credentials, but for the reads of TLP:CLEAR objects', async () => {
    const guarded = apiRoutes().filter((r) => typeof r.policy === 'object');
    expect(guarded.length).toBeGreaterThan(10);
    const openToAll: string[] = [];
    for (const route of guarded) {
      if (typeof route.policy !== 'object') continue;
      const res = await request(route);
      if (mayAttempt(ANONYMOUS, route.policy.action, route.policy.resource)) {
        openToAll.push(`${route.method} ${route.url}`);
        expect([200, 400, 404], `${route.method} ${route.url}`).toContain(res.statusCode);
      } else expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
    // The public may read what is marked TLP:CLEAR, and only by the information center's reads
    // and the threat index computed from them (with the names of the regions it is computed for).
    // Events marked public are on the public portal: their calendar and pages.
    // The Conventions' matrix and cells are public facts (the life of documents).
    const publicReads = [
      'GET /api/intel/',
      'GET /api/assessment/',
      'GET /api/events',
      'GET /api/conventions/',
      // Published bulletins (TLP:CLEAR only) on the public portal; every other bulletin route is closed.
      'GET /api/bulletins/public',
    ];
    expect(openToAll.filter((r) => !publicReads.some((p) => r.startsWith(p)))).toEqual([]);
  });

  it('refuses each role the rules do not let attempt a route, and lets the others past the gate', async () => {
    for (const route of apiRoutes()) {
      if (typeof route.policy !== 'object') continue;
      for (const [role, session] of sessions) {
        const { actor, ...headers } = session;
        const res = await request(route, headers);
        const allowed = mayAttempt(actor, route.policy.action, route.policy.resource);
        const where = `${route.method} ${route.url} as ${role}`;
        if (allowed) expect([200, 201, 400, 404, 409], where).toContain(res.statusCode);
        else expect(res.statusCode, where).toBe(403);
      }
    }
  });

  it('keeps every state-changing route out of the anonymous public’s reach', () => {
    const open = apiRoutes()
      .filter((r) => r.method !== 'GET' && r.policy === 'public')
      .map((r) => r.url);
    expect(open.sort()).toEqual(['/api/auth/login', '/api/setup']);
  });

  it('cannot register a route without a policy', async () => {
    const bare = await buildApp({ database });
    expect(() => bare.get('/api/forgotten', async () => ({}))).toThrow(/declares no access policy/);
    await bare.close();
  });
});
