import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../../test/helpers/db.ts';
import { makeUser, SYSTEM } from '../../../test/helpers/identity-factory.ts';
import { DATA_DIR } from '../../../test/helpers/server.ts';
import { addPartnerCenter, delegationId } from '../../identity/organizations.service.ts';
import type { Role } from '../../identity/policy.rules.ts';
import { buildApp } from '../../server/app.ts';
import { prepareDatabase } from '../../server/prepare.ts';
import { importCandidates } from '../stix.import.ts';
import { TAXII_MEDIA_TYPE } from './taxii.rules.ts';

/**
 * The TAXII 2.1 server as a client written to the specification meets it: media types, errors,
 * collections by audience, paging without loss or repetition, the filters, POSTed envelopes and
 * their status, DELETE.
 */

const ROOT = '/taxii2/api';

describeEachDialect('the TAXII 2.1 server', (dialect) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const people = new Map<string, { username: string; password: string }>();
  /** The thousand objects added within one second, in the order they were added. */
  let burst: string[] = [];
  let community = '';
  let rats = '';

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await prepareDatabase(database, { dataDir: DATA_DIR });
    // The CIS Anti-Terrorism Center comes with the reference data; another center is added.
    await addPartnerCenter(
      database.db,
      SYSTEM,
      { id: 'other-center', name: { en: 'Other Center' } },
      new Date(),
    );
    const roster: [string, string, Role][] = [
      ['rats', 'rats-executive-committee', 'analyst'],
      ['rats2', 'rats-executive-committee', 'analyst'],
      ['kz', delegationId('KZ'), 'delegate'],
      ['ru', delegationId('RU'), 'delegate'],
      ['cis', 'cis-atc', 'analyst'],
    ];
    for (const [name, organizationId, role] of roster) {
      const user = await makeUser(database.db, { roles: [role], organizationId });
      people.set(name, { username: user.username, password: user.password });
    }
    app = await buildApp({ database });

    // A thousand GREEN objects added within one second, by one import at one instant.
    const at = new Date('2026-11-01T10:00:00.000Z');
    burst = Array.from({ length: 1000 }, () => `threat-actor--${randomUUID()}`);
    await importCandidates(
      database,
      SYSTEM,
      (async function* () {
        yield burst.map((id, i) => ({
          at: `objects[${i}]`,
          object: {
            type: 'threat-actor',
            spec_version: '2.1',
            id,
            created: at.toISOString(),
            modified: at.toISOString(),
            name: `Burst ${i}`,
          },
        }));
      })(),
      { tlp: 'green' },
      at,
    );
    const listed = await get('/collections/', 'rats');
    const ids = listed.json().collections as { id: string; alias: string }[];
    community = ids.find((c) => c.alias === 'community')?.id ?? '';
    rats = ids.find((c) => c.alias === 'rats-executive-committee')?.id ?? '';
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const basic = (who: string) => {
    const p = people.get(who);
    return `Basic ${Buffer.from(`${p?.username}:${p?.password}`).toString('base64')}`;
  };
  const headers = (who?: string) => ({
    accept: TAXII_MEDIA_TYPE,
    ...(who ? { authorization: basic(who) } : {}),
  });
  const get = (path: string, who?: string) => app.inject({ url: `${ROOT}${path}`, headers: headers(who) });
  const post = (path: string, who: string, body: unknown, contentType = TAXII_MEDIA_TYPE) =>
    app.inject({
      method: 'POST',
      url: `${ROOT}${path}`,
      headers: { ...headers(who), 'content-type': contentType },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });

  describe('discovery, API root and media types', () => {
    it('serves discovery to anyone and names the API root', async () => {
      const res = await app.inject({ url: '/taxii2/', headers: { accept: TAXII_MEDIA_TYPE } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
      expect(res.json().api_roots).toEqual([expect.stringMatching(/\/taxii2\/api\/$/)]);
    });

    it('asks for credentials on the API root, with the WWW-Authenticate header', async () => {
      const res = await get('/');
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/Basic realm=/);
      expect(res.json()).toMatchObject({ title: 'Authentication required', http_status: '401' });
      const signed = await get('/', 'kz');
      expect(signed.json()).toMatchObject({ versions: [TAXII_MEDIA_TYPE], max_content_length: 10485760 });
    });

    it('refuses a wrong password and a bad bearer token with 401', async () => {
      const wrong = await app.inject({
        url: `${ROOT}/`,
        headers: {
          accept: TAXII_MEDIA_TYPE,
          authorization: `Basic ${Buffer.from('nobody:x').toString('base64')}`,
        },
      });
      expect(wrong.statusCode).toBe(401);
      const token = await app.inject({
        url: `${ROOT}/`,
        headers: { accept: TAXII_MEDIA_TYPE, authorization: 'Bearer sco_nonsense' },
      });
      expect(token.statusCode).toBe(401);
      expect(token.json().http_status).toBe('401');
    });

    it('answers 406 to a client that does not accept TAXII, and 415 to a POST in another media type', async () => {
      const res = await app.inject({
        url: `${ROOT}/collections/`,
        headers: { accept: 'application/json', authorization: basic('rats') },
      });
      expect(res.statusCode).toBe(406);
      expect(res.json()).toMatchObject({ title: 'Not acceptable', http_status: '406' });
      const older = await app.inject({
        url: `${ROOT}/collections/`,
        headers: { accept: 'application/taxii+json;version=2.0', authorization: basic('rats') },
      });
      expect(older.statusCode).toBe(406);
      const wrongType = await post(
        `/collections/${community}/objects/`,
        'rats',
        { objects: [] },
        'application/json',
      );
      expect(wrongType.statusCode).toBe(415);
      expect(wrongType.json().http_status).toBe('415');
    });

    it('answers 413 to a body over max_content_length', async () => {
      const big = JSON.stringify({ objects: [{ type: 'note', content: 'x'.repeat(10 * 1024 * 1024 + 10) }] });
      const res = await post(`/collections/${community}/objects/`, 'rats', big);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ http_status: '413' });
    });

    it('answers a body that is not an envelope with a 400 in the TAXII error format, storing nothing', async () => {
      for (const body of [
        '[1,2]',
        '"text"',
        '{"objects": {}}',
        '{"type":"bundle","objects":[]}',
        '{not json',
      ]) {
        const res = await post(`/collections/${community}/objects/`, 'rats', body);
        expect(res.statusCode, body).toBe(400);
        expect(res.json(), body).toMatchObject({ title: 'Bad request', http_status: '400' });
        expect(typeof res.json().description).toBe('string');
      }
    });
  });

  describe('collections by audience', () => {
    const aliases = async (who: string) =>
      ((await get('/collections/', who)).json().collections as { alias: string }[])
        .map((c) => c.alias)
        .sort();

    it('lists to each reader only the collections of its audience', async () => {
      expect(await aliases('rats')).toEqual([
        'community',
        'partner-cis-atc',
        'partner-csto',
        'partner-other-center',
        'partner-un-cted',
        'rats-executive-committee',
      ]);
      expect(await aliases('kz')).toEqual(['community']);
      expect(await aliases('cis')).toEqual(['community', 'partner-cis-atc']);
    });

    it('answers a collection outside the reader’s audience exactly like one that does not exist', async () => {
      const foreign = await get(`/collections/${rats}/`, 'kz');
      const missing = await get(`/collections/${randomUUID()}/`, 'kz');
      expect(foreign.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      expect((await get(`/collections/${rats}/objects/`, 'kz')).statusCode).toBe(404);
      expect((await get(`/collections/${rats}/manifest/`, 'cis')).statusCode).toBe(404);
    });

    it('says who may write: analysts of the audience, not delegates', async () => {
      const kz = (await get(`/collections/${community}/`, 'kz')).json();
      const analyst = (await get(`/collections/${community}/`, 'rats')).json();
      expect(kz).toMatchObject({
        can_read: true,
        can_write: false,
        media_types: ['application/stix+json;version=2.1'],
      });
      expect(analyst.can_write).toBe(true);
    });
  });

  describe('paging', () => {
    it('pages through 1,000 objects added within one second without loss or repetition, by next', async () => {
      const seen: string[] = [];
      let next: string | undefined;
      let pages = 0;
      do {
        const res = await get(
          `/collections/${community}/objects/?match[type]=threat-actor&limit=70${next ? `&next=${next}` : ''}`,
          'kz',
        );
        expect(res.statusCode).toBe(200);
        const body = res.json() as { more: boolean; next?: string; objects?: { id: string; name: string }[] };
        const objects = body.objects ?? [];
        seen.push(...objects.map((o) => o.id).filter((id) => burst.includes(id)));
        if (objects.length) {
          expect(res.headers['x-taxii-date-added-first']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
          expect(res.headers['x-taxii-date-added-last']).toMatch(/\.\d{6}Z$/);
        }
        next = body.more ? body.next : undefined;
        pages += 1;
      } while (next);
      expect(pages).toBeGreaterThanOrEqual(15);
      expect(seen).toEqual(burst);
    });

    it('pages through the same objects by added_after set to each page’s X-TAXII-Date-Added-Last', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const res = await get(
          `/collections/${community}/objects/?match[type]=threat-actor&limit=333${after ? `&added_after=${after}` : ''}`,
          'kz',
        );
        const objects = (res.json().objects ?? []) as { id: string }[];
        if (objects.length === 0) break;
        seen.push(...objects.map((o) => o.id).filter((id) => burst.includes(id)));
        after = res.headers['x-taxii-date-added-last'] as string;
      }
      expect(seen).toEqual(burst);
    });

    it('gives every version its own date_added, strictly increasing; added_after is exclusive', async () => {
      const manifest = (
        await get(`/collections/${community}/manifest/?match[type]=threat-actor&limit=1000`, 'kz')
      ).json().objects as { id: string; date_added: string; version: string; media_type: string }[];
      const added = manifest.map((m) => m.date_added);
      expect(new Set(added).size).toBe(added.length);
      expect([...added].sort()).toEqual(added);
      const k = manifest.findIndex((m) => m.id === burst[500]);
      const after = await get(
        `/collections/${community}/manifest/?match[type]=threat-actor&limit=2&added_after=${manifest[k]?.date_added}`,
        'kz',
      );
      expect(after.json().objects.map((m: { id: string }) => m.id)).toEqual([burst[501], burst[502]]);
    });

    it('caps a page at 1,000 and refuses a limit that is not a positive integer', async () => {
      const page = await get(`/collections/${community}/manifest/?limit=5000`, 'kz');
      expect(page.json().objects.length).toBeLessThanOrEqual(1000);
      for (const limit of ['0', '-3', 'ten']) {
        const res = await get(`/collections/${community}/objects/?limit=${limit}`, 'kz');
        expect(res.statusCode).toBe(400);
        expect(res.json().details.field).toBe('limit');
      }
      const badNext = await get(`/collections/${community}/objects/?next=forged`, 'kz');
      expect(badNext.json().details.field).toBe('next');
    });
  });

  describe('filters', () => {
    let actorId = '';
    let versionsOf: string[] = [];

    beforeAll(async () => {
      // One object with three versions, sent by the RATS analyst to the community.
      actorId = `intrusion-set--${randomUUID()}`;
      versionsOf = ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.123456Z'];
      const status = await post(`/collections/${community}/objects/`, 'rats', {
        objects: versionsOf.map((modified, i) => ({
          type: 'intrusion-set',
          spec_version: '2.1',
          id: actorId,
          created: versionsOf[0],
          modified,
          name: `Filtered set v${i + 1}`,
        })),
      });
      expect(status.statusCode).toBe(202);
      expect(status.json().success_count).toBe(3);
    });

    const objectsOf = async (query: string) => {
      const res = await get(`/collections/${community}/objects/?match[id]=${actorId}&${query}`, 'kz');
      expect(res.statusCode, query).toBe(200);
      return ((res.json().objects ?? []) as { modified: string; name: string }[]).map((o) => o.name);
    };

    it('match[version]: last by default, first, all, a timestamp, and several ORed', async () => {
      expect(await objectsOf('')).toEqual(['Filtered set v3']);
      expect(await objectsOf('match[version]=last')).toEqual(['Filtered set v3']);
      expect(await objectsOf('match[version]=first')).toEqual(['Filtered set v1']);
      expect(await objectsOf('match[version]=all')).toEqual([
        'Filtered set v1',
        'Filtered set v2',
        'Filtered set v3',
      ]);
      expect(await objectsOf('match[version]=2026-02-01T00:00:00Z')).toEqual(['Filtered set v2']);
      expect(await objectsOf('match[version]=2026-03-01T00:00:00.123456Z')).toEqual(['Filtered set v3']);
      expect(await objectsOf('match[version]=first,2026-02-01T00:00:00.000Z')).toEqual([
        'Filtered set v1',
        'Filtered set v2',
      ]);
      const bad = await get(`/collections/${community}/objects/?match[version]=yesterday`, 'kz');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.field).toBe('match[version]');
    });

    it('match[id] and match[type], comma meaning OR; a STIX type the store lacks is no error', async () => {
      const two = await get(`/collections/${community}/objects/?match[id]=${burst[0]},${burst[1]}`, 'kz');
      expect(two.json().objects.map((o: { id: string }) => o.id)).toEqual([burst[0], burst[1]]);
      const typed = await get(
        `/collections/${community}/manifest/?match[type]=intrusion-set,indicator`,
        'kz',
      );
      expect(typed.json().objects.map((o: { id: string }) => o.id)).toEqual([actorId]);
      const none = await get(`/collections/${community}/objects/?match[type]=indicator`, 'kz');
      expect(none.statusCode).toBe(200);
      expect(none.json()).toEqual({ more: false });
      expect(none.headers['x-taxii-date-added-first']).toBeUndefined();
      const bad = await get(`/collections/${community}/objects/?match[id]=not-an-id`, 'kz');
      expect(bad.json().details.field).toBe('match[id]');
    });

    it('match[spec_version]: 2.1 matches, 2.0 alone matches nothing', async () => {
      expect(await objectsOf('match[spec_version]=2.1')).toEqual(['Filtered set v3']);
      expect(await objectsOf('match[spec_version]=2.0')).toEqual([]);
      expect(await objectsOf('match[spec_version]=2.0,2.1')).toEqual(['Filtered set v3']);
    });

    it('refuses a malformed added_after naming it', async () => {
      const res = await get(`/collections/${community}/objects/?added_after=2026-13-45`, 'kz');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ http_status: '400', details: { field: 'added_after' } });
    });

    it('serves one object, its versions, and 404 for an object it does not hold', async () => {
      const one = await get(`/collections/${community}/objects/${actorId}/?match[version]=all`, 'kz');
      expect(one.json().objects).toHaveLength(3);
      const versions = await get(`/collections/${community}/objects/${actorId}/versions/`, 'kz');
      expect(versions.json()).toMatchObject({ more: false });
      expect(versions.json().versions).toEqual(versionsOf);
      expect(versions.headers['x-taxii-date-added-last']).toBeDefined();
      const missing = await get(`/collections/${community}/objects/intrusion-set--${randomUUID()}/`, 'kz');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().http_status).toBe('404');
    });
  });

  describe('what a reader without rights sees', () => {
    it('neither the objects nor a sign of them, in any collection', async () => {
      // An AMBER object for Kazakhstan's delegation, sent through the RATS collection.
      const id = `threat-actor--${randomUUID()}`;
      const amber = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
      const sent = await post(`/collections/${rats}/objects/`, 'rats', {
        objects: [
          {
            type: 'threat-actor',
            spec_version: '2.1',
            id,
            created: '2026-05-01T00:00:00.000Z',
            modified: '2026-05-01T00:00:00.000Z',
            name: 'Committee only',
            object_marking_refs: [amber],
          },
        ],
      });
      expect(sent.json().success_count).toBe(1);
      const inRats = await get(`/collections/${rats}/objects/${id}/`, 'rats2');
      expect(inRats.statusCode).toBe(200);
      expect(inRats.json().objects[0].object_marking_refs).toContain(amber);
      // Not in the community collection (GREEN at most), for anyone; not in a partner's.
      for (const who of ['kz', 'rats', 'cis']) {
        const res = await get(`/collections/${community}/manifest/?match[id]=${id}`, who);
        expect(res.json(), who).toEqual({ more: false });
      }
      const partner = (await get('/collections/', 'cis'))
        .json()
        .collections.find((c: { alias: string }) => c.alias === 'partner-cis-atc').id;
      expect((await get(`/collections/${partner}/objects/${id}/`, 'cis')).statusCode).toBe(404);
      expect((await get(`/collections/${partner}/objects/${id}/`, 'rats')).statusCode).toBe(404);
    });

    it('a partner center receives what names it, sends what lands for itself and the Committee', async () => {
      const partner = (await get('/collections/', 'cis'))
        .json()
        .collections.find((c: { alias: string }) => c.alias === 'partner-cis-atc').id;
      const id = `campaign--${randomUUID()}`;
      const sent = await post(`/collections/${partner}/objects/`, 'cis', {
        objects: [
          {
            type: 'campaign',
            spec_version: '2.1',
            id,
            created: '2026-06-01T00:00:00.000Z',
            modified: '2026-06-01T00:00:00.000Z',
            name: 'From CIS',
          },
        ],
      });
      expect(sent.statusCode).toBe(202);
      expect(sent.json().successes).toEqual([{ id, version: '2026-06-01T00:00:00.000Z' }]);
      expect((await get(`/collections/${partner}/objects/${id}/`, 'rats')).statusCode).toBe(200);
      expect((await get(`/collections/${rats}/objects/${id}/`, 'rats')).statusCode).toBe(200);
      expect((await get(`/collections/${community}/objects/${id}/`, 'kz')).statusCode).toBe(404);
      const api = await app.inject({
        url: `/api/intel/objects/${id}`,
        headers: { authorization: basic('rats') },
      });
      expect(api.json()).toMatchObject({ tlp: 'amber', creatorOrg: 'cis-atc' });
    });
  });

  describe('POST and status', () => {
    it('lands the valid objects of an envelope, lists each failure with its reason, and keeps the status', async () => {
      const good = `threat-actor--${randomUUID()}`;
      const bad = `threat-actor--${randomUUID()}`;
      const res = await post(`/collections/${community}/objects/`, 'rats', {
        objects: [
          {
            type: 'threat-actor',
            spec_version: '2.1',
            id: good,
            created: '2026-07-01T00:00:00.000Z',
            modified: '2026-07-01T00:00:00.000Z',
            name: 'Lands',
          },
          {
            type: 'threat-actor',
            spec_version: '2.1',
            id: bad,
            created: '2026-07-01T00:00:00.000Z',
            modified: '2026-07-01T00:00:00.000Z',
          },
          {
            type: 'indicator',
            spec_version: '2.1',
            id: `indicator--${randomUUID()}`,
            created: '2026-07-01T00:00:00.000Z',
            modified: '2026-07-01T00:00:00.000Z',
            pattern: "[ipv4-addr:value = '10.0.0.1']",
          },
          'not an object',
        ],
      });
      expect(res.statusCode).toBe(202);
      const status = res.json();
      expect(status).toMatchObject({
        status: 'complete',
        total_count: 4,
        success_count: 1,
        failure_count: 3,
        pending_count: 0,
      });
      expect(status.successes).toEqual([{ id: good, version: '2026-07-01T00:00:00.000Z' }]);
      const failure = status.failures.find((f: { id: string }) => f.id === bad);
      expect(failure.message).toMatch(/name/);
      expect(status.failures.map((f: { message: string }) => f.message).join(' ')).toMatch(/type/);
      // The status is kept for its poster, and for nobody else.
      const again = await get(`/status/${status.id}/`, 'rats');
      expect(again.json()).toEqual(status);
      expect((await get(`/status/${status.id}/`, 'rats2')).statusCode).toBe(404);
      // The valid object is served; nothing is left of the rejected one.
      expect((await get(`/collections/${community}/objects/${good}/`, 'kz')).statusCode).toBe(200);
      expect((await get(`/collections/${community}/objects/${bad}/`, 'rats')).statusCode).toBe(404);
      const stored = await database.db
        .selectFrom('stix_versions')
        .select('id')
        .where('id', '=', bad)
        .execute();
      expect(stored).toEqual([]);
    });

    it('refuses objects from a reader who may not write, with 403, storing nothing', async () => {
      const id = `threat-actor--${randomUUID()}`;
      const res = await post(`/collections/${community}/objects/`, 'kz', {
        objects: [
          {
            type: 'threat-actor',
            spec_version: '2.1',
            id,
            created: '2026-07-01T00:00:00.000Z',
            modified: '2026-07-01T00:00:00.000Z',
            name: 'No',
          },
        ],
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().http_status).toBe('403');
      expect((await get(`/collections/${community}/objects/${id}/`, 'rats')).statusCode).toBe(404);
    });
  });

  describe('DELETE', () => {
    it('removes one version, then the object, for the creating organization’s analysts only', async () => {
      const id = `campaign--${randomUUID()}`;
      const version = (modified: string) => ({
        type: 'campaign',
        spec_version: '2.1',
        id,
        created: '2026-08-01T00:00:00.000Z',
        modified,
        name: `Gone ${modified}`,
      });
      await post(`/collections/${community}/objects/`, 'rats', {
        objects: [version('2026-08-01T00:00:00.000Z'), version('2026-08-02T00:00:00.000Z')],
      });
      const refused = await app.inject({
        method: 'DELETE',
        url: `${ROOT}/collections/${community}/objects/${id}/`,
        headers: headers('cis'),
      });
      expect(refused.statusCode).toBe(403);
      const latest = await app.inject({
        method: 'DELETE',
        url: `${ROOT}/collections/${community}/objects/${id}/?match[version]=last`,
        headers: headers('rats'),
      });
      expect(latest.statusCode).toBe(200);
      const left = await get(`/collections/${community}/objects/${id}/`, 'kz');
      expect(left.json().objects.map((o: { name: string }) => o.name)).toEqual([
        'Gone 2026-08-01T00:00:00.000Z',
      ]);
      const all = await app.inject({
        method: 'DELETE',
        url: `${ROOT}/collections/${community}/objects/${id}/`,
        headers: headers('rats'),
      });
      expect(all.statusCode).toBe(200);
      expect((await get(`/collections/${community}/objects/${id}/`, 'kz')).statusCode).toBe(404);
      expect(
        (await app.inject({ url: `/api/intel/objects/${id}`, headers: { authorization: basic('rats') } }))
          .statusCode,
      ).toBe(404);
    });
  });
});
