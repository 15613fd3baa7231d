import type { Measure } from './types.ts';

/**
 * The map's colour scale: five classes of equal width from light to dark (a sequential,
 * colour-blind-safe orange-red ramp), and a separate pale colour for zero, so "nothing happened"
 * never looks like "a little". The index has fixed classes (0–2, 2–4, … 8–10) so maps of different
 * years and selections compare; counts get round class limits from the largest value of the period.
 * Pure, so it is tested without a browser.
 */

/** Light to dark; each step is clearly darker than the one before. */
export const CLASS_COLOURS = ['#fdd49e', '#fdae6b', '#f16913', '#c9400a', '#7f2704'] as const;
/** A value of zero. */
export const ZERO_COLOUR = '#fbf3e4';
/** A state of the SCO space that is not among the chosen ones. */
export const SPACE_COLOUR = '#c9d6e3';
/** Every other country. */
export const OTHER_COLOUR = '#e4e4e4';

export interface LegendClass {
  colour: string;
  /** Exclusive lower limit (zero is its own class, from 0 to 0). */
  from: number;
  /** Inclusive upper limit. */
  to: number;
}

export interface ColourScale {
  /** The class limits, from 0 to the top: one more than the classes. */
  breaks: number[];
  /** The class of a value: -1 for zero (or less), else 0 to 4. */
  classOf(value: number): number;
  colourOf(value: number): string;
  /** Zero first, then each class. */
  legend: LegendClass[];
}

/**
 * The smallest whole number at or above `value` that is 1, 2, 2.5 or 5 times a power of ten (at
 * least 1; 2.5 only from 25 up, so counts stay whole).
 */
export function niceStep(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * power;
    if (candidate >= value && Number.isInteger(candidate)) return candidate;
  }
  return 10 * power;
}

/**
 * The scale for a measure whose largest value in the period is `largest`: the index uses 0–10
 * in five classes; counts use five classes of a round width that reaches `largest` (whole numbers,
 * at least 1 wide).
 */
export function colourScale(measure: Measure, largest: number): ColourScale {
  const classes = CLASS_COLOURS.length;
  const width = measure === 'index' ? 10 / classes : niceStep(Math.max(0, largest) / classes);
  const breaks = Array.from({ length: classes + 1 }, (_, i) => Math.round(i * width * 1000) / 1000);
  const classOf = (value: number) => {
    if (!(value > 0)) return -1;
    const index = breaks.findIndex((limit, i) => i > 0 && value <= limit);
    return index === -1 ? classes - 1 : index - 1;
  };
  return {
    breaks,
    classOf,
    colourOf: (value) => {
      const index = classOf(value);
      return index < 0 ? ZERO_COLOUR : (CLASS_COLOURS[index] as string);
    },
    legend: [
      { colour: ZERO_COLOUR, from: 0, to: 0 },
      ...CLASS_COLOURS.map((colour, i) => ({
        colour,
        from: breaks[i] as number,
        to: breaks[i + 1] as number,
      })),
    ],
  };
}

/**
 * A legend class's label: "0" for zero; the index's classes as "2–4" (over 2, up to 4); counts as
 * the whole numbers they hold ("11–20", or "3" for a class one wide).
 */
export function legendLabel(item: LegendClass, measure: Measure, format: (value: number) => string): string {
  if (item.to === 0) return format(0);
  if (measure === 'index') return `${format(item.from)}–${format(item.to)}`;
  const first = Math.floor(item.from) + 1;
  return first >= item.to ? format(item.to) : `${format(first)}–${format(item.to)}`;
}
