import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../db/kysely.ts';
import { ERROR_RESPONSES } from '../server/errors.plugin.ts';
import { assessmentsOf, createAssessment, definitionSets, gtdPrefill } from './assessments.service.ts';
import { importGtd } from './gtd.import.ts';
import { incidentsOverTime, listIncidents } from './incidents.service.ts';
import * as S from './intel.schemas.ts';
import { commonList } from './listing.service.ts';
import { exportBundle, exportIncidentsCsv } from './stix.export.ts';
import { importStix } from './stix.import.ts';
import type { ObjectFilter } from './stix.repository.ts';
import * as stix from './stix.service.ts';

/** The information center's API: the STIX knowledge base, its sharing, imports and exports. */
export const intelRoutes: FastifyPluginAsyncTypebox<{
  database: Database;
  now: () => Date;
  dataDir: string;
}> = async (app, { database, now, dataDir }) => {
  const { db } = database;
  const tags = ['intel'];
  const errors = ERROR_RESPONSES;
  const read = { policy: { action: 'read', resource: 'stix' } } as const;
  const filterOf = (q: {
    type?: string;
    q?: string;
    from?: string;
    to?: string;
    createdBy?: string;
  }): ObjectFilter => ({
    ...(q.type
      ? {
          types: q.type
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
        }
      : {}),
    ...(q.q ? { q: q.q } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.createdBy ? { createdBy: q.createdBy } : {}),
  });

  // Imports stream their body to the importer; nothing is buffered whole.
  app.addContentTypeParser(['application/stix+json', 'text/csv'], (_request, payload, done) =>
    done(null, payload),
  );

  app.get(
    '/intel/objects',
    {
      config: read,
      schema: { tags, querystring: S.ObjectsQuery, response: { 200: S.ObjectList, ...errors } },
    },
    (request) =>
      stix.listObjects(db, request.actor, filterOf(request.query), {
        limit: request.query.limit,
        offset: request.query.offset,
      }),
  );
  app.get(
    '/intel/objects/:id',
    { config: read, schema: { tags, params: S.IdParams, response: { 200: S.ObjectView, ...errors } } },
    (request) => stix.getObject(db, request.actor, request.params.id),
  );
  app.get(
    '/intel/objects/:id/versions',
    { config: read, schema: { tags, params: S.IdParams, response: { 200: S.VersionList, ...errors } } },
    async (request) => ({ items: await stix.objectVersions(db, request.actor, request.params.id) }),
  );
  app.post(
    '/intel/objects',
    {
      config: { policy: { action: 'create', resource: 'stix' } },
      schema: {
        tags,
        summary: 'Create an object, or a new version of one your organization created',
        body: S.SaveBody,
        response: { 201: S.ObjectView, 200: S.ObjectView, ...errors },
      },
    },
    async (request, reply) => {
      const saved = await stix.saveObject(database, request.actor, request.body, now());
      return reply.code(saved.written === 'created' ? 201 : 200).send(saved);
    },
  );
  app.post(
    '/intel/objects/:id/sharing',
    {
      config: { policy: { action: 'share', resource: 'stix' } },
      schema: {
        tags,
        summary: "Change an object's TLP level and name more recipients (its creating organization only)",
        params: S.IdParams,
        body: S.ShareBody,
        response: { 200: S.ObjectView, ...errors },
      },
    },
    (request) => stix.shareObject(database, request.actor, request.params.id, request.body, now()),
  );
  app.get(
    '/intel/export.json',
    {
      config: read,
      schema: { tags, summary: 'A STIX 2.1 bundle of what you may read', querystring: S.ExportQuery },
    },
    (request, reply) => {
      reply.type('application/stix+json;version=2.1');
      return reply.send(Readable.from(exportBundle(db, request.actor, filterOf(request.query))));
    },
  );
  app.get(
    '/intel/incidents.csv',
    { config: read, schema: { tags, summary: 'Incidents you may read, as CSV', querystring: S.ExportQuery } },
    (request, reply) => {
      reply.type('text/csv; charset=utf-8');
      return reply.send(Readable.from(exportIncidentsCsv(db, request.actor, filterOf(request.query))));
    },
  );
  app.get(
    '/intel/definitions',
    {
      config: { policy: { action: 'read', resource: 'assessment' } },
      schema: {
        tags,
        summary: 'The definition sets of the conventions',
        response: { 200: S.DefinitionSets, ...errors },
      },
    },
    async () => ({ items: definitionSets(dataDir) as unknown as Record<string, unknown>[] }),
  );
  app.get(
    '/intel/objects/:id/assessments',
    {
      config: { policy: { action: 'read', resource: 'assessment' } },
      schema: { tags, params: S.IdParams, response: { 200: S.Assessments, ...errors } },
    },
    async (request) =>
      (await assessmentsOf(db, request.actor, definitionSets(dataDir), request.params.id)) as unknown as {
        items: Record<string, unknown>[];
        disagreements: Record<string, unknown>[];
      },
  );
  app.get(
    '/intel/objects/:id/gtd-findings',
    {
      config: { policy: { action: 'create', resource: 'assessment' } },
      schema: {
        tags,
        summary: "Findings prefilled from an incident's GTD inclusion criteria, marked as derived",
        params: S.IdParams,
        response: { 200: S.Findings, ...errors },
      },
    },
    async (request) => ({
      items: (await gtdPrefill(db, request.actor, request.params.id)) as unknown as Record<string, unknown>[],
    }),
  );
  app.post(
    '/intel/assessments',
    {
      config: { policy: { action: 'create', resource: 'assessment' } },
      schema: { tags, body: S.AssessmentBody, response: { 201: S.AssessmentView, ...errors } },
    },
    async (request, reply) => {
      const created = await createAssessment(
        db,
        request.actor,
        definitionSets(dataDir),
        {
          ...request.body,
          findings: request.body.findings.map((f) => ({ ...f, derived: f.derived ?? null })),
        },
        now(),
      );
      return reply.code(201).send(created as unknown as Record<string, unknown>);
    },
  );
  app.get(
    '/intel/list',
    {
      config: { policy: { action: 'read', resource: 'listing' } },
      schema: {
        tags,
        summary: 'The common list: organizations listed by adopted Council decisions, with their history',
        response: { 200: S.CommonList, ...errors },
      },
    },
    async (request) =>
      (await commonList(db, request.actor)) as unknown as {
        items: Record<string, unknown>[];
        history: Record<string, unknown>[];
      },
  );
  app.get(
    '/intel/incidents',
    {
      config: read,
      schema: {
        tags,
        summary: 'Incidents with their GTD fields, for tables and maps',
        querystring: S.IncidentsQuery,
        response: { 200: S.IncidentList, ...errors },
      },
    },
    (request) => listIncidents(db, request.actor, request.query),
  );
  app.get(
    '/intel/objects/:id/timeline',
    {
      config: read,
      schema: {
        tags,
        summary: "An organization's incidents per year, and when it was first and last seen",
        params: S.IdParams,
        response: { 200: S.Timeline, ...errors },
      },
    },
    (request) => incidentsOverTime(db, request.actor, request.params.id),
  );
  const imports = { stix: importStix, gtd: importGtd } as const;
  for (const [kind, run] of Object.entries(imports)) {
    const body =
      kind === 'stix'
        ? 'a STIX 2.1 bundle (body: application/stix+json)'
        : 'a GTD CSV export (body: text/csv)';
    app.post(
      `/intel/imports/${kind}`,
      {
        config: { policy: { action: 'import', resource: 'stix' } },
        bodyLimit: 2 * 1024 * 1024 * 1024,
        schema: {
          tags,
          summary: `Import ${body}, all or nothing unless partial; a rejected import answers 400 with the report in details.report`,
          querystring: S.ImportQuery,
          response: { 200: S.ImportReport, ...errors },
        },
      },
      (request) =>
        run(
          database,
          request.actor,
          request.body as AsyncIterable<Buffer>,
          {
            tlp: stix.tlpInput(request.query.tlp),
            recipientOrgs: request.query.recipientOrgs?.split(',').filter(Boolean) ?? [],
            partial: request.query.partial ?? false,
          },
          now(),
        ),
    );
  }
};
