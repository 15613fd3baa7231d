import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser } from '../../test/helpers/identity-factory.ts';
import { DATA_DIR } from '../../test/helpers/server.ts';
import { createToken } from '../identity/auth.service.ts';
import { delegationId } from '../identity/organizations.service.ts';
import type { Role } from '../identity/policy.rules.ts';
import { buildApp } from '../server/app.ts';
import { prepareDatabase } from '../server/prepare.ts';

/** The information center over HTTP: what a client of another organization sees, imports, exports. */

describeEachDialect('the intel API', (dialect) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await prepareDatabase(database, { dataDir: DATA_DIR });
    const people: [string, string, Role][] = [
      ['rats', 'rats-executive-committee', 'analyst'],
      ['kz', delegationId('KZ'), 'delegate'],
      ['ru', delegationId('RU'), 'delegate'],
    ];
    for (const [name, organizationId, role] of people) {
      const user = await makeUser(database.db, { roles: [role], organizationId });
      const actor = await actorFor(database.db, user.id);
      tokens.set(
        name,
        (await createToken(database.db, actor, { name, roles: [role], expiresInDays: 1 }, new Date())).token,
      );
    }
    app = await buildApp({ database });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const as = (who: string) => ({ authorization: `Bearer ${tokens.get(who)}` });

  it('shares an AMBER object with the organizations named, and with nobody else until widened', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/intel/objects',
      headers: as('rats'),
      payload: {
        object: { type: 'threat-actor', name: 'Amber Circle', aliases: ['AC'] },
        tlp: 'TLP:AMBER',
        recipientOrgs: [delegationId('KZ')],
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().object.id as string;
    expect((await app.inject({ url: `/api/intel/objects/${id}`, headers: as('kz') })).statusCode).toBe(200);
    expect((await app.inject({ url: `/api/intel/objects/${id}`, headers: as('ru') })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/intel/objects/${id}` })).statusCode).toBe(404);
    const listed = await app.inject({ url: '/api/intel/objects?q=amber%20circle', headers: as('ru') });
    expect(listed.json()).toEqual({ items: [], total: 0 });
    const refused = await app.inject({
      method: 'POST',
      url: `/api/intel/objects/${id}/sharing`,
      headers: as('kz'),
      payload: { tlp: 'clear' },
    });
    expect(refused.statusCode).toBe(403);
    const widened = await app.inject({
      method: 'POST',
      url: `/api/intel/objects/${id}/sharing`,
      headers: as('rats'),
      payload: { tlp: 'TLP:GREEN' },
    });
    expect(widened.statusCode).toBe(200);
    expect((await app.inject({ url: `/api/intel/objects/${id}`, headers: as('ru') })).json().tlp).toBe(
      'green',
    );
    const versions = await app.inject({ url: `/api/intel/objects/${id}/versions`, headers: as('ru') });
    expect(versions.json().items).toHaveLength(2);
  });

  it('names the property path of a bad object and the level of a bad marking', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/intel/objects',
      headers: as('rats'),
      payload: {
        object: { type: 'report', name: 'R', published: 'yesterday', object_refs: ['x'] },
        tlp: 'green',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('object.published');
    const marking = await app.inject({
      method: 'POST',
      url: '/api/intel/objects',
      headers: as('rats'),
      payload: { object: { type: 'threat-actor', name: 'X' }, tlp: 'TLP:PURPLE' },
    });
    expect(marking.json().error.details.field).toBe('tlp');
  });

  it('imports a bundle streamed in the body, refuses a bad one whole, and exports what the reader sees', async () => {
    const at = '2026-10-01T00:00:00.000Z';
    const good = {
      type: 'threat-actor',
      spec_version: '2.1',
      id: `threat-actor--${randomUUID()}`,
      created: at,
      modified: at,
      name: 'Bundle Group',
    };
    const bundle = (objects: unknown[]) =>
      JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects });
    const rejected = await app.inject({
      method: 'POST',
      url: '/api/intel/imports/stix?tlp=green',
      headers: { ...as('rats'), 'content-type': 'application/stix+json' },
      payload: bundle([good, { ...good, id: 'threat-actor--nope' }]),
    });
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().error.details.report.rejections[0]).toEqual({
      at: 'objects[1]',
      field: 'id',
      problem: 'must be threat-actor--UUID',
    });
    const landed = await app.inject({
      method: 'POST',
      url: '/api/intel/imports/stix?tlp=green',
      headers: { ...as('rats'), 'content-type': 'application/stix+json' },
      payload: bundle([good]),
    });
    expect(landed.json()).toMatchObject({ created: 1, rejected: 0, landed: true });
    const notAnalyst = await app.inject({
      method: 'POST',
      url: '/api/intel/imports/stix?tlp=green',
      headers: { ...as('kz'), 'content-type': 'application/stix+json' },
      payload: bundle([good]),
    });
    expect(notAnalyst.statusCode).toBe(403);
    await app.inject({
      method: 'POST',
      url: '/api/intel/objects',
      headers: as('rats'),
      payload: {
        object: { type: 'threat-actor', name: 'Kept Back' },
        tlp: 'amber',
        recipientOrgs: [delegationId('KZ')],
      },
    });
    const exported = await app.inject({ url: '/api/intel/export.json?type=threat-actor', headers: as('ru') });
    expect(exported.headers['content-type']).toMatch(/^application\/stix\+json/);
    const names = (exported.json().objects as { name?: string }[]).map((o) => o.name);
    expect(names).toContain('Bundle Group');
    expect(names).not.toContain('Kept Back');
    const csv = await app.inject({ url: '/api/intel/incidents.csv', headers: as('ru') });
    expect(csv.body.split('\r\n')[0]).toMatch(/^id,name,date,date_precision,country/);
  });
});
