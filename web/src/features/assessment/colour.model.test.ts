import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASS_COLOURS, colourScale, legendLabel, niceStep, ZERO_COLOUR } from './colour.model.ts';

describe('the map colour scale', () => {
  it('gives the index fixed classes of two points', () => {
    const scale = colourScale('index', 3.2);
    expect(scale.breaks).toEqual([0, 2, 4, 6, 8, 10]);
    expect(scale.colourOf(0)).toBe(ZERO_COLOUR);
    expect(scale.colourOf(0.01)).toBe(CLASS_COLOURS[0]);
    expect(scale.colourOf(2)).toBe(CLASS_COLOURS[0]);
    expect(scale.colourOf(2.001)).toBe(CLASS_COLOURS[1]);
    expect(scale.colourOf(10)).toBe(CLASS_COLOURS[4]);
  });

  it('gives counts round classes that reach the largest value', () => {
    expect(colourScale('incidents', 47).breaks).toEqual([0, 10, 20, 30, 40, 50]);
    expect(colourScale('deaths', 1230).breaks).toEqual([0, 250, 500, 750, 1000, 1250]);
    expect(colourScale('incidents', 3).breaks).toEqual([0, 1, 2, 3, 4, 5]);
    expect(colourScale('incidents', 0).breaks).toEqual([0, 1, 2, 3, 4, 5]);
    expect(colourScale('incidents', 12).breaks).toEqual([0, 5, 10, 15, 20, 25]);
  });

  it('lists zero first in the legend, then each class with its limits', () => {
    const legend = colourScale('incidents', 47).legend;
    expect(legend[0]).toEqual({ colour: ZERO_COLOUR, from: 0, to: 0 });
    expect(legend[1]).toEqual({ colour: CLASS_COLOURS[0], from: 0, to: 10 });
    expect(legend.at(-1)).toEqual({ colour: CLASS_COLOURS[4], from: 40, to: 50 });
  });

  it('never gives a larger value a lighter class', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('index', 'incidents', 'deaths' as const),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (measure, largest, a, b) => {
          const scale = colourScale(measure, largest);
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(scale.classOf(low)).toBeLessThanOrEqual(scale.classOf(high));
        },
      ),
    );
  });

  it('puts every value up to the largest inside the top class limit', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 10_000_000 })),
        (largest) => {
          const scale = colourScale('incidents', largest);
          expect(scale.breaks.at(-1)).toBeGreaterThanOrEqual(largest);
          expect(scale.breaks.every((limit) => Number.isInteger(limit))).toBe(true);
        },
      ),
    );
  });

  it('rounds class widths up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.3, 1, 1.5, 2.4, 3, 7, 11, 24, 26].map(niceStep)).toEqual([1, 1, 2, 5, 5, 10, 20, 25, 50]);
  });

  it('labels the legend’s classes by the values they hold', () => {
    const format = (value: number) => String(value);
    const index = colourScale('index', 10).legend.map((item) => legendLabel(item, 'index', format));
    expect(index).toEqual(['0', '0–2', '2–4', '4–6', '6–8', '8–10']);
    const counts = colourScale('incidents', 47).legend.map((item) => legendLabel(item, 'incidents', format));
    expect(counts).toEqual(['0', '1–10', '11–20', '21–30', '31–40', '41–50']);
    const ones = colourScale('deaths', 4).legend.map((item) => legendLabel(item, 'deaths', format));
    expect(ones).toEqual(['0', '1', '2', '3', '4', '5']);
  });
});
