import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { makeUser, SYSTEM } from '../../test/helpers/identity-factory.ts';
import { DATA_DIR } from '../../test/helpers/server.ts';
import { delegationId } from '../identity/organizations.service.ts';
import type { Role } from '../identity/policy.rules.ts';
import { GTD_EXTENSION } from '../intel/stix.definitions.ts';
import { importCandidates } from '../intel/stix.import.ts';
import type { Tlp } from '../intel/tlp.rules.ts';
import { buildApp } from '../server/app.ts';
import { prepareDatabase } from '../server/prepare.ts';

/** The threat index over HTTP: the documented example, what each reader may count, bad input. */

const incident = (country: string, date: string, killed: number, wounded: number, extent: string) => ({
  type: 'incident',
  spec_version: '2.1',
  id: `incident--${randomUUID()}`,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: `Incident in ${country}, ${date}`,
  extensions: {
    [GTD_EXTENSION]: {
      extension_type: 'property-extension',
      date_start: date,
      country_code: country,
      attack_types: ['Bombing/Explosion'],
      weapon_types: ['Explosives'],
      target_types: ['Police'],
      killed,
      wounded,
      property_extent: extent,
    },
  },
});

describeEachDialect('the threat index API', (dialect) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const auth = new Map<string, string>();

  const land = async (objects: Record<string, unknown>[], tlp: Tlp, recipientOrgs: string[] = []) =>
    importCandidates(
      database,
      SYSTEM,
      (async function* () {
        yield objects.map((object, i) => ({ at: `objects[${i}]`, object: object as never }));
      })(),
      { tlp, recipientOrgs },
      new Date(),
    );

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await prepareDatabase(database, { dataDir: DATA_DIR });
    // The hand-worked example of docs/threat-index.md, as GREEN incidents.
    const minor = 'Minor (likely < $1 million)';
    const major = 'Major (likely >= $1 million but < $1 billion)';
    await land(
      [
        incident('KZ', '2016-03-01', 3, 4, minor),
        incident('KZ', '2016-05', 0, 0, 'Unknown'),
        incident('KZ', '2018', 0, 2, 'Unknown'),
        incident('KZ', '2020-01-10', 10, 0, major),
        incident('KZ', '2020-02-10', 0, 0, 'Unknown'),
        incident('KZ', '2020-03-10', 0, 0, 'Unknown'),
        incident('KG', '2020-07-01', 1, 0, 'Unknown'),
      ],
      'green',
    );
    // Forms other than bombing, in Mongolia (outside the example): a chemical attack, and drug trafficking.
    const chemical = incident('MN', '2020-04-04', 0, 0, 'Unknown');
    const gtdOf = (o: Record<string, unknown>) =>
      (o.extensions as Record<string, Record<string, unknown>>)[GTD_EXTENSION] as Record<string, unknown>;
    gtdOf(chemical).weapon_types = ['Chemical'];
    const trafficking = {
      ...incident('MN', '2020-05-05', 0, 0, 'Unknown'),
      x_sco_category: 'drug-trafficking',
    };
    await land([chemical, trafficking], 'green');
    // One AMBER incident that only Kazakhstan's delegation (and its creator) may read.
    await land([incident('KZ', '2020-09-09', 50, 50, major)], 'amber', [delegationId('KZ')]);
    const people: [string, string, Role][] = [
      ['kz', delegationId('KZ'), 'delegate'],
      ['ru', delegationId('RU'), 'delegate'],
      ['analyst', 'rats-executive-committee', 'analyst'],
    ];
    for (const [name, organizationId, role] of people) {
      const user = await makeUser(database.db, { roles: [role], organizationId });
      auth.set(name, `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`);
    }
    app = await buildApp({ database });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const index = (query: string, who?: string) =>
    app.inject({
      url: `/api/assessment/index?${query}`,
      headers: who ? { authorization: auth.get(who) ?? '' } : {},
    });
  const point = (
    body: { states: { code: string; series: { year: number }[] }[] },
    code: string,
    year: number,
  ) => body.states.find((s) => s.code === code)?.series.find((p) => p.year === year);

  it('gives a reader outside the AMBER incident’s recipients the documented example, untouched by it', async () => {
    const res = await index('states=KZ,KG&from=2016&to=2020', 'ru');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.highestWeighted).toBe(19.839);
    expect(point(body, 'KZ', 2016)).toMatchObject({ incidents: 2, raw: 15, weighted: 7.742, score: 7.139 });
    expect(point(body, 'KZ', 2020)).toMatchObject({
      incidents: 3,
      killed: 10,
      raw: 37,
      score: 10,
      change1: 7.004,
    });
    expect(point(body, 'KG', 2020)).toMatchObject({ score: 3.688, change1: null });
    // The public sees TLP:CLEAR only: here, nothing.
    const open = (await index('states=KZ&from=2020&to=2020')).json();
    expect(point(open, 'KZ', 2020)).toMatchObject({ incidents: 0, score: 0 });
  });

  it('counts the AMBER incident for its recipients only', async () => {
    const kz = (await index('states=KZ&from=2020&to=2020', 'kz')).json();
    expect(point(kz, 'KZ', 2020)).toMatchObject({ incidents: 4, killed: 60, wounded: 50 });
    // The RATS Executive Committee created it (the import ran for it), so its analysts count it too.
    const analyst = (await index('states=KZ&from=2020&to=2020', 'analyst')).json();
    expect(point(analyst, 'KZ', 2020)).toMatchObject({ incidents: 4, killed: 60 });
  });

  it('computes Central Asia as the sums of its states and the mean of their scores', async () => {
    const body = (await index('region=central-asia&from=2020&to=2020', 'ru')).json();
    expect(body.region).toMatchObject({ id: 'central-asia', states: ['KZ', 'KG', 'TJ', 'TM', 'UZ'] });
    expect(body.region.series[0]).toMatchObject({ year: 2020, incidents: 4, score: 2.738 });
    const members = (await index('region=sco-members&from=2003&to=2003', 'ru')).json();
    expect(members.region.states).toEqual(['CN', 'KG', 'KZ', 'RU', 'TJ', 'UZ']);
  });

  it('answers unknown states and regions, malformed or inverted periods, and empty regions with 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['states=KZ,XX', 'states'],
      ['states=', 'states'],
      ['region=atlantis', 'region'],
      ['from=20x0', 'from'],
      ['to=1800', 'to'],
      ['from=2020&to=2010', 'from'],
      ['colour=red', 'colour'],
    ];
    for (const [query, field] of cases) {
      const res = await index(query, 'ru');
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details.field, query).toBe(field);
    }
    const empty = await app.inject({
      method: 'POST',
      url: '/api/assessment/regions',
      headers: { authorization: auth.get('analyst') ?? '' },
      payload: { name: 'Nowhere', states: [] },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.field).toBe('states');
  });

  it('breaks incidents down by weapon (CBRN flagged), attack, target and category', async () => {
    const forms = (query: string) =>
      app.inject({ url: `/api/assessment/forms?${query}`, headers: { authorization: auth.get('ru') ?? '' } });
    const weapons = (await forms('by=weapon&states=MN,KZ&from=2020&to=2020')).json();
    expect(weapons.categories).toEqual([
      expect.objectContaining({
        name: 'Explosives',
        cbrn: false,
        total: { incidents: 4, killed: 10, wounded: 0 },
      }),
      expect.objectContaining({
        name: 'Chemical',
        cbrn: true,
        total: { incidents: 1, killed: 0, wounded: 0 },
      }),
    ]);
    expect(weapons.cbrn).toEqual([{ year: 2020, incidents: 1 }]);
    const kinds = (await forms('by=category&states=MN&from=2020&to=2020')).json();
    expect(
      kinds.categories.map((c: { name: string; total: { incidents: number } }) => [
        c.name,
        c.total.incidents,
      ]),
    ).toEqual([
      ['drug-trafficking', 1],
      ['terrorism', 1],
    ]);
    const bad = await forms('by=colour');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('by');
  });

  it('lets an analyst define a region and computes the index for it', async () => {
    const made = await app.inject({
      method: 'POST',
      url: '/api/assessment/regions',
      headers: { authorization: auth.get('analyst') ?? '' },
      payload: { name: 'Fergana valley states', states: ['kg', 'TJ', 'UZ'] },
    });
    expect(made.statusCode).toBe(201);
    const { id } = made.json();
    const refused = await app.inject({
      method: 'POST',
      url: '/api/assessment/regions',
      headers: { authorization: auth.get('ru') ?? '' },
      payload: { name: 'Mine', states: ['RU'] },
    });
    expect(refused.statusCode).toBe(403);
    const body = (await index(`region=${id}&from=2020&to=2020`, 'ru')).json();
    expect(body.region).toMatchObject({ name: 'Fergana valley states', states: ['KG', 'TJ', 'UZ'] });
    expect(body.region.series[0].incidents).toBe(1);
  });
});
