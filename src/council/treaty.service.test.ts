import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type as T } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser, PASSWORD, SYSTEM } from '../../test/helpers/identity-factory.ts';
import type { Dialect } from '../db/kysely.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { registerAuth } from '../identity/auth.plugin.ts';
import { SECRETARIAT_ID, syncOrganizations } from '../identity/organizations.service.ts';
import { type Actor, ANONYMOUS } from '../identity/policy.rules.ts';
import { seedReferenceData } from '../registry/reference-data.service.ts';
import { readReferenceData } from '../registry/reference-data.ts';
import { registerErrorHandler } from '../server/errors.plugin.ts';
import { treatyRoutes } from './treaty.routes.ts';
import type { InstrumentRecord, InstrumentsRecord } from './treaty.schemas.ts';
import {
  documentLife,
  loadInstruments,
  type NewInstrument,
  readInstruments,
  recordInstrument,
  validateInstruments,
} from './treaty.service.ts';

const DATA_DIR = join(import.meta.dirname, '../../data');
const NOW = new Date('2025-01-01T12:00:00Z');

/** A migrated database with the real registry, its organizations and data/instruments.json. */
async function preparedDatabase(dialect: Dialect): Promise<TestDatabase> {
  const database = await createTestDatabase(dialect);
  await seedReferenceData(database.db, readReferenceData(DATA_DIR));
  await syncOrganizations(database.db, NOW);
  await loadInstruments(database.db, readInstruments(join(DATA_DIR, 'instruments.json')), { now: NOW });
  return database;
}

/** What a refused change must leave untouched: every instrument, rule and audit entry. */
async function snapshot(database: TestDatabase) {
  const { db } = database;
  return {
    instruments: await db.selectFrom('document_instruments').selectAll().orderBy('id').execute(),
    rules: await db.selectFrom('document_force_rules').selectAll().orderBy('document_id').execute(),
    audit: (
      await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  };
}

describeEachDialect('the life of documents', (dialect) => {
  let database: TestDatabase;
  let depositary: Actor;
  let delegate: Actor;
  beforeAll(async () => {
    database = await preparedDatabase(dialect);
    const officer = await makeUser(database.db, {
      roles: ['secretariat-officer'],
      organizationId: SECRETARIAT_ID,
    });
    depositary = await actorFor(database.db, officer.id);
    delegate = await actorFor(
      database.db,
      (await makeUser(database.db, { roles: ['head-of-delegation'] })).id,
    );
  });
  afterAll(() => database.destroy());

  it('computes the Charter from the loaded data: signed 2002-06-07, in force 2003-09-19 for all six', async () => {
    const life = await documentLife(database.db, 'charter-2002', '2003-09-19');
    expect(life).toMatchObject({
      document: { id: 'charter-2002', date: '2002-06-07', entryIntoForce: '2003-09-19' },
      rule: { kind: 'after-instruments', days: 30, count: 4 },
      accession: 'members',
      inForce: true,
      since: '2003-09-19',
      pending: [],
    });
    expect(life.states.map((s) => [s.state, s.signed, s.inForceFor])).toEqual(
      ['CN', 'KG', 'KZ', 'RU', 'TJ', 'UZ'].map((s) => [s, '2002-06-07', '2003-09-19']),
    );
    expect(life.instruments).toHaveLength(12);
    expect(life.instruments.find((i) => i.id === 'charter-2002:KZ:ratification')).toMatchObject({
      date: '2003-07-04',
      confidence: 'partial',
    });
    expect(life.ruleProvenance?.sources.length).toBeGreaterThan(0);
    const before = await documentLife(database.db, 'charter-2002', '2003-09-18');
    expect(before).toMatchObject({ inForce: false, since: '2003-09-19' });
    expect(before.pending).toHaveLength(6);
  });

  it('answers the Treaty and the Convention for Russia, and a document without a known rule', async () => {
    expect(await documentLife(database.db, 'treaty-good-neighbourliness-2007', '2012-10-31')).toMatchObject({
      inForce: true,
      since: '2012-10-31',
    });
    const convention = await documentLife(database.db, 'convention-countering-extremism-2017', '2019-10-12');
    expect(convention.states.find((s) => s.state === 'RU')?.inForceFor).toBe('2019-10-12');
    expect(convention.pending).toEqual(['IN', 'PK']);
    // Signed by its six parties; no notification's date is known, so it is not in force for anyone.
    const shanghai = await documentLife(database.db, 'shanghai-convention-2001', '2020-01-01');
    expect(shanghai).toMatchObject({
      rule: { kind: 'after-all-instruments', days: 30 },
      inForce: false,
      since: null,
    });
    expect(shanghai.instruments.map((i) => [i.state, i.kind, i.date])).toEqual(
      ['CN', 'KG', 'KZ', 'RU', 'TJ', 'UZ'].map((state) => [state, 'signature', '2001-06-15']),
    );
    expect(shanghai.pending).toEqual(['CN', 'KG', 'KZ', 'RU', 'TJ', 'UZ']);
    const noRule = await documentLife(database.db, 'rats-agreement-2002', '2020-01-01');
    expect(noRule).toMatchObject({ rule: null, inForce: false, since: null, instruments: [] });
  });

  it('refuses an unknown document and a date that is not one', async () => {
    await expect(documentLife(database.db, 'charter-1066', '2020-01-01')).rejects.toThrowError(NotFound);
    await expect(documentLife(database.db, 'charter-2002', '2003-02-30')).rejects.toThrowError(
      expect.objectContaining({ details: expect.objectContaining({ field: 'at' }) }),
    );
  });

  it('records an accession by the depositary, audited in the same transaction', async () => {
    const before = await snapshot(database);
    const recorded = await recordInstrument(
      database.db,
      depositary,
      'convention-countering-extremism-2017',
      { state: 'by', kind: 'accession', date: '2024-07-10', sources: ['https://example.org/by'] },
      NOW,
    );
    expect(recorded).toMatchObject({
      id: 'convention-countering-extremism-2017:BY:accession',
      state: 'BY',
      confidence: 'confirmed',
      sources: ['https://example.org/by'],
    });
    const after = await snapshot(database);
    expect(after.instruments).toHaveLength(before.instruments.length + 1);
    expect(Number(after.audit)).toBe(Number(before.audit) + 1);
    const entry = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', recorded.id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      action: 'document.record-instrument',
      subject_type: 'document-instrument',
    });
    const life = await documentLife(database.db, 'convention-countering-extremism-2017', '2024-08-09');
    expect(life.states.find((s) => s.state === 'BY')).toMatchObject({
      instrument: { kind: 'accession', date: '2024-07-10' },
      inForceFor: '2024-08-09',
    });
    expect(
      (await documentLife(database.db, 'convention-countering-extremism-2017', '2024-08-08')).pending,
    ).toContain('BY');
  });

  it('lets a state accede to the Treaty only on dates it is a member', async () => {
    const accession = (date: string) =>
      recordInstrument(
        database.db,
        depositary,
        'treaty-good-neighbourliness-2007',
        { state: 'IN', kind: 'accession', date },
        NOW,
      );
    const before = await snapshot(database);
    await expect(accession('2016-01-01')).rejects.toThrowError(
      expect.objectContaining({ details: expect.objectContaining({ field: 'state' }) }),
    );
    expect(await snapshot(database)).toEqual(before);
    await accession('2018-01-01');
    const life = await documentLife(database.db, 'treaty-good-neighbourliness-2007', '2018-03-01');
    expect(life.states.find((s) => s.state === 'IN')?.inForceFor).toBe('2018-01-31');
  });

  const refusals: [string, () => Actor, string, Partial<NewInstrument>, unknown][] = [
    ['a delegation', () => delegate, 'charter-2002', {}, Forbidden],
    ['an anonymous caller', () => ANONYMOUS, 'charter-2002', {}, Forbidden],
    ['an unknown document', () => depositary, 'charter-1066', {}, NotFound],
    ['an unknown state', () => depositary, 'charter-2002', { state: 'XX' }, 'state'],
    ['a state that is not a code', () => depositary, 'charter-2002', { state: 'Belarus' }, 'state'],
    [
      'a non-party that may not accede',
      () => depositary,
      'charter-2002',
      { state: 'MN', kind: 'accession' },
      'state',
    ],
    [
      'a non-party signing',
      () => depositary,
      'convention-countering-extremism-2017',
      { state: 'AZ', kind: 'signature', date: '2018-01-01' },
      'state',
    ],
    ['a date in the future', () => depositary, 'charter-2002', { date: '2025-01-02' }, 'date'],
    ['a date before the document', () => depositary, 'charter-2002', { date: '2002-06-06' }, 'date'],
    ['a date that does not exist', () => depositary, 'charter-2002', { date: '2003-02-29' }, 'date'],
    ['an unknown kind', () => depositary, 'charter-2002', { kind: 'veto' }, 'kind'],
    ['an unknown confidence', () => depositary, 'charter-2002', { confidence: 'certain' }, 'confidence'],
    ['a source that is not a URL', () => depositary, 'charter-2002', { sources: ['a book'] }, 'sources'],
    [
      'a second ratification',
      () => depositary,
      'charter-2002',
      { state: 'RU', kind: 'ratification' },
      Conflict,
    ],
    [
      'a second signature',
      () => depositary,
      'charter-2002',
      { state: 'RU', kind: 'signature', date: '2002-06-07' },
      Conflict,
    ],
  ];
  for (const [what, actor, documentId, change, expected] of refusals) {
    it(`refuses ${what} and changes nothing`, async () => {
      const before = await snapshot(database);
      const input = { state: 'TJ', kind: 'acceptance', date: '2010-01-01', ...change } as NewInstrument;
      const attempt = recordInstrument(database.db, actor(), documentId, input, NOW);
      if (typeof expected === 'string') {
        await expect(attempt).rejects.toThrowError(Invalid);
        await attempt.catch((error: Invalid) => expect(error.details.field).toBe(expected));
      } else {
        await expect(attempt).rejects.toThrowError(expected as typeof Forbidden);
      }
      expect(await snapshot(database)).toEqual(before);
    });
  }

  it('records one of two simultaneous identical instruments and refuses the other', async () => {
    const record = () =>
      recordInstrument(
        database.db,
        SYSTEM,
        'convention-countering-extremism-2017',
        { state: 'IR', kind: 'accession', date: '2024-01-15' },
        NOW,
      );
    const results = await Promise.allSettled([record(), record()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(Conflict) });
  });
});

describeEachDialect('loading data/instruments.json', (dialect) => {
  let database: TestDatabase;
  const data = readInstruments(join(DATA_DIR, 'instruments.json'));
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedReferenceData(database.db, readReferenceData(DATA_DIR));
  });
  afterAll(() => database.destroy());

  const count = async (table: 'document_instruments' | 'document_force_rules' | 'audit_log') =>
    Number(
      (await database.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n,
    );

  it('refuses data naming an unknown document or state, and loads nothing', async () => {
    const audits = await count('audit_log');
    const unknownDocument = [...data, { ...(data[0] as InstrumentsRecord), document: 'charter-1066' }];
    await expect(loadInstruments(database.db, unknownDocument)).rejects.toThrowError(
      new RegExp(`record ${data.length} \\(charter-1066\\), field document`),
    );
    const first = data[0] as InstrumentsRecord;
    const unknownState = [
      {
        ...first,
        instruments: [...first.instruments, { ...(first.instruments[0] as InstrumentRecord), state: 'XX' }],
      },
    ];
    await expect(loadInstruments(database.db, unknownState)).rejects.toThrowError(
      /field instruments\.12\.state/,
    );
    expect(await count('document_instruments')).toBe(0);
    expect(await count('document_force_rules')).toBe(0);
    expect(await count('audit_log')).toBe(audits);
  });

  it('loads once, audited; a second load changes nothing; a changed file replaces only its own rows', async () => {
    const audits = await count('audit_log');
    expect(await loadInstruments(database.db, data, { now: NOW })).toEqual({
      changed: true,
      documents: 4,
      instruments: 42,
    });
    expect(await count('document_instruments')).toBe(42);
    expect(await count('document_force_rules')).toBe(4);
    expect(await count('audit_log')).toBe(audits + 1);
    expect((await loadInstruments(database.db, data, { now: NOW })).changed).toBe(false);
    expect((await loadInstruments(database.db, data, { now: NOW, force: true })).changed).toBe(true);
    expect(await count('document_instruments')).toBe(42);
    expect(await count('audit_log')).toBe(audits + 2);

    await recordInstrument(
      database.db,
      SYSTEM,
      'charter-2002',
      { state: 'IN', kind: 'accession', date: '2017-06-09' },
      NOW,
    );
    const [charter, ...rest] = data as [InstrumentsRecord, ...InstrumentsRecord[]];
    const withoutUzbekistan = {
      ...charter,
      instruments: charter.instruments.filter((i) => !(i.state === 'UZ' && i.kind === 'ratification')),
    };
    await loadInstruments(database.db, [withoutUzbekistan, ...rest], { now: NOW });
    const ids = (await database.db.selectFrom('document_instruments').select('id').execute()).map(
      (r) => r.id,
    );
    expect(ids).not.toContain('charter-2002:UZ:ratification');
    expect(ids).toContain('charter-2002:IN:accession');
    expect(ids).toHaveLength(42);
    const life = await documentLife(database.db, 'charter-2002', '2010-01-01');
    expect(life.pending).toEqual(['UZ']);
  });

  it('names the record and field of a fault in the file', () => {
    const bad = structuredClone(data) as unknown as Record<string, unknown>[];
    (bad[1] as { instruments: { date: string }[] }).instruments[6] = {
      ...((bad[1] as { instruments: object[] }).instruments[6] as object),
      date: '2009-02-30',
    };
    expect(() => validateInstruments(bad)).toThrowError(
      /record 1 \(treaty-good-neighbourliness-2007\), field instruments\.6\.date/,
    );
    const extra = structuredClone(data) as unknown as Record<string, unknown>[];
    (extra[2] as Record<string, unknown>).rule = { kind: 'after-instruments', days: 30 };
    expect(() => validateInstruments(extra)).toThrowError(
      /record 2 \(convention-countering-extremism-2017\), field rule/,
    );
    expect(() => validateInstruments([...data, data[0]])).toThrowError(
      new RegExp(`record ${data.length} \\(charter-2002\\), field document: is listed twice`),
    );
    expect(() => validateInstruments({})).toThrowError(/expected an array/);
  });
});

describe('the life of documents over HTTP', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: { username: string };
  beforeAll(async () => {
    database = await preparedDatabase('sqlite');
    officer = await makeUser(database.db, { roles: ['secretariat-officer'], organizationId: SECRETARIAT_ID });
    app = Fastify({
      ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    }).withTypeProvider<TypeBoxTypeProvider>();
    registerErrorHandler(app);
    app.addSchema(T.Object({ error: T.Object({ code: T.String(), message: T.String() }) }, { $id: 'Error' }));
    await app.register(fastifyCookie);
    registerAuth(app, { db: database.db, now: () => NOW });
    await app.register(treatyRoutes, { prefix: '/api', database, now: () => NOW });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });
  const basic = (username: string) => `Basic ${Buffer.from(`${username}:${PASSWORD}`).toString('base64')}`;

  it('answers a document’s life publicly, on a date or today', async () => {
    const res = await app.inject({ url: '/api/documents/charter-2002/life?at=2003-09-19' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ inForce: true, since: '2003-09-19', asOf: '2003-09-19' });
    expect((await app.inject({ url: '/api/documents/charter-2002/life' })).json().asOf).toBe('2025-01-01');
    expect((await app.inject({ url: '/api/documents/charter-2002/life?at=yesterday' })).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/documents/nothing/life' })).statusCode).toBe(404);
  });

  it('records an instrument for the depositary only', async () => {
    const payload = { state: 'PK', kind: 'accession', date: '2018-02-01' };
    const url = '/api/documents/treaty-good-neighbourliness-2007/instruments';
    expect((await app.inject({ method: 'POST', url, payload })).statusCode).toBe(401);
    const res = await app.inject({
      method: 'POST',
      url,
      payload,
      headers: { authorization: basic(officer.username) },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: 'treaty-good-neighbourliness-2007:PK:accession',
      state: 'PK',
      kind: 'accession',
      date: '2018-02-01',
      notes: null,
      sources: [],
      confidence: 'confirmed',
    });
    const again = await app.inject({
      method: 'POST',
      url,
      payload,
      headers: { authorization: basic(officer.username) },
    });
    expect(again.statusCode).toBe(409);
  });
});
