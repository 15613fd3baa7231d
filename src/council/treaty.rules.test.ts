import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  CONSENT_KINDS,
  type ForceRule,
  forceRuleProblem,
  INSTRUMENT_KINDS,
  type InstrumentContext,
  type InstrumentFact,
  instrumentRefusal,
  status,
} from './treaty.rules.ts';
import { validateInstruments } from './treaty.service.ts';

const DATA_DIR = join(import.meta.dirname, '../../data');
const sig = (state: string, date: string): InstrumentFact => ({ state, kind: 'signature', date });
const rat = (state: string, date: string): InstrumentFact => ({ state, kind: 'ratification', date });
const forState = (life: ReturnType<typeof status>, state: string) =>
  life.states.find((s) => s.state === state);

describe('addDays', () => {
  it('counts calendar days in UTC, across months, years and leap days', () => {
    expect(addDays('2003-08-20', 30)).toBe('2003-09-19');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2019-03-31', 0)).toBe('2019-03-31');
  });
});

describe('status by rule', () => {
  it('on signature: each state is bound from its own signature or accession', () => {
    const acts: InstrumentFact[] = [
      sig('CN', '2001-06-15'),
      sig('RU', '2001-06-16'),
      { state: 'IN', kind: 'accession', date: '2018-01-10' },
    ];
    const life = status({ kind: 'on-signature' }, acts, ['CN', 'RU', 'TJ'], '2020-01-01');
    expect(life).toMatchObject({ inForce: true, since: '2001-06-15', pending: ['TJ'] });
    expect(forState(life, 'RU')?.inForceFor).toBe('2001-06-16');
    expect(forState(life, 'IN')).toEqual({
      state: 'IN',
      signed: null,
      instrument: { kind: 'accession', date: '2018-01-10' },
      inForceFor: '2018-01-10',
    });
    // In 2010 India had done nothing yet: it is not among the states concerned.
    const in2010 = status({ kind: 'on-signature' }, acts, ['CN', 'RU'], '2010-01-01');
    expect(in2010.states.map((s) => s.state)).toEqual(['CN', 'RU']);
  });

  it('after the Mth instrument: N days after it, and N days after their own for later states', () => {
    const rule: ForceRule = { kind: 'after-instruments', days: 30, count: 2 };
    const instruments = [rat('KZ', '2010-03-01'), rat('CN', '2010-01-15'), rat('RU', '2011-05-05')];
    const life = status(rule, instruments, ['CN', 'KZ', 'RU', 'TJ'], '2012-01-01');
    expect(life).toMatchObject({ inForce: true, since: '2010-03-31', pending: ['TJ'] });
    expect(life.states.map((s) => [s.state, s.inForceFor])).toEqual([
      ['CN', '2010-03-31'],
      ['KZ', '2010-03-31'],
      ['RU', '2011-06-04'],
      ['TJ', null],
    ]);
    expect(status(rule, instruments, ['CN', 'KZ'], '2010-03-30')).toMatchObject({
      inForce: false,
      since: '2010-03-31',
    });
    expect(status(rule, instruments, ['CN', 'KZ'], '2010-02-28')).toMatchObject({
      inForce: false,
      since: null,
    });
  });

  it('after all instruments: every party must deposit; a state acceding later is bound N days after its own', () => {
    const rule: ForceRule = { kind: 'after-all-instruments', days: 30 };
    const parties = ['CN', 'KZ', 'RU'];
    const base = [rat('CN', '2008-01-01'), rat('KZ', '2009-02-11')];
    expect(status(rule, base, parties, '2013-01-01')).toMatchObject({ inForce: false, since: null });
    const all = [
      ...base,
      rat('RU', '2012-10-01'),
      { state: 'IN', kind: 'accession' as const, date: '2018-05-01' },
    ];
    const life = status(rule, all, parties, '2019-01-01');
    expect(life).toMatchObject({ inForce: true, since: '2012-10-31', pending: [] });
    expect(forState(life, 'CN')?.inForceFor).toBe('2012-10-31');
    expect(forState(life, 'IN')?.inForceFor).toBe('2018-05-31');
    expect(forState(life, 'IN')?.instrument).toEqual({ kind: 'accession', date: '2018-05-01' });
  });

  it('without a known rule: signatures and instruments, but no entry into force', () => {
    const life = status(null, [sig('CN', '2001-06-15'), rat('CN', '2001-10-27')], ['CN', 'RU'], '2020-01-01');
    expect(life).toMatchObject({ inForce: false, since: null, pending: ['CN', 'RU'] });
    expect(forState(life, 'CN')).toEqual({
      state: 'CN',
      signed: '2001-06-15',
      instrument: { kind: 'ratification', date: '2001-10-27' },
      inForceFor: null,
    });
  });

  it('ignores what is dated after the date asked about', () => {
    const life = status({ kind: 'on-signature' }, [sig('CN', '2001-06-15')], ['CN'], '2001-06-14');
    expect(life).toMatchObject({ inForce: false, since: null, pending: ['CN'] });
    expect(forState(life, 'CN')?.signed).toBeNull();
  });
});

describe('the real documents of data/instruments.json', () => {
  const records = validateInstruments(JSON.parse(readFileSync(join(DATA_DIR, 'instruments.json'), 'utf8')));
  const documents = JSON.parse(readFileSync(join(DATA_DIR, 'documents.json'), 'utf8')) as {
    id: string;
    parties: string[];
    entryIntoForce?: string | null;
  }[];
  const lifeOf = (id: string, asOf: string, rule?: ForceRule) => {
    const record = records.find((r) => r.document === id);
    const doc = documents.find((d) => d.id === id);
    if (!record || !doc) throw new Error(`no ${id}`);
    return status(rule ?? record.rule, record.instruments, doc.parties, asOf);
  };

  it('reproduce the Charter: signed 2002-06-07 in St Petersburg, in force 2003-09-19', () => {
    const life = lifeOf('charter-2002', '2003-09-19');
    expect(life).toMatchObject({ inForce: true, since: '2003-09-19', pending: [] });
    expect(life.states.map((s) => s.state)).toEqual(['CN', 'KG', 'KZ', 'RU', 'TJ', 'UZ']);
    for (const state of life.states) {
      expect(state.signed).toBe('2002-06-07');
      expect(state.instrument?.kind).toBe('ratification');
      expect(state.inForceFor).toBe('2003-09-19');
    }
    expect(lifeOf('charter-2002', '2003-09-18')).toMatchObject({ inForce: false, since: '2003-09-19' });
    expect(lifeOf('charter-2002', '2003-08-19')).toMatchObject({ inForce: false, since: null });
    expect(lifeOf('charter-2002', '2002-06-07').states.every((s) => s.signed === '2002-06-07')).toBe(true);
    // The dates hold under the other reading of the Charter's rule too: 30 days after the last instrument.
    expect(lifeOf('charter-2002', '2003-09-19', { kind: 'after-all-instruments', days: 30 }).since).toBe(
      '2003-09-19',
    );
  });

  it('reproduce the 2007 Treaty (2012-10-31) and the 2017 Convention for Russia (2019-10-12)', () => {
    expect(lifeOf('treaty-good-neighbourliness-2007', '2012-10-31')).toMatchObject({
      inForce: true,
      since: '2012-10-31',
      pending: [],
    });
    expect(lifeOf('treaty-good-neighbourliness-2007', '2012-10-30').inForce).toBe(false);
    const convention = lifeOf('convention-countering-extremism-2017', '2020-01-01');
    expect(forState(convention, 'RU')?.inForceFor).toBe('2019-10-12');
    expect(forState(convention, 'RU')?.signed).toBe('2017-06-09');
    expect(lifeOf('convention-countering-extremism-2017', '2019-10-11').inForce).toBe(false);
  });

  it('agree with the entry-into-force dates the registry holds', () => {
    for (const record of records) {
      const doc = documents.find((d) => d.id === record.document);
      expect(doc, record.document).toBeDefined();
      if (doc?.entryIntoForce) expect(lifeOf(record.document, '2030-01-01').since).toBe(doc.entryIntoForce);
    }
  });
});

describe('checks on a new instrument', () => {
  const context: InstrumentContext = {
    documentDate: '2017-06-09',
    today: '2020-01-01',
    isParty: true,
    mayAccede: false,
    existing: [],
  };
  const refusal = (i: Partial<InstrumentFact>, c: Partial<typeof context> = {}) =>
    instrumentRefusal({ state: 'RU', kind: 'ratification', date: '2019-09-12', ...i }, { ...context, ...c });

  it('accepts a party’s instrument and a permitted accession', () => {
    expect(refusal({})).toBeNull();
    expect(refusal({ state: 'BY', kind: 'accession' }, { isParty: false, mayAccede: true })).toBeNull();
  });

  it('names what is wrong', () => {
    expect(refusal({ date: '2019-02-30' })).toMatchObject({ field: 'date' });
    expect(refusal({ date: '2020-01-02' })).toMatchObject({
      field: 'date',
      problem: expect.stringMatching(/after today/),
    });
    expect(refusal({ date: '2017-06-08' })).toMatchObject({
      field: 'date',
      problem: expect.stringMatching(/before/),
    });
    expect(refusal({ kind: 'veto' as never })).toMatchObject({ field: 'kind' });
    expect(refusal({ state: 'BY' }, { isParty: false, mayAccede: true })).toMatchObject({ field: 'state' });
    expect(refusal({ state: 'BY', kind: 'signature' }, { isParty: false, mayAccede: true })).toMatchObject({
      field: 'state',
    });
    expect(refusal({ state: 'BY', kind: 'accession' }, { isParty: false })).toMatchObject({ field: 'state' });
    expect(refusal({}, { existing: [{ state: 'RU', kind: 'ratification' }] })).toMatchObject({
      type: 'conflict',
    });
    expect(refusal({ kind: 'approval' }, { existing: [{ state: 'RU', kind: 'ratification' }] })).toBeNull();
  });

  it('accepts a date within a document dated only by month or year', () => {
    expect(refusal({ date: '2017-06-01' }, { documentDate: '2017-06' })).toBeNull();
    expect(refusal({ date: '2017-05-31' }, { documentDate: '2017-06' })).toMatchObject({ field: 'date' });
  });

  it('checks rules', () => {
    expect(forceRuleProblem({ kind: 'on-signature' })).toBeNull();
    expect(forceRuleProblem({ kind: 'after-instruments', days: 30, count: 4 })).toBeNull();
    expect(forceRuleProblem({ kind: 'after-instruments', days: 30, count: 0 })).toMatch(/count/);
    expect(forceRuleProblem({ kind: 'after-all-instruments', days: -1 })).toMatch(/days/);
    expect(forceRuleProblem({ kind: 'after-all-instruments', days: 1.5 })).toMatch(/days/);
  });
});

// Properties over any rule, any instruments of a few states, any parties and any date.
const STATES = ['CN', 'IN', 'KG', 'KZ', 'RU', 'TJ', 'UZ'];
const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const instrument: fc.Arbitrary<InstrumentFact> = fc.record({
  state: fc.constantFrom(...STATES),
  kind: fc.constantFrom(...INSTRUMENT_KINDS),
  date: day,
});
const consent: fc.Arbitrary<InstrumentFact> = fc.record({
  state: fc.constantFrom(...STATES),
  kind: fc.constantFrom(...CONSENT_KINDS),
  date: day,
});
const days = fc.integer({ min: 0, max: 400 });
const rule: fc.Arbitrary<ForceRule> = fc.oneof(
  fc.constant({ kind: 'on-signature' as const }),
  fc.record({ kind: fc.constant('after-instruments' as const), days, count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('after-all-instruments' as const), days }),
);
const instruments = fc.array(instrument, { maxLength: 12 });
const parties = fc.subarray(STATES, { minLength: 1 });

/** Is `after` no later than `before`, where null means "never"? */
const noLater = (after: string | null, before: string | null) =>
  before === null || (after !== null && after <= before);

describe('properties', () => {
  it('adding an instrument never moves an entry into force later, overall or for any state', () => {
    fc.assert(
      fc.property(rule, instruments, instrument, parties, day, (r, xs, extra, ps, asOf) => {
        const before = status(r, xs, ps, asOf);
        const after = status(r, [...xs, extra], ps, asOf);
        expect(noLater(after.since, before.since)).toBe(true);
        for (const s of before.states) {
          expect(noLater(forState(after, s.state)?.inForceFor ?? null, s.inForceFor)).toBe(true);
        }
      }),
    );
  });

  it('under after-instruments, a state is never in force before its own instrument (plus the days)', () => {
    fc.assert(
      fc.property(
        fc.record({ days, count: fc.integer({ min: 1, max: 5 }) }),
        fc.array(consent, { maxLength: 12 }),
        parties,
        day,
        ({ days: n, count }, xs, ps, asOf) => {
          const life = status({ kind: 'after-instruments', days: n, count }, xs, ps, asOf);
          for (const s of life.states) {
            if (s.inForceFor === null) continue;
            expect(s.instrument).not.toBeNull();
            expect(s.inForceFor >= addDays(s.instrument?.date ?? '', n)).toBe(true);
            expect(s.inForceFor >= (life.since ?? '')).toBe(true);
          }
        },
      ),
    );
  });

  it('does not depend on the order of the instruments', () => {
    fc.assert(
      fc.property(
        rule,
        instruments.chain((xs) =>
          fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length })),
        ),
        parties,
        day,
        (r, [xs, shuffled], ps, asOf) => {
          expect(status(r, shuffled, ps, asOf)).toEqual(status(r, xs, ps, asOf));
        },
      ),
    );
  });

  it('is in force exactly from its entry into force, and only unbound states are pending', () => {
    fc.assert(
      fc.property(rule, instruments, parties, day, (r, xs, ps, asOf) => {
        const life = status(r, xs, ps, asOf);
        expect(life.inForce).toBe(life.since !== null && life.since <= asOf);
        for (const s of life.states) {
          expect(life.pending.includes(s.state)).toBe(s.inForceFor === null || s.inForceFor > asOf);
        }
        expect(
          status(
            r,
            xs.filter((x) => x.date <= asOf),
            ps,
            asOf,
          ),
        ).toEqual(life);
      }),
    );
  });
});
