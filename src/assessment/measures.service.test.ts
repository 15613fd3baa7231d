import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser } from '../../test/helpers/identity-factory.ts';
import { DATA_DIR } from '../../test/helpers/server.ts';
import { Forbidden, Invalid, NotFound } from '../errors.ts';
import { listAudit } from '../identity/audit.service.ts';
import { addPartnerCenter, delegationId } from '../identity/organizations.service.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { prepareDatabase } from '../server/prepare.ts';
import { loadMeasures, readMeasures, validateMeasures } from './measures.data.ts';
import {
  addIndicator,
  addMeasurement,
  createMeasure,
  getMeasure,
  listMeasures,
  measuresBetween,
  updateMeasure,
} from './measures.service.ts';

/** The monitoring of joint measures on a real database: the reference data, access, audit, validation. */

const NOW = new Date('2025-06-01T10:00:00Z');
const ADMIN: Actor = { kind: 'system', name: 'test' };

const training = {
  kind: 'training' as const,
  categories: ['drug-trafficking' as const, 'organized-crime' as const],
  name: { en: 'Border drug interdiction training', ru: 'Учебные сборы по пресечению наркотрафика' },
  start: '2024-04-01',
  end: '2024-04-05',
  places: [{ country: 'kg', region: 'Osh Region' }] as { country: string; region?: string }[],
  participants: [
    { kind: 'state' as const, id: 'KG' },
    { kind: 'state' as const, id: 'TJ' },
    { kind: 'body' as const, id: 'rats' },
  ],
  objectives: ['Train border units in searching vehicles'],
  outcomes: ['Forty officers trained.'],
  sources: [{ citation: 'RATS Executive Committee note', url: 'https://example.org/note' }],
};

describeEachDialect('joint measures', (dialect) => {
  let database: TestDatabase;
  let analyst: Actor;
  let officer: Actor;
  let delegate: Actor;
  let partner: Actor;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await prepareDatabase(database, { dataDir: DATA_DIR });
    const db = database.db;
    const actor = async (
      roles: ['analyst'] | ['secretariat-officer'] | ['delegate'],
      organizationId: string,
    ) => actorFor(db, (await makeUser(db, { roles, organizationId })).id);
    analyst = await actor(['analyst'], 'rats-executive-committee');
    officer = await actor(['secretariat-officer'], 'secretariat');
    delegate = await actor(['delegate'], delegationId('KZ'));
    await addPartnerCenter(db, ADMIN, { id: 'measures-partner', name: { en: 'A partner center' } }, NOW);
    partner = await actor(['analyst'], 'measures-partner');
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('loads the first joint exercise of August 2003, in Kazakhstan and Xinjiang, marking what is unconfirmed', async () => {
    const exercise = await getMeasure(database.db, delegate, 'joint-exercise-2003');
    expect(exercise).toMatchObject({
      kind: 'exercise',
      start: '2003-08-06',
      end: '2003-08-13',
      places: [{ country: 'KZ' }, { country: 'CN', region: 'Xinjiang Uygur Autonomous Region' }],
      origin: 'reference',
      confidence: 'partial',
    });
    expect(exercise.unconfirmed).toContain('participants');
    expect(exercise.sources[0]?.citation).toMatch(/Tolipov/);
    expect(exercise.abilities).toEqual({ read: true, update: false });
    // Loading again changes nothing.
    expect((await loadMeasures(database.db, readMeasures(DATA_DIR))).changed).toBe(false);
  });

  it('refuses a data file with an end before the start, naming record and field', () => {
    const [record] = readMeasures(DATA_DIR);
    expect(() => validateMeasures([{ ...record, end: '2003-08-01' }])).toThrow(
      /record 0 \(joint-exercise-2003\), field end: must not be before the start/,
    );
  });

  it('lets RATS analysts record measures, indicators and measurements, each audited, and computes progress', async () => {
    const measure = await createMeasure(database.db, analyst, training, NOW);
    expect(measure).toMatchObject({
      places: [{ country: 'KG', region: 'Osh Region' }],
      categories: ['drug-trafficking', 'organized-crime'],
      outcomeSummary: 'Forty officers trained.',
      abilities: { read: true, update: true },
    });
    const indicator = await addIndicator(
      database.db,
      officer,
      measure.id,
      { name: 'Officers trained', unit: 'people', target: 100, direction: 'higher-is-better', baseline: 0 },
      NOW,
    );
    await addMeasurement(
      database.db,
      analyst,
      measure.id,
      indicator.id,
      { date: '2024-04-05', value: 40 },
      NOW,
    );
    const read = await addMeasurement(
      database.db,
      analyst,
      measure.id,
      indicator.id,
      { date: '2024-10-01', value: 70, note: 'follow-up course' },
      NOW,
    );
    expect(read).toMatchObject({ latest: { date: '2024-10-01', value: 70 }, trend: 'rising', onTrack: true });
    expect(read.progress).toBeCloseTo(0.7);
    const page = await getMeasure(database.db, delegate, measure.id);
    expect(page.indicators[0]?.measurements.map((m) => m.value)).toEqual([40, 70]);

    const entries = await listAudit(database.db, ADMIN, { subject: measure.id });
    expect(entries.items.map((e: { action: string }) => e.action)).toContain('measure.create');
    const all = await listAudit(database.db, ADMIN, { limit: 20 });
    const actions = all.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['measure.add-indicator', 'measure.add-measurement']));
  });

  it('refuses bad input, naming the field', async () => {
    const bad = async (input: Partial<typeof training>, field: string) => {
      const error = await createMeasure(database.db, analyst, { ...training, ...input }, NOW).catch((e) => e);
      expect(error).toBeInstanceOf(Invalid);
      expect((error as Invalid).details.field).toBe(field);
    };
    await bad({ end: '2024-03-01' }, 'end');
    await bad({ participants: [{ kind: 'state', id: 'ZZ' }] }, 'participants.0');
    // Mongolia is an observer, never a member.
    await bad({ participants: [{ kind: 'state', id: 'MN' }] }, 'participants.0');
    await bad({ places: [{ country: 'XX' }] }, 'places.0.country');
    const measure = await createMeasure(database.db, analyst, training, NOW);
    const indicator = await addIndicator(
      database.db,
      analyst,
      measure.id,
      { name: 'Seizures', unit: 'kg', target: 10, direction: 'lower-is-better' },
      NOW,
    );
    for (const [input, field] of [
      [{ date: '2026-01-01', value: 1 }, 'date'],
      [{ date: '1980-01-01', value: 1 }, 'date'],
      [{ date: '2024-01-01', value: Number.NaN }, 'value'],
    ] as const) {
      const error = await addMeasurement(database.db, analyst, measure.id, indicator.id, input, NOW).catch(
        (e) => e,
      );
      expect((error as Invalid).details.field).toBe(field);
    }
    const patched = await updateMeasure(database.db, officer, measure.id, { end: '2024-03-01' }, NOW).catch(
      (e) => e,
    );
    expect((patched as Invalid).details.field).toBe('end');
  });

  it('lets delegations read but not edit; partner centers and the public find nothing', async () => {
    const measure = await createMeasure(
      database.db,
      officer,
      { ...training, name: { en: 'Readers test' } },
      NOW,
    );
    await expect(createMeasure(database.db, delegate, training, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(
      updateMeasure(database.db, delegate, measure.id, { outcomes: [] }, NOW),
    ).rejects.toBeInstanceOf(Forbidden);
    const outsiders: Actor[] = [{ kind: 'anonymous' }, partner];
    for (const outsider of outsiders) {
      await expect(getMeasure(database.db, outsider, measure.id)).rejects.toBeInstanceOf(NotFound);
      await expect(updateMeasure(database.db, outsider, measure.id, {}, NOW)).rejects.toBeInstanceOf(
        NotFound,
      );
      expect(await listMeasures(database.db, outsider, {})).toEqual({ items: [], total: 0 });
      expect(await measuresBetween(database.db, outsider, { from: '2000-01-01', to: '2030-01-01' })).toEqual(
        [],
      );
    }
  });

  it('lists by period, kind, category and state, with totals, and summarizes for bulletins', async () => {
    await createMeasure(
      database.db,
      analyst,
      { ...training, name: { en: 'Filter test' }, start: '2023-05-01', end: '2023-05-02' },
      NOW,
    );
    const q = (extra: Record<string, string>) =>
      listMeasures(database.db, delegate, { from: '2023-01-01', to: '2023-12-31', ...extra });
    expect((await q({})).items.map((m) => m.name.en)).toEqual(['Filter test']);
    expect((await q({ kind: 'training', category: 'organized-crime', state: 'tj' })).total).toBe(1);
    expect((await q({ kind: 'exercise' })).total).toBe(0);
    expect((await q({ state: 'RU' })).total).toBe(0);
    const exercise2003 = await listMeasures(database.db, delegate, {
      from: '2003-08-13',
      to: '2003-08-13',
      state: 'CN',
    });
    expect(exercise2003.items.map((m) => m.id)).toEqual(['joint-exercise-2003']);
    await expect(listMeasures(database.db, delegate, { from: '2003-02-30' })).rejects.toMatchObject({
      details: { field: 'from' },
    });

    const summaries = await measuresBetween(database.db, delegate, { from: '2003-01-01', to: '2003-12-31' }, [
      'KZ',
    ]);
    expect(summaries).toEqual([
      {
        id: 'joint-exercise-2003',
        kind: 'exercise',
        categories: ['terrorism'],
        name: 'First SCO joint command-post and live exercises',
        start: '2003-08-06',
        end: '2003-08-13',
        places: [{ country: 'KZ' }, { country: 'CN', region: 'Xinjiang Uygur Autonomous Region' }],
        participants: [
          { kind: 'state', id: 'KZ' },
          { kind: 'state', id: 'CN' },
        ],
        outcomeSummary: null,
      },
    ]);
  });

  it('keeps a reference measure users edited when the data is loaded again', async () => {
    await updateMeasure(
      database.db,
      officer,
      'joint-exercise-2003',
      { outcomes: ['Reviewed by the Secretariat.'] },
      NOW,
    );
    await loadMeasures(database.db, readMeasures(DATA_DIR), { force: true });
    const exercise = await getMeasure(database.db, delegate, 'joint-exercise-2003');
    expect(exercise.outcomes).toEqual(['Reviewed by the Secretariat.']);
    expect(exercise.origin).toBe('user');
  });
});
