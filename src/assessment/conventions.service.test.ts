import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser } from '../../test/helpers/identity-factory.ts';
import { loadInstruments, readInstruments } from '../council/treaty.service.ts';
import { Forbidden, Invalid, NotFound } from '../errors.ts';
import {
  addPartnerCenter,
  delegationId,
  SECRETARIAT_ID,
  syncOrganizations,
} from '../identity/organizations.service.ts';
import { type Actor, ANONYMOUS } from '../identity/policy.rules.ts';
import { seedReferenceData } from '../registry/reference-data.service.ts';
import { readReferenceData } from '../registry/reference-data.ts';
import { loadLaws, readLaws } from './conventions.data.ts';
import {
  conventionCell,
  conventionMatrix,
  createLaw,
  createNote,
  deleteLaw,
  updateLaw,
  updateNote,
} from './conventions.service.ts';

const DATA_DIR = join(import.meta.dirname, '../../data');
const NOW = new Date('2025-01-01T12:00:00Z');
const EXTREMISM = 'convention-countering-extremism-2017';

const auditCount = async (database: TestDatabase) =>
  Number(
    (
      await database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describeEachDialect('the Conventions’ implementation', (dialect) => {
  let database: TestDatabase;
  const who: Record<string, Actor> = {};
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedReferenceData(database.db, readReferenceData(DATA_DIR));
    await syncOrganizations(database.db, NOW);
    await loadInstruments(database.db, readInstruments(join(DATA_DIR, 'instruments.json')), { now: NOW });
    await loadLaws(database.db, readLaws(join(DATA_DIR, 'implementing-laws.json')), { now: NOW });
    const system: Actor = { kind: 'system', name: 'test' };
    await addPartnerCenter(database.db, system, { id: 'cis-atc', name: { en: 'CIS ATC' } }, NOW);
    const people: [string, string, 'delegate' | 'secretariat-officer' | 'analyst'][] = [
      ['kz', delegationId('KZ'), 'delegate'],
      ['officer', SECRETARIAT_ID, 'secretariat-officer'],
      ['rats', 'rats-executive-committee', 'analyst'],
      ['partner', 'cis-atc', 'analyst'],
    ];
    for (const [name, organizationId, role] of people) {
      who[name] = await actorFor(
        database.db,
        (await makeUser(database.db, { roles: [role], organizationId })).id,
      );
    }
  });
  afterAll(() => database.destroy());

  it('shows the members on the date against the four instruments, from the Council’s life of documents', async () => {
    const matrix = await conventionMatrix(database.db, ANONYMOUS, { at: '2020-01-01' }, NOW);
    expect(matrix.instruments.map((i) => [i.id, i.recorded])).toEqual([
      ['shanghai-convention-2001', true],
      ['rats-agreement-2002', false],
      ['convention-against-terrorism-2009', false],
      [EXTREMISM, true],
    ]);
    expect(matrix.rows.map((r) => r.state.code)).toEqual(['CN', 'IN', 'KG', 'KZ', 'PK', 'RU', 'TJ', 'UZ']);
    const cell = (state: string) =>
      matrix.rows.find((r) => r.state.code === state)?.cells.find((c) => c.instrument === EXTREMISM);
    expect(cell('RU')).toMatchObject({
      status: 'in-force',
      signed: '2017-06-09',
      ratified: { kind: 'ratification', date: '2019-09-12' },
      inForceFor: '2019-10-12',
      laws: null,
      latestNote: null,
    });
    expect(cell('IN')).toMatchObject({ status: 'not-signed', signed: null, inForceFor: null });
    expect(matrix).toMatchObject({ readsLaws: false, readsNotes: false });

    const before = await conventionMatrix(database.db, ANONYMOUS, { at: '2018-06-01', states: 'ru,UZ' }, NOW);
    expect(before.rows.map((r) => [r.state.code, r.cells[3]?.status])).toEqual([
      ['RU', 'signed'],
      ['UZ', 'ratified'],
    ]);
    // Before India joined, it is not among the default rows.
    const in2010 = await conventionMatrix(database.db, ANONYMOUS, { at: '2010-01-01' }, NOW);
    expect(in2010.rows.map((r) => r.state.code)).toEqual(['CN', 'KG', 'KZ', 'RU', 'TJ', 'UZ']);
  });

  it('refuses unknown states, instruments and dates, naming the parameter', async () => {
    const refusal = (query: Record<string, string>) =>
      conventionMatrix(database.db, ANONYMOUS, query, NOW).catch((e: unknown) => e);
    expect(await refusal({ states: 'KZ,XX' })).toMatchObject({ details: { field: 'states' } });
    expect(await refusal({ instruments: 'charter-2002' })).toMatchObject({
      details: { field: 'instruments' },
    });
    expect(await refusal({ at: '2020-02-30' })).toBeInstanceOf(Invalid);
    expect(await refusal({ at: 'yesterday' })).toMatchObject({ details: { field: 'at' } });
    await expect(conventionCell(database.db, ANONYMOUS, 'nope', 'KZ', undefined, NOW)).rejects.toMatchObject({
      details: { field: 'instrument' },
    });
    await expect(
      conventionCell(database.db, ANONYMOUS, EXTREMISM, 'XX', undefined, NOW),
    ).rejects.toMatchObject({
      details: { field: 'state' },
    });
  });

  it('lets a delegation record its own state’s laws, counted for the community and hidden from the public', async () => {
    const kz = who.kz as Actor;
    const audited = await auditCount(database);
    const law = await createLaw(
      database.db,
      kz,
      {
        state: 'kz',
        instrument: EXTREMISM,
        title: 'Закон о противодействии экстремизму',
        titleEn: 'Law on countering extremism',
        adopted: '2020-03-01',
        url: 'https://adilet.zan.kz/example',
      },
      NOW,
    );
    expect(law).toMatchObject({ state: 'KZ', abilities: { update: true, delete: true } });
    expect(await auditCount(database)).toBe(audited + 1);
    await expect(
      createLaw(
        database.db,
        kz,
        { state: 'RU', instrument: EXTREMISM, title: 'x', adopted: '2020-01-01' },
        NOW,
      ),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(
      createLaw(
        database.db,
        kz,
        { state: 'KZ', instrument: EXTREMISM, title: 'x', adopted: '2026-01-01' },
        NOW,
      ),
    ).rejects.toMatchObject({ details: { field: 'adopted' } });
    expect(await auditCount(database)).toBe(audited + 1);

    const lawsOf = async (actor: Actor, at: string) =>
      (await conventionMatrix(database.db, actor, { at, states: 'KZ', instruments: EXTREMISM }, NOW)).rows[0]
        ?.cells[0]?.laws;
    expect(await lawsOf(who.rats as Actor, '2024-01-01')).toBe(1);
    expect(await lawsOf(who.rats as Actor, '2020-02-29')).toBe(0);
    expect(await lawsOf(ANONYMOUS, '2024-01-01')).toBeNull();
    expect(await lawsOf(who.partner as Actor, '2024-01-01')).toBeNull();
    const publicCell = await conventionCell(database.db, ANONYMOUS, EXTREMISM, 'KZ', undefined, NOW);
    expect(publicCell).toMatchObject({ laws: null, notes: null, abilities: { createLaw: false } });
    expect(publicCell.events.map((e) => e.kind)).toEqual(['signature', 'ratification', 'entry-into-force']);
    expect(publicCell.events[0]?.sources.length).toBeGreaterThan(0);
    // A reader who may not read the law cannot change it either: it answers as not found.
    await expect(
      updateLaw(database.db, who.partner as Actor, law.id, { title: 'y' }, NOW),
    ).rejects.toBeInstanceOf(NotFound);
    const changed = await updateLaw(
      database.db,
      who.officer as Actor,
      law.id,
      { url: null, note: 'Art. 5' },
      NOW,
    );
    expect(changed).toMatchObject({
      url: null,
      note: 'Art. 5',
      title: 'Закон о противодействии экстремизму',
    });
    await deleteLaw(database.db, who.officer as Actor, law.id, NOW);
    expect(await lawsOf(who.rats as Actor, '2024-01-01')).toBe(0);
  });

  it('shows the latest note on or before the date, signed by its organization', async () => {
    const rats = who.rats as Actor;
    await createNote(
      database.db,
      rats,
      { state: 'RU', instrument: EXTREMISM, text: 'Criminal code aligned.', date: '2021-01-01' },
      NOW,
    );
    const later = await createNote(
      database.db,
      who.officer as Actor,
      { state: 'RU', instrument: EXTREMISM, text: 'Review pending.' },
      NOW,
    );
    expect(later).toMatchObject({ date: '2025-01-01', organization: { id: SECRETARIAT_ID } });
    await expect(
      createNote(database.db, who.kz as Actor, { state: 'RU', instrument: EXTREMISM, text: 'x' }, NOW),
    ).rejects.toBeInstanceOf(Forbidden);
    const note = async (at: string) =>
      (await conventionMatrix(database.db, rats, { at, states: 'RU', instruments: EXTREMISM }, NOW)).rows[0]
        ?.cells[0]?.latestNote;
    expect((await note('2025-01-01'))?.text).toBe('Review pending.');
    expect(await note('2022-01-01')).toMatchObject({
      text: 'Criminal code aligned.',
      organization: { id: 'rats-executive-committee' },
    });
    expect(await note('2020-01-01')).toBeNull();
    await updateNote(database.db, rats, later.id, { text: 'Review done.' }, NOW);
    const cell = await conventionCell(database.db, who.kz as Actor, EXTREMISM, 'RU', undefined, NOW);
    expect(cell.notes?.map((n) => [n.text, n.abilities.update])).toEqual([
      ['Review done.', false],
      ['Criminal code aligned.', false],
    ]);
  });
});
