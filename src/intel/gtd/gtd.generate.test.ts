import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { COL, GTD_COLUMNS } from './gtd.columns.ts';
import { parseGenerateArgs } from './gtd.generate.main.ts';
import { formatCsvRow, generateGtd, gtdChunks, syntheticRows } from './gtd.generate.ts';
import { readGtd } from './gtd.read.ts';
import { SYNTHETIC_GROUPS } from './gtd.synthetic.ts';

const digest = (options: Parameters<typeof gtdChunks>[0]) => {
  const hash = createHash('sha256');
  for (const chunk of gtdChunks(options)) hash.update(chunk);
  return hash.digest('hex');
};

describe('generateGtd', () => {
  it('writes the same bytes for the same seed, and others for another', () => {
    expect(digest({ rows: 500, seed: 1, awkward: true })).toBe(digest({ rows: 500, seed: 1, awkward: true }));
    expect(digest({ rows: 500, seed: 1 })).not.toBe(digest({ rows: 500, seed: 2 }));
  });

  it('streams a file the reader takes whole', async () => {
    let rows = 0;
    const reader = readGtd(generateGtd({ rows: 1000, seed: 4, delimiter: ';', encoding: 'latin1' }));
    for await (const row of reader) if (row.record) rows++;
    expect(rows).toBe(1000);
    expect(reader.encoding).toBe('latin1');
  });

  it('spans 1970–2017 without 1993, in date order, with unique event ids', () => {
    const rows = [...syntheticRows({ rows: 5000, seed: 8, awkward: true })];
    const ids = rows.map((r) => r[COL.eventid as number] as string);
    const years = new Set(rows.map((r) => Number(r[COL.iyear as number])));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...years)).toBe(1970);
    expect(Math.max(...years)).toBe(2017);
    expect(years.has(1993)).toBe(false);
    expect([...ids].sort((a, b) => a.slice(0, 4).localeCompare(b.slice(0, 4)))).toEqual(ids);
  });

  it('has the awkward cases when asked: unknowns, all four CBRN weapons, delimiters and quotes in text', () => {
    const rows = [...syntheticRows({ rows: 3000, seed: 11, awkward: true })];
    const column = (name: string) => rows.map((r) => r[COL[name] as number] as string);
    const weapons = new Set(['weaptype1', 'weaptype2', 'weaptype3', 'weaptype4'].flatMap(column));
    for (const cbrn of ['1', '2', '3', '4']) expect(weapons).toContain(cbrn);
    expect(column('imonth')).toContain('0');
    expect(column('iday')).toContain('0');
    expect(column('nkill')).toContain('');
    expect(column('claimed')).toContain('-9');
    const summaries = column('summary');
    expect(summaries.some((s) => s.includes(';') && s.includes(',') && s.includes('"'))).toBe(true);
    expect(summaries.some((s) => s.includes('\n'))).toBe(true);
    const plain = [...syntheticRows({ rows: 3000, seed: 11 })];
    expect(plain.some((r) => /[éüö]/i.test(r[COL.city as number] as string))).toBe(false);
  });

  it('names groups that are invented, unique and never "Unknown"', () => {
    expect(SYNTHETIC_GROUPS).toHaveLength(200);
    expect(new Set(SYNTHETIC_GROUPS).size).toBe(200);
    expect(SYNTHETIC_GROUPS).not.toContain('Unknown');
  });

  it('quotes a field only when it must', () => {
    expect(formatCsvRow(['a', 'b,c', 'say "x"', 'l1\nl2', 'semi;colon'], ',')).toBe(
      'a,"b,c","say ""x""","l1\nl2",semi;colon',
    );
    expect(formatCsvRow(['b,c', 'semi;colon'], ';')).toBe('b,c;"semi;colon"');
  });

  it('writes the header of the layout asked for', () => {
    const header = (columns: 134 | 135) =>
      (gtdChunks({ rows: 0, seed: 1, columns }).next().value as Buffer).toString().trim().split(',');
    expect(header(135)).toEqual(GTD_COLUMNS);
    expect(header(134)).not.toContain('individual');
  });
});

describe('gtd.generate.main arguments', () => {
  it('reads the documented flags', () => {
    expect(
      parseGenerateArgs([
        '--rows',
        '200000',
        '--seed',
        '1',
        '--out',
        'file.csv',
        '--delimiter',
        ';',
        '--latin1',
        '--columns',
        '134',
        '--bad',
        '10,20',
      ]),
    ).toMatchObject({
      rows: 200000,
      seed: 1,
      out: 'file.csv',
      delimiter: ';',
      encoding: 'latin1',
      columns: 134,
      badRows: [10, 20],
    });
  });

  it('refuses what it cannot use', () => {
    expect(() => parseGenerateArgs(['--seed', '1'])).toThrow(/--rows/);
    expect(() => parseGenerateArgs(['--rows', '10', '--delimiter', '|'])).toThrow(/delimiter/);
    expect(() => parseGenerateArgs(['--rows', '10', '--bad', '3,x'])).toThrow(/--bad/);
  });
});
