import { describe, expect, it } from 'vitest';
import type { StatusPeriod } from '../../api/types.ts';
import {
  cbrnTable,
  defaultPeriod,
  formKey,
  formsTable,
  largestValue,
  scoSpace,
  trendTable,
  yearValues,
} from './dashboard.model.ts';
import type { FormsView, IndexPoint, IndexView } from './types.ts';

const point = (year: number, incidents: number, killed: number, score: number): IndexPoint => ({
  year,
  incidents,
  killed,
  wounded: 0,
  property: 0,
  raw: 0,
  weighted: 0,
  score,
  change1: null,
  change5: null,
});

const index: IndexView = {
  period: { from: 2016, to: 2018 },
  highestWeighted: 19.839,
  method: 'docs/threat-index.md',
  states: [
    {
      code: 'KZ',
      name: 'Kazakhstan',
      series: [point(2016, 2, 3, 7.139), point(2017, 0, 0, 5.214), point(2018, 1, 0, 4.538)],
    },
    {
      code: 'KG',
      name: 'Kyrgyzstan',
      series: [point(2016, 0, 0, 0), point(2017, 0, 0, 0), point(2018, 4, 9, 3.1)],
    },
  ],
  region: {
    id: 'central-asia',
    name: 'Central Asia (UN M49)',
    states: ['KZ', 'KG', 'TJ', 'TM', 'UZ'],
    series: [point(2016, 2, 3, 1.428), point(2017, 0, 0, 1.043), point(2018, 5, 9, 1.528)],
  },
};

const names: Record<string, string> = { KZ: 'Kazakhstan', KG: 'Kyrgyzstan' };
const nameOf = (code: string) => names[code] ?? code;

describe('the dashboard’s figures', () => {
  it('gives each state’s value of the measure in a year', () => {
    expect(yearValues(index, 2018, 'index')).toEqual(
      new Map([
        ['KZ', 4.538],
        ['KG', 3.1],
      ]),
    );
    expect(yearValues(index, 2018, 'deaths').get('KG')).toBe(9);
    expect(yearValues(index, 2030, 'incidents').size).toBe(0);
  });

  it('finds the largest value of the period, for the colour scale', () => {
    expect(largestValue(index, 'index')).toBe(7.139);
    expect(largestValue(index, 'incidents')).toBe(4);
    expect(largestValue(index, 'deaths')).toBe(9);
  });

  it('makes the trend table: a column per state and the region last', () => {
    expect(trendTable(index, 'index', { year: 'Year', nameOf, region: 'Central Asia' })).toEqual({
      columns: ['Year', 'Kazakhstan', 'Kyrgyzstan', 'Central Asia'],
      rows: [
        [2016, 7.139, 0, 1.428],
        [2017, 5.214, 0, 1.043],
        [2018, 4.538, 3.1, 1.528],
      ],
    });
    const { region: _, ...statesOnly } = index;
    expect(trendTable(statesOnly, 'incidents', { year: 'Year', nameOf }).columns).toEqual([
      'Year',
      'Kazakhstan',
      'Kyrgyzstan',
    ]);
  });

  const forms: FormsView = {
    by: 'weapon',
    period: { from: 2017, to: 2018 },
    states: ['KZ'],
    categories: ['Explosives', 'Firearms', 'Incendiary', 'Melee', 'Chemical', 'Unknown', 'Nuclear'].map(
      (name, i) => ({
        name,
        cbrn: name === 'Chemical' || name === 'Nuclear',
        total: { incidents: name === 'Nuclear' ? 0 : 10 - i, killed: 0, wounded: 0 },
        series: [
          { year: 2017, incidents: name === 'Nuclear' ? 0 : 10 - i, killed: 0, wounded: 0 },
          { year: 2018, incidents: 0, killed: 0, wounded: 0 },
        ],
      }),
    ),
    cbrn: [
      { year: 2017, incidents: 6 },
      { year: 2018, incidents: 0 },
    ],
  };

  it('keeps the largest forms and every CBRN weapon that occurred, and sums the rest', () => {
    const table = formsTable(
      forms,
      'incidents',
      { year: 'Year', other: 'Other', nameOf: (name, cbrn) => (cbrn ? `${name} (CBRN)` : name) },
      3,
    );
    expect(table.columns).toEqual([
      'Year',
      'Explosives',
      'Firearms',
      'Incendiary',
      'Chemical (CBRN)',
      'Other',
    ]);
    // Melee 7 and Unknown 5 are the rest; Nuclear never occurred.
    expect(table.rows).toEqual([
      [2017, 10, 9, 8, 6, 12],
      [2018, 0, 0, 0, 0, 0],
    ]);
  });

  it('leaves out the "other" column when every form is shown', () => {
    const table = formsTable(forms, 'incidents', { year: 'Year', other: 'Other', nameOf: (n) => n }, 10);
    expect(table.columns).not.toContain('Other');
    expect(table.columns).toHaveLength(7);
  });

  it('makes the CBRN table from the answer’s CBRN series', () => {
    expect(cbrnTable(forms, { year: 'Year', incidents: 'CBRN incidents' })).toEqual({
      columns: ['Year', 'CBRN incidents'],
      rows: [
        [2017, 6],
        [2018, 0],
      ],
    });
  });

  it('opens on the ten years up to the last year with an incident', () => {
    expect(defaultPeriod(index, 2026)).toEqual({ from: 2009, to: 2018 });
    expect(defaultPeriod(undefined, 2026)).toEqual({ from: 2017, to: 2026 });
  });

  it('places a state in the SCO space by its status at the end of the year', () => {
    const period = (status: StatusPeriod['status'], from: string, to: string | null): StatusPeriod => ({
      status,
      from,
      to,
      how: '',
      confidence: 'confirmed',
      sources: [],
    });
    const states = [
      {
        code: 'IN',
        statuses: [period('observer', '2005-07-05', '2017-06-09'), period('member', '2017-06-09', null)],
      },
      {
        code: 'BY',
        statuses: [
          period('dialogue-partner', '2009-06-16', '2015-07-10'),
          period('observer', '2015-07-10', '2024-07-04'),
          period('member', '2024-07-04', null),
        ],
      },
      { code: 'EG', statuses: [period('dialogue-partner', '2022-09-16', null)] },
    ];
    expect(scoSpace(states, 2016)).toEqual(
      new Map([
        ['IN', 'observer'],
        ['BY', 'observer'],
      ]),
    );
    expect(scoSpace(states, 2024).get('BY')).toBe('member');
    expect(scoSpace(states, 2024).get('EG')).toBe('dialogue-partner');
  });

  it('turns a GTD form into a resource key', () => {
    expect(formKey('Bombing/Explosion')).toBe('bombing-explosion');
    expect(formKey('Hostage Taking (Kidnapping)')).toBe('hostage-taking-kidnapping');
    expect(formKey('drug-trafficking')).toBe('drug-trafficking');
  });
});
