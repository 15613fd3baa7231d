import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  banded,
  computeIndex,
  rawScore,
  regionSeries,
  weightedScore,
  type YearFigures,
} from './index.rules.ts';

/** The threat index: the hand-worked example of docs/threat-index.md, and its properties. */

const example = new Map<string, Map<number, YearFigures>>([
  [
    'KZ',
    new Map([
      [2016, { incidents: 2, killed: 3, wounded: 4, property: 1 }],
      [2018, { incidents: 1, killed: 0, wounded: 2, property: 0 }],
      [2020, { incidents: 3, killed: 10, wounded: 0, property: 2 }],
    ]),
  ],
  ['KG', new Map([[2020, { incidents: 1, killed: 1, wounded: 0, property: 0 }]])],
]);

/** The rows of the last table of docs/threat-index.md: state, year, raw, weighted, score, change1. */
function documentedRows() {
  const text = readFileSync(resolve(import.meta.dirname, '../../docs/threat-index.md'), 'utf8');
  const table = text.slice(text.lastIndexOf('| state | year | raw |'));
  return table
    .split('\n')
    .slice(2)
    .filter((line) => line.startsWith('| '))
    .map((line) => {
      const [state, year, raw, weighted, score, change1] = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      return {
        state: state as string,
        year: Number(year),
        raw: Number(raw),
        weighted: Number(weighted),
        score: Number(score),
        change1: change1 === '–' ? null : Number(change1),
      };
    });
}

describe('the threat index', () => {
  it('equals the hand-worked example written out in docs/threat-index.md', () => {
    const rows = documentedRows();
    expect(rows.length).toBe(6);
    const { highest, states } = computeIndex(example, ['KZ', 'KG', 'TJ', 'TM', 'UZ'], {
      from: 2016,
      to: 2020,
    });
    expect(highest).toBe(19.839);
    for (const row of rows) {
      const point = states.get(row.state)?.find((p) => p.year === row.year);
      expect(point, `${row.state} ${row.year}`).toMatchObject({
        raw: row.raw,
        weighted: row.weighted,
        score: row.score,
        change1: row.change1,
      });
    }
    const region = regionSeries(['KZ', 'KG', 'TJ', 'TM', 'UZ'].map((s) => states.get(s) ?? []));
    expect(region.find((p) => p.year === 2020)).toMatchObject({ incidents: 4, score: 2.738 });
  });

  const figures = fc.record({
    incidents: fc.nat(50),
    killed: fc.nat(500),
    wounded: fc.nat(500),
    property: fc.nat(150),
  });

  it('never lowers the raw score when an incident, a death, an injury or damage is added', () => {
    fc.assert(
      fc.property(figures, figures, (a, b) => {
        const sum = {
          incidents: a.incidents + b.incidents,
          killed: a.killed + b.killed,
          wounded: a.wounded + b.wounded,
          property: a.property + b.property,
        };
        expect(rawScore(sum)).toBeCloseTo(rawScore(a) + rawScore(b), 9);
        expect(rawScore(sum)).toBeGreaterThanOrEqual(rawScore(a));
      }),
    );
  });

  it('bands onto 0..10, rising with the weighted score, 10 at the highest, 0 at nothing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (x, y) => {
          const highest = Math.max(x, y, 1e-3);
          const [a, b] = [banded(x, highest), banded(y, highest)];
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(10);
          if (x < y) expect(a).toBeLessThanOrEqual(b);
        },
      ),
    );
    expect(banded(0, 5)).toBe(0);
    expect(banded(5, 5)).toBe(10);
  });

  it('weighs the five years 16, 8, 4, 2, 1 and forgets the sixth', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 6, maxLength: 6 }), (raws) => {
        const raw = new Map(raws.map((r, i) => [2020 - i, r]));
        const [r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0] = raws;
        const expected = (16 * r0 + 8 * r1 + 4 * r2 + 2 * r3 + r4) / 31;
        expect(weightedScore(raw, 2020)).toBeCloseTo(expected, 9);
      }),
    );
  });

  it('gives a state the same score whatever period or states are asked for', () => {
    const wide = computeIndex(example, ['KZ', 'KG'], { from: 2010, to: 2025 }).states.get('KZ');
    const narrow = computeIndex(example, ['KZ'], { from: 2019, to: 2019 }).states.get('KZ');
    expect(narrow?.[0]).toEqual(wide?.find((p) => p.year === 2019));
  });
});
