import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { DATA_DIR } from '../../test/helpers/server.ts';
import { Invalid, NotFound } from '../errors.ts';
import { seedReferenceData } from './reference-data.service.ts';
import { readReferenceData } from './reference-data.ts';
import * as registry from './registry.service.ts';

/** The registry's answers over the real reference data in data/, on both dialects. */
describeEachDialect('registry over the reference data', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedReferenceData(database.db, readReferenceData(DATA_DIR));
  });
  afterAll(() => database.destroy());

  const codes = async (status: string, at: string) =>
    (await registry.listStates(database.db, { status, at })).items.map((s) => s.code).sort();

  it('answers who held which status on a date from the history', async () => {
    expect(await codes('member', '2016-01-01')).toEqual(['CN', 'KG', 'KZ', 'RU', 'TJ', 'UZ']);
    expect(await codes('member', '2024-12-31')).toHaveLength(10);
    expect(await codes('member', '2024-12-31')).toEqual([
      'BY',
      'CN',
      'IN',
      'IR',
      'KG',
      'KZ',
      'PK',
      'RU',
      'TJ',
      'UZ',
    ]);
    expect(await codes('shanghai-five', '1998-01-01')).toEqual(['CN', 'KG', 'KZ', 'RU', 'TJ']);
    expect(await codes('member', '2000-01-01')).toEqual([]);
    expect(await codes('observer', '2004-06-17')).toEqual(['MN']);
    expect(await codes('observer', '2026-01-01')).toEqual([]);
    expect((await codes('partner', '2026-01-01')).length).toBeGreaterThanOrEqual(17);
  });

  it('gives each state on a date the one period holding then', async () => {
    const page = await registry.listStates(database.db, { at: '2016-01-01', limit: 500 });
    const india = page.items.find((s) => s.code === 'IN');
    expect(india?.statusAt?.status).toBe('observer');
    expect(page.items.every((s) => s.statusAt !== null)).toBe(true);
  });

  it('has thirty summits from 1996 to 2025, each with its host and documents', async () => {
    const summits = await registry.listSummits(database.db, { limit: 500 });
    expect(summits.total).toBe(30);
    expect(summits.items[0]?.start).toBe('1996-04-26');
    expect(summits.items.at(-1)?.start.slice(0, 4)).toBe('2025');
    const stPetersburg = await registry.getSummit(database.db, 'chs-2002');
    expect(stPetersburg.host).toBe('RU');
    expect(stPetersburg.documents.map((d) => d.kind)).toContain('charter');
  });

  it('merges the chronology in time order and filters it', async () => {
    const all = await registry.chronology(database.db, { limit: 500 });
    const dates = all.items.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(all.items.map((e) => e.kind))).toEqual(
      new Set(['summit', 'document', 'status', 'appointment']),
    );
    const india = await registry.chronology(database.db, { state: 'IN', kind: 'status', limit: 500 });
    expect(india.items.map((e) => e.title.en)).toEqual([
      'India becomes an observer',
      'India becomes a member state',
    ]);
    const window = await registry.chronology(database.db, {
      from: '2001-01-01',
      to: '2001-12-31',
      limit: 500,
    });
    expect(window.items.every((e) => e.date >= '2001' && e.date <= '2001-12-31')).toBe(true);
    expect(window.items.some((e) => e.subject.id === 'chs-2001')).toBe(true);
  });

  it('finds the Charter in Russian and in Chinese', async () => {
    for (const q of ['Хартия', 'хартия', '宪章', 'Charter']) {
      const hits = await registry.search(database.db, { q });
      expect(
        hits.items.map((h) => `${h.type}:${h.id}`),
        q,
      ).toContain('document:charter-2002');
    }
    const docs = await registry.listDocuments(database.db, { q: 'конвенция', kind: 'convention' });
    expect(docs.items.map((d) => d.id)).toContain('shanghai-convention-2001');
  });

  it('filters documents by kind, dates and party', async () => {
    const conventions = await registry.listDocuments(database.db, { kind: 'convention', limit: 500 });
    expect(conventions.items.every((d) => d.kind === 'convention')).toBe(true);
    const of2017 = await registry.listDocuments(database.db, {
      from: '2017-01-01',
      to: '2017-12-31',
      limit: 500,
    });
    expect(of2017.items.every((d) => d.date.startsWith('2017'))).toBe(true);
    expect(of2017.total).toBeGreaterThan(0);
    const india = await registry.listDocuments(database.db, { state: 'in', limit: 500 });
    expect(india.items.every((d) => d.date >= '2016')).toBe(true);
  });

  it('refuses bad parameters naming them, and unknown ids as not found', async () => {
    await expect(registry.listStates(database.db, { at: '2016-02-30' })).rejects.toThrowError(
      expect.objectContaining({ details: expect.objectContaining({ field: 'at' }) }),
    );
    await expect(registry.listStates(database.db, { status: 'friend' })).rejects.toThrowError(Invalid);
    await expect(
      registry.chronology(database.db, { from: '2010-01-01', to: '2000-01-01' }),
    ).rejects.toThrowError(/to:/);
    await expect(registry.getSummit(database.db, 'chs-1066')).rejects.toThrowError(NotFound);
    await expect(registry.getState(database.db, 'XX')).rejects.toThrowError(NotFound);
  });
});
