import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GTD_COLUMNS, GTD_COLUMNS_134 } from './gtd.columns.ts';
import { GtdFields } from './gtd.fields.ts';
import { cut, gtdCsv, gtdRow, readAll } from './gtd.fixtures.ts';
import { BAD_ROW_KINDS, gtdChunks, syntheticRows } from './gtd.generate.ts';
import { normalizeGtd } from './gtd.normalize.rules.ts';
import { readGtd, readGtdBatches } from './gtd.read.ts';

const generated = (options: Parameters<typeof gtdChunks>[0]) => Buffer.concat([...gtdChunks(options, 4096)]);

describe('readGtd round trip from the generator', () => {
  const layouts = [
    { delimiter: ',', encoding: 'utf8', columns: 135 },
    { delimiter: ';', encoding: 'utf8', columns: 135 },
    { delimiter: ',', encoding: 'latin1', columns: 135 },
    { delimiter: ';', encoding: 'latin1', columns: 134 },
    { delimiter: ',', encoding: 'utf8', columns: 134 },
  ] as const;

  for (const layout of layouts) {
    it(`gives back every row (${layout.delimiter} ${layout.encoding} ${layout.columns} columns, awkward, CRLF)`, async () => {
      const options = { rows: 400, seed: 7, awkward: true, crlf: true, ...layout };
      const file = generated(options);
      const reader = readGtd(Readable.from([file]));
      const rows = [];
      for await (const row of reader) rows.push(row);
      const expected = [...syntheticRows(options)];
      expect(rows).toHaveLength(expected.length);
      expect(reader.delimiter).toBe(layout.delimiter);
      expect(reader.columns).toBe(layout.columns);
      expect(reader.bytesRead).toBe(file.length);
      if (layout.encoding === 'latin1') expect(reader.encoding).toBe('latin1');
      rows.forEach((row, i) => {
        const values = expected[i] as string[];
        if (layout.columns === 134) values[GTD_COLUMNS.indexOf('individual')] = '';
        expect(row.faults).toBeUndefined();
        expect(row.row).toBe(i + 1);
        expect(row.record).toEqual(normalizeGtd(GtdFields.of(values), []));
      });
      expect(rows.some((r) => /[éüöÜÖ]/.test(r.record?.city ?? ''))).toBe(true);
      expect(rows.some((r) => r.record?.summary?.includes('\n'))).toBe(true);
      expect(rows.some((r) => r.record?.date.precision === 'year')).toBe(true);
      expect(rows.some((r) => r.record?.date.precision === 'month')).toBe(true);
    });
  }

  it('reads the same rows however the bytes are cut into chunks', async () => {
    const file = generated({ rows: 40, seed: 3, awkward: true });
    const whole = await readAll(file);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 8 }),
        async (sizes) => {
          expect(await readAll(cut(file, sizes))).toEqual(whole);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('hands out rows in batches, one per chunk, with the same content', async () => {
    const file = generated({ rows: 300, seed: 5 });
    const batches = [];
    for await (const batch of readGtdBatches(Readable.from(cut(file, [8192])))) batches.push(batch);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toEqual(await readAll(file));
  });
});

describe('readGtd CSV', () => {
  const summaryOf = async (summary: string, delimiter: ',' | ';' = ',') => {
    const rows = await readAll(Buffer.from(gtdCsv([gtdRow({ summary })], { delimiter })));
    return rows[0]?.record?.summary;
  };

  it('reads quoted fields with delimiters, doubled quotes and line breaks', async () => {
    for (const text of ['a, b; c', 'He said "no"', '"', '""', 'line one\nline two', 'cr\r\nlf', ',;"\n\r']) {
      expect(await summaryOf(text)).toBe(text);
      expect(await summaryOf(text, ';')).toBe(text);
    }
  });

  it('counts lines, so a fault points into the file even after quoted line breaks', async () => {
    const file = gtdCsv([gtdRow({ summary: 'one\ntwo\nthree' }), gtdRow({ iyear: 'x' })]);
    const rows = await readAll(Buffer.from(file));
    expect(rows.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 5],
    ]);
  });

  it('skips a UTF-8 byte order mark and blank lines at the end', async () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${gtdCsv([gtdRow()])}\n\r\n`)]);
    const rows = await readAll(cut(file, [1, 2]));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.record?.eventId).toBe('201401010001');
  });

  it('reads Latin-1 bytes as Latin-1 and UTF-8 as UTF-8, with no option', async () => {
    const text = gtdCsv([gtdRow({ city: 'Kütahya', summary: 'café' })]);
    for (const encoding of ['latin1', 'utf8'] as const) {
      const rows = await readAll(cut(Buffer.from(text, encoding), [7]));
      expect(rows[0]?.record?.city).toBe('Kütahya');
      expect(rows[0]?.record?.summary).toBe('café');
    }
  });

  it('reads the typographic quotes of a Windows-1252 export', async () => {
    const text = gtdCsv([gtdRow({ summary: "the group's claim" })]);
    const bytes = Buffer.from(text, 'latin1');
    bytes[bytes.indexOf("'")] = 0x92;
    const rows = await readAll(bytes);
    expect(rows[0]?.record?.summary).toBe('the group’s claim');
  });

  it('keeps text after a closing quote as written, and says so', async () => {
    const file = `${GTD_COLUMNS.join(',')}\n${gtdCsv([gtdRow()]).split('\n')[1]?.replace('Karachi', '"Kara"chi')}\n`;
    const rows = await readAll(Buffer.from(file));
    expect(rows[0]?.record?.city).toBe('"Kara"chi');
    expect(rows[0]?.faults).toEqual([
      { column: 'city', problem: 'text after the closing quote, kept as written' },
    ]);
  });

  it('reports a quote that never closes, and reads the rows after it', async () => {
    const plain = { scite1: 'Example Daily' };
    const eventids = Array.from({ length: 10 }, (_, i) => `2014010100${String(i + 2).padStart(2, '0')}`);
    const lines = gtdCsv([gtdRow(plain), ...eventids.map((eventid) => gtdRow({ ...plain, eventid }))]).split(
      '\n',
    );
    const broken = Buffer.from(
      [lines[0], lines[1]?.replace('Karachi', '"Karachi'), ...lines.slice(2)].join('\n'),
    );
    const rows = await readAll(broken);
    expect(rows[0]).toEqual({
      row: 1,
      line: 2,
      faults: [{ column: 'city', problem: 'quoted field never closes' }],
    });
    expect(rows.slice(1).map((r) => r.record?.eventId)).toEqual(eventids);
    // Before the end of the input, a row that outgrows the limit is given up on.
    const limited = await readAll(broken, { maxRowChars: 2000 });
    expect(limited[0]?.faults).toEqual([{ column: '(row)', problem: 'longer than 2000 characters' }]);
    expect(limited.slice(1).map((r) => r.record?.eventId)).toEqual(eventids);
  });
});

describe('readGtd faults', () => {
  it('names the row and column of every spoilt row and reads the rest', async () => {
    for (const columns of [135, 134] as const) {
      const badRows = [3, 7, 11, 15, 19];
      const rows = await readAll(generated({ rows: 30, seed: 9, badRows, columns, delimiter: ';' }));
      expect(rows).toHaveLength(30);
      const faulty = rows.filter((r) => r.faults);
      expect(faulty.map((r) => r.row)).toEqual(badRows);
      faulty.forEach((row, i) => {
        const kind = BAD_ROW_KINDS[i] as (typeof BAD_ROW_KINDS)[number];
        expect(row.faults?.[0]?.column).toBe(kind.column);
        expect(row.record !== undefined).toBe(kind.record);
      });
      expect(rows.filter((r) => !r.faults).every((r) => r.record)).toBe(true);
    }
  });

  it('says how many fields a short or long row has', async () => {
    const header = GTD_COLUMNS_134.join(',');
    const rows = await readAll(Buffer.from(`${header}\n1,2,3\n`));
    expect(rows[0]).toEqual({
      row: 1,
      line: 2,
      faults: [{ column: 'iday', problem: 'row has 3 fields, the header 134' }],
    });
  });
});

describe('readGtd header', () => {
  it('refuses a file that is not a GTD export, naming what it found', async () => {
    await expect(readAll(Buffer.from('id,name\n1,x\n'))).rejects.toThrow(
      /not a GTD export.*found 2 columns \(id, name\)/,
    );
    const renamed = GTD_COLUMNS.map((c) => (c === 'summary' ? 'synopsis' : c)).join(',');
    await expect(readAll(Buffer.from(`${renamed}\n`))).rejects.toThrow(
      /column 19 is "synopsis" where "summary" was expected/,
    );
    await expect(readAll(Buffer.alloc(0))).rejects.toThrow(/empty/);
  });

  it('accepts a header in any case, quoted or not, with no rows', async () => {
    const header = GTD_COLUMNS.map((c) => `"${c.toUpperCase()}"`).join(';');
    const reader = readGtd(Readable.from([Buffer.from(`${header}\r\n`)]));
    const rows = [];
    for await (const row of reader) rows.push(row);
    expect(rows).toEqual([]);
    expect(reader.delimiter).toBe(';');
  });
});

describe('CSV round trip of any text (property)', () => {
  const tricky = fc.constantFrom(',', ';', '"', '""', '\n', '\r\n', '\r', ' ', 'é', 'ü', '中', '🙂', 'a');
  const text = (unit: fc.Arbitrary<string>) =>
    fc.array(fc.oneof(tricky, unit), { maxLength: 30 }).map((parts) => parts.join(''));
  const latin1Char = fc
    .integer({ min: 0x20, max: 0xff })
    .filter((c) => c < 0x7f || c >= 0xa0)
    .map((c) => String.fromCharCode(c));

  for (const [encoding, unit] of [
    ['utf8', fc.string({ unit: 'grapheme', maxLength: 3 })],
    ['latin1', latin1Char],
  ] as const) {
    it(`keeps every text field unchanged (${encoding})`, async () => {
      const plain =
        encoding === 'latin1'
          ? text(latin1Char).map((t) => t.replace(/[^\n\r\u0020-\u00ff]/gu, ''))
          : text(unit);
      await fc.assert(
        fc.asyncProperty(
          fc.record({ summary: plain, city: plain, motive: plain, addnotes: plain, scite2: plain }),
          fc.constantFrom(',', ';'),
          async (fields, delimiter) => {
            const file = Buffer.from(gtdCsv([gtdRow(fields), gtdRow()], { delimiter }), encoding);
            const rows = await readAll(cut(file, [97]), {
              encoding: encoding === 'latin1' ? 'latin1' : 'auto',
            });
            expect(rows).toHaveLength(2);
            const record = rows[0]?.record;
            expect(rows[0]?.faults).toBeUndefined();
            expect(record?.summary).toBe(fields.summary || null);
            expect(record?.city).toBe(fields.city || null);
            expect(record?.motive).toBe(fields.motive || null);
            expect(record?.extra.addnotes).toBe(fields.addnotes || undefined);
            expect(record?.sources[1] ?? '').toBe(fields.scite2);
          },
        ),
        { numRuns: 150 },
      );
    });
  }
});
