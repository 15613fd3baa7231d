import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.model.ts';

/** A reader of RFC 4180 text, written here only to check that what we write reads back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += char;
  }
  return records;
}

describe('a chart’s data as CSV', () => {
  it('writes a header and rows, each ended by CRLF', () => {
    const csv = toCsv({
      columns: ['Year', 'Kazakhstan', 'Central Asia (UN M49)'],
      rows: [
        [2016, 7.139, 1.428],
        [2017, 0, null],
      ],
    });
    expect(csv).toBe('Year,Kazakhstan,Central Asia (UN M49)\r\n2016,7.139,1.428\r\n2017,0,\r\n');
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('Facility/Infrastructure Attack')).toBe('Facility/Infrastructure Attack');
    expect(csvField('Hostage Taking, Barricade')).toBe('"Hostage Taking, Barricade"');
    expect(csvField('the "Front"')).toBe('"the ""Front"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('Казахстан')).toBe('Казахстан');
  });

  it('writes numbers without grouping and leaves empty what is unknown', () => {
    expect(csvField(1234567.5)).toBe('1234567.5');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('reads back as the same table, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 4 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (rows) => {
          const width = Math.min(...rows.map((r) => r.length));
          const table = rows.map((r) => r.slice(0, width));
          const [columns, ...rest] = table as [string[], ...string[][]];
          expect(parseCsv(toCsv({ columns, rows: rest }))).toEqual(table);
        },
      ),
    );
  });
});
