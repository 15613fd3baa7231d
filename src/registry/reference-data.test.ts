import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { smallReferenceData, writeDataDir } from '../../test/helpers/reference-factory.ts';
import { Invalid } from '../errors.ts';
import { seedReferenceData } from './reference-data.service.ts';
import { readReferenceData, validateReferenceData } from './reference-data.ts';
import { chronology, listStates } from './registry.service.ts';

describeEachDialect('loading reference data', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
  });
  afterEach(() => database.destroy());

  async function snapshot() {
    const { db } = database;
    return {
      states: await db.selectFrom('states').selectAll().orderBy('code').execute(),
      statuses: await db.selectFrom('state_statuses').selectAll().orderBy('id').execute(),
      documents: await db.selectFrom('documents').selectAll().orderBy('id').execute(),
      events: await db.selectFrom('chronology_events').selectAll().orderBy('id').execute(),
      search: await db.selectFrom('search_entries').selectAll().orderBy('subject_id').execute(),
    };
  }

  it('is idempotent: loading twice leaves exactly the rows of loading once', async () => {
    const loaded = readReferenceData(writeDataDir(smallReferenceData()));
    const first = await seedReferenceData(database.db, loaded);
    expect(first.changed).toBe(true);
    const once = await snapshot();
    const again = await seedReferenceData(database.db, loaded);
    expect(again.changed).toBe(false);
    await seedReferenceData(database.db, loaded, { force: true });
    expect(await snapshot()).toEqual(once);
    expect(once.states.map((s) => s.code)).toEqual(['CN', 'MN']);
  });

  it('follows the data when a record is edited or removed', async () => {
    await seedReferenceData(database.db, readReferenceData(writeDataDir(smallReferenceData())));
    const edited = smallReferenceData();
    edited.states = edited.states.filter((s) => s.code !== 'MN');
    const cn = edited.states[0];
    if (cn?.statuses[1]) cn.statuses[1].how = 'edited';
    await seedReferenceData(database.db, readReferenceData(writeDataDir(edited)));
    const states = await listStates(database.db, {});
    expect(states.items.map((s) => s.code)).toEqual(['CN']);
    expect(states.items[0]?.statuses[1]?.how).toBe('edited');
    const events = await chronology(database.db, { state: 'MN' });
    expect(events.total).toBe(0);
  });

  it('rejects a bad file naming the record and field, and loads nothing', async () => {
    const bad = smallReferenceData() as unknown as Record<string, Record<string, unknown>[]>;
    const summit = bad.summits?.[0];
    if (summit) summit.start = '2001-6-14';
    const dir = writeDataDir(bad);
    expect(() => readReferenceData(dir)).toThrowError(Invalid);
    expect(() => readReferenceData(dir)).toThrowError(
      /data\/summits\.json: record 0 \(chs-2001\), field start/,
    );
    expect(await database.db.selectFrom('states').selectAll().execute()).toEqual([]);
  });
});

it('names an unknown field, an unknown reference and overlapping periods', () => {
  const withExtra = smallReferenceData() as unknown as Record<string, Record<string, unknown>[]>;
  const doc = withExtra.documents?.[0];
  if (doc) doc.signatories = ['CN'];
  expect(() => validateReferenceData(withExtra)).toThrowError(
    /documents\.json: record 0 \(declaration-2001\), field signatories: is not a known field/,
  );

  const unknownHost = smallReferenceData();
  if (unknownHost.summits[0]) unknownHost.summits[0].host = 'KZ';
  expect(() => validateReferenceData(unknownHost)).toThrowError(
    /summits\.json: record 0 \(chs-2001\), field host: unknown state KZ/,
  );

  const overlapping = smallReferenceData();
  const first = overlapping.states[0]?.statuses[0];
  if (first) first.to = '2002-01-01';
  expect(() => validateReferenceData(overlapping)).toThrowError(
    /states\.json: record 0 \(CN\), field statuses: periods from 1996-04-26 and 2001-06-15 overlap/,
  );

  const missingFile = smallReferenceData() as Partial<ReturnType<typeof smallReferenceData>>;
  delete missingFile.people;
  expect(() => readReferenceData(writeDataDir(missingFile))).toThrowError(
    /data\/people\.json: file is missing/,
  );
});
