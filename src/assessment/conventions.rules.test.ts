import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSENT_KINDS, INSTRUMENT_KINDS, type InstrumentFact, status } from '../council/treaty.rules.ts';
import {
  CELL_STATUSES,
  CONVENTION_INSTRUMENTS,
  cellStatus,
  latestNote,
  lawProblem,
  noteProblem,
  readList,
  type StateFacts,
  statusRank,
} from './conventions.rules.ts';

const none: StateFacts = { signed: null, instrument: null, inForceFor: null };

describe('cellStatus', () => {
  it('reads the Convention on Countering Extremism for Russia through its life', () => {
    const russia: StateFacts = {
      signed: '2017-06-09',
      instrument: { kind: 'ratification', date: '2019-09-12' },
      inForceFor: '2019-10-12',
    };
    expect(cellStatus(russia, '2017-06-08')).toBe('not-signed');
    expect(cellStatus(russia, '2017-06-09')).toBe('signed');
    expect(cellStatus(russia, '2019-09-12')).toBe('ratified');
    // In force computed for a later day: still only ratified.
    expect(cellStatus(russia, '2019-10-11')).toBe('ratified');
    expect(cellStatus(russia, '2019-10-12')).toBe('in-force');
  });

  it('counts an accession without signature as consent, and nothing as not signed', () => {
    expect(cellStatus({ ...none, instrument: { kind: 'accession', date: '2020-01-01' } }, '2021-01-01')).toBe(
      'ratified',
    );
    expect(cellStatus(none, '2030-01-01')).toBe('not-signed');
  });
});

describe('readList', () => {
  it('keeps the allowed order, folds duplicates and case, and names the unknown', () => {
    expect(readList(undefined, ['CN', 'RU'])).toEqual({ values: ['CN', 'RU'] });
    expect(readList(' , ', ['CN', 'RU'])).toEqual({ values: ['CN', 'RU'] });
    expect(readList('ru,cn,RU', ['CN', 'RU'], (v) => v.toUpperCase())).toEqual({ values: ['CN', 'RU'] });
    expect(readList('RU,XX,YY,XX', ['CN', 'RU'])).toEqual({ problem: 'unknown: XX, YY' });
    expect(readList('convention-countering-extremism-2017', CONVENTION_INSTRUMENTS)).toEqual({
      values: ['convention-countering-extremism-2017'],
    });
  });
});

describe('latestNote', () => {
  it('takes the latest date on or before the day, then the later written', () => {
    const notes = [
      { id: 'a', date: '2020-01-01', createdAt: '2020-01-01T10:00:00Z' },
      { id: 'b', date: '2021-05-01', createdAt: '2021-05-01T09:00:00Z' },
      { id: 'c', date: '2021-05-01', createdAt: '2021-05-02T09:00:00Z' },
      { id: 'd', date: '2023-01-01', createdAt: '2023-01-01T09:00:00Z' },
    ];
    expect(latestNote(notes, '2022-12-31')?.id).toBe('c');
    expect(latestNote(notes, '2020-06-01')?.id).toBe('a');
    expect(latestNote(notes, '2019-01-01')).toBeNull();
  });
});

describe('checks on laws and notes', () => {
  const today = '2025-01-01';
  it('names the field at fault', () => {
    expect(lawProblem({ title: 'Закон', adopted: '2010-05-05' }, today)).toBeNull();
    expect(lawProblem({ adopted: '2010-05-05' }, today)).toMatchObject({ field: 'title' });
    expect(lawProblem({ title: ' ', adopted: '2010-05-05' }, today)).toMatchObject({ field: 'title' });
    expect(lawProblem({ title: 'x', adopted: '2010-02-30' }, today)).toMatchObject({ field: 'adopted' });
    expect(lawProblem({ title: 'x', adopted: '2025-01-02' }, today)).toMatchObject({
      field: 'adopted',
      problem: expect.stringMatching(/after today/),
    });
    expect(lawProblem({ title: 'x', adopted: '2010-05-05', url: 'ftp://x' }, today)).toMatchObject({
      field: 'url',
    });
    expect(lawProblem({ url: null, note: null }, today, true)).toBeNull();
    expect(noteProblem({ text: 'Harmonized in 2019.' }, today)).toBeNull();
    expect(noteProblem({}, today)).toMatchObject({ field: 'text' });
    expect(noteProblem({ text: 'x', date: '2026-01-01' }, today)).toMatchObject({ field: 'date' });
  });
});

// Properties over the Council's own rule of entry into force and any instruments of one state.
const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const acts = fc.array(
  fc.record({
    state: fc.constantFrom('KZ', 'RU', 'CN', 'IN'),
    kind: fc.constantFrom(...INSTRUMENT_KINDS),
    date: day,
  }) as fc.Arbitrary<InstrumentFact>,
  { maxLength: 10 },
);
const rule = fc.constantFrom(
  { kind: 'on-signature' as const },
  { kind: 'after-instruments' as const, days: 30, count: 2 },
  { kind: 'after-all-instruments' as const, days: 30 },
  null,
);
const factsOn = (r: Parameters<typeof status>[0], xs: InstrumentFact[], asOf: string): StateFacts => {
  const own = status(r, xs, ['KZ', 'RU'], asOf).states.find((s) => s.state === 'KZ');
  return {
    signed: own?.signed ?? null,
    instrument: own?.instrument ?? null,
    inForceFor: own?.inForceFor ?? null,
  };
};

describe('properties', () => {
  it('never goes back as time passes', () => {
    fc.assert(
      fc.property(rule, acts, day, day, (r, xs, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(statusRank(cellStatus(factsOn(r, xs, late), late))).toBeGreaterThanOrEqual(
          statusRank(cellStatus(factsOn(r, xs, early), early)),
        );
      }),
    );
  });

  it('says in force exactly when the state is bound on the day, and not signed only without any act', () => {
    fc.assert(
      fc.property(rule, acts, day, (r, xs, asOf) => {
        const facts = factsOn(r, xs, asOf);
        const cell = cellStatus(facts, asOf);
        expect(CELL_STATUSES).toContain(cell);
        expect(cell === 'in-force').toBe(facts.inForceFor !== null && facts.inForceFor <= asOf);
        const acted = xs.some((x) => x.state === 'KZ' && x.date <= asOf);
        expect(cell === 'not-signed').toBe(!acted);
        const consented = xs.some(
          (x) => x.state === 'KZ' && x.date <= asOf && (CONSENT_KINDS as readonly string[]).includes(x.kind),
        );
        if (consented) expect(statusRank(cell)).toBeGreaterThanOrEqual(statusRank('ratified'));
      }),
    );
  });

  it('does not depend on the order of the acts', () => {
    fc.assert(
      fc.property(
        rule,
        acts.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))),
        day,
        (r, [xs, shuffled], asOf) => {
          expect(cellStatus(factsOn(r, shuffled, asOf), asOf)).toBe(cellStatus(factsOn(r, xs, asOf), asOf));
        },
      ),
    );
  });
});
