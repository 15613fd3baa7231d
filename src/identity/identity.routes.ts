import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/kysely.ts';
import { listAudit } from './audit.service.ts';
import { verifyAudit } from './audit.verify.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import * as auth from './auth.service.ts';
import * as S from './identity.schemas.ts';
import * as organizations from './organizations.service.ts';
import { countAdmins, userById } from './users.repository.ts';
import * as users from './users.service.ts';

/** Sign-in, the signed-in user, organizations, users, tokens and the audit log. */
export const identityRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = async (
  app,
  { database, now },
) => {
  const { db } = database;
  const tags = ['identity'];
  const errors = {
    400: { $ref: 'Error#' },
    401: { $ref: 'Error#' },
    403: { $ref: 'Error#' },
    404: { $ref: 'Error#' },
  };

  const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, secret: string, expires: Date) =>
    reply.setCookie(SESSION_COOKIE, secret, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      expires,
    });

  async function me(request: FastifyRequest, csrf: string | null) {
    const actor = request.actor;
    const setupRequired = (await countAdmins(db)) === 0;
    if (actor.kind !== 'user')
      return { user: null, organization: null, effectiveRoles: [], csrfToken: null, setupRequired };
    const row = await userById(db, actor.userId);
    return {
      user: row ? users.presentUser(row, actor) : null,
      organization: await organizations.getOrganization(db, actor, actor.organizationId),
      effectiveRoles: [...actor.roles],
      csrfToken: csrf,
      setupRequired,
    };
  }

  app.post(
    '/auth/login',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'Sign in with a password; sets the session cookie',
        body: S.LoginBody,
        response: { 200: S.Me, ...errors },
      },
    },
    async (request, reply) => {
      const session = await auth.login(db, { ...request.body, address: request.ip }, now());
      setSessionCookie(request, reply, session.secret, session.expires);
      request.actor = session.actor;
      return me(request, session.csrfToken);
    },
  );
  app.post(
    '/auth/logout',
    {
      config: { policy: 'identify' },
      schema: { tags, summary: 'Sign out: ends the session', response: { 204: S.Empty } },
    },
    async (request, reply) => {
      const secret = request.cookies[SESSION_COOKIE];
      if (secret) await auth.logout(db, secret);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send({});
    },
  );
  app.get(
    '/auth/me',
    {
      config: { policy: 'identify' },
      schema: { tags, summary: 'Who is signed in, with the CSRF token', response: { 200: S.Me } },
    },
    (request) => me(request, request.sessionCsrf),
  );
  app.post(
    '/setup',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'Create the first administrator with the one-time setup secret',
        body: S.SetupBody,
        response: { 201: S.User, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await auth.completeSetup(db, request.body, now())),
  );

  app.get(
    '/organizations',
    {
      config: { policy: { action: 'read', resource: 'organization' } },
      schema: { tags, response: { 200: S.OrganizationList, ...errors } },
    },
    (request) => organizations.listOrganizations(db, request.actor),
  );
  app.post(
    '/organizations',
    {
      config: { policy: { action: 'create', resource: 'organization' } },
      schema: {
        tags,
        summary: 'Add a partner center',
        body: S.NewPartnerBody,
        response: { 201: S.Organization, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await organizations.addPartnerCenter(db, request.actor, request.body, now())),
  );

  app.get(
    '/users',
    {
      config: { policy: { action: 'read', resource: 'user' } },
      schema: { tags, querystring: S.UsersQuery, response: { 200: S.UserList, ...errors } },
    },
    (request) => users.listUsers(db, request.actor, request.query),
  );
  app.get(
    '/users/:id',
    {
      config: { policy: { action: 'read', resource: 'user' } },
      schema: { tags, params: S.IdParams, response: { 200: S.User, ...errors } },
    },
    (request) => users.getUser(db, request.actor, request.params.id),
  );
  app.post(
    '/users',
    {
      config: { policy: { action: 'create', resource: 'user' } },
      schema: { tags, body: S.NewUserBody, response: { 201: S.User, ...errors } },
    },
    async (request, reply) =>
      reply.code(201).send(await users.addUser(db, request.actor, request.body, now())),
  );
  app.put(
    '/users/:id/roles',
    {
      config: { policy: { action: 'set-roles', resource: 'user' } },
      schema: { tags, params: S.IdParams, body: S.RolesBody, response: { 200: S.User, ...errors } },
    },
    (request) => users.setRoles(db, request.actor, request.params.id, request.body.roles, now()),
  );
  app.post(
    '/users/:id/disable',
    {
      config: { policy: { action: 'disable', resource: 'user' } },
      schema: { tags, params: S.IdParams, response: { 200: S.User, ...errors } },
    },
    (request) => users.disableUser(db, request.actor, request.params.id, now()),
  );

  app.get(
    '/tokens',
    {
      config: { policy: { action: 'read', resource: 'token' } },
      schema: { tags, response: { 200: S.TokenList, ...errors } },
    },
    (request) => auth.listTokens(db, request.actor),
  );
  app.post(
    '/tokens',
    {
      config: { policy: { action: 'create', resource: 'token' } },
      schema: {
        tags,
        summary: 'Issue an API token (shown once)',
        body: S.NewTokenBody,
        response: { 201: S.NewToken, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await auth.createToken(db, request.actor, request.body, now())),
  );
  app.post(
    '/tokens/:id/revoke',
    {
      config: { policy: { action: 'revoke', resource: 'token' } },
      schema: { tags, params: S.IdParams, response: { 200: S.Token, ...errors } },
    },
    (request) => auth.revokeToken(db, request.actor, request.params.id, now()),
  );

  app.get(
    '/audit',
    {
      config: { policy: { action: 'read', resource: 'audit' } },
      schema: { tags, querystring: S.AuditQuery, response: { 200: S.AuditList, ...errors } },
    },
    (request) => listAudit(db, request.actor, request.query),
  );
  app.get(
    '/audit/verify',
    {
      config: { policy: { action: 'verify', resource: 'audit' } },
      schema: { tags, summary: 'Verify the whole hash chain', response: { 200: S.Verification, ...errors } },
    },
    (request) => verifyAudit(database, request.actor),
  );
};
