import { describe, expect, it } from 'vitest';
import { everyYear, niceCeiling, ticks } from './timeline.model.ts';

describe('incidents per year', () => {
  it('fills the years without incidents between the first and the last', () => {
    const years = everyYear([
      { year: '2019', incidents: 2, killed: 3, wounded: 1 },
      { year: '2016', incidents: 1, killed: 0, wounded: 4 },
    ]);
    expect(years.map((y) => [y.year, y.incidents])).toEqual([
      ['2016', 1],
      ['2017', 0],
      ['2018', 0],
      ['2019', 2],
    ]);
  });

  it('has no bars without years', () => {
    expect(everyYear([])).toEqual([]);
  });

  it('rounds the top of the scale up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 10, 11, 37, 120].map(niceCeiling)).toEqual([1, 1, 5, 10, 10, 20, 50, 200]);
  });

  it('ticks whole numbers from zero to the top', () => {
    expect(ticks(1)).toEqual([0, 1]);
    expect(ticks(2)).toEqual([0, 1, 2]);
    expect(ticks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(50)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(ticks(200)).toEqual([0, 50, 100, 150, 200]);
  });
});
