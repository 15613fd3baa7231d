import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chairOn,
  holds,
  type Member,
  nextDay,
  predictNext,
  RUSSIAN_NAMES,
  rotationKind,
  russianOrder,
  type Term,
  termFaults,
} from './chairmanship.rules.ts';
import { type ChairTermRecord, chairmanshipFaults } from './chairmanship.schema.ts';

const readData = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8'));
const raw = readData('chairmanship.json');
const terms = raw as ChairTermRecord[];

/** The summits of the Council of Heads of State, 1996–2025, from the reference fact sheet: year, last day, host. */
const SUMMITS: [number, string, string][] = [
  [1996, '1996-04-26', 'CN'],
  [1997, '1997-04-24', 'RU'],
  [1998, '1998-07-03', 'KZ'],
  [1999, '1999-08-25', 'KG'],
  [2000, '2000-07-05', 'TJ'],
  [2001, '2001-06-15', 'CN'],
  [2002, '2002-06-07', 'RU'],
  [2003, '2003-05-29', 'RU'],
  [2004, '2004-06-17', 'UZ'],
  [2005, '2005-07-05', 'KZ'],
  [2006, '2006-06-15', 'CN'],
  [2007, '2007-08-16', 'KG'],
  [2008, '2008-08-28', 'TJ'],
  [2009, '2009-06-16', 'RU'],
  [2010, '2010-06-11', 'UZ'],
  [2011, '2011-06-15', 'KZ'],
  [2012, '2012-06-07', 'CN'],
  [2013, '2013-09-13', 'KG'],
  [2014, '2014-09-12', 'TJ'],
  [2015, '2015-07-10', 'RU'],
  [2016, '2016-06-24', 'UZ'],
  [2017, '2017-06-09', 'KZ'],
  [2018, '2018-06-10', 'CN'],
  [2019, '2019-06-14', 'KG'],
  [2020, '2020-11-10', 'RU'],
  [2021, '2021-09-17', 'TJ'],
  [2022, '2022-09-16', 'UZ'],
  [2023, '2023-07-04', 'IN'],
  [2024, '2024-07-04', 'KZ'],
  [2025, '2025-09-01', 'CN'],
];

/** The ten members with the day each joined (the Shanghai Five's founders from 1996), per the fact sheet. */
const JOINED: Record<string, string> = {
  CN: '1996-04-26',
  KZ: '1996-04-26',
  KG: '1996-04-26',
  RU: '1996-04-26',
  TJ: '1996-04-26',
  UZ: '2001-06-15',
  IN: '2017-06-09',
  PK: '2017-06-09',
  IR: '2023-07-04',
  BY: '2024-07-04',
};
const MEMBERS: Member[] = Object.entries(JOINED).map(([code, from]) => ({
  code,
  from,
  nameRu: RUSSIAN_NAMES[code] ?? code,
}));

describe('data/chairmanship.json', () => {
  it('matches its schema, and a fault names its record and field', () => {
    expect(chairmanshipFaults(raw)).toEqual([]);
    const broken = structuredClone(terms) as unknown as Record<string, unknown>[];
    Object.assign(broken[7] ?? {}, { from: '2002-6-8', chair: 'KZ' });
    delete broken[9]?.sources;
    const faults = chairmanshipFaults(broken);
    expect(faults).toHaveLength(2);
    expect(faults[0]).toMatch(/record 7 \(KZ from 2002-6-8\), field from/);
    expect(faults[1]).toMatch(/record 9 \(KZ from 2004-06-18\), field sources/);
    expect(chairmanshipFaults([{ ...terms[0], chair: 'CN' }])[0]).toContain(
      'field chair: is not a known field',
    );
  });

  it('reproduces the chairs of all 30 summits: the host, except Kazakhstan chairing in Moscow in 2003', () => {
    expect(terms).toHaveLength(SUMMITS.length + 1);
    SUMMITS.forEach(([year, end, host], i) => {
      const term = terms[i];
      expect(term?.summit).toBe(`chs-${year}`);
      expect(term?.state).toBe(year === 2003 ? 'KZ' : host);
      expect(term?.to).toBe(nextDay(end));
      expect(chairOn(terms, end)?.state).toBe(term?.state);
    });
    expect(terms.filter((term, i) => term.state !== SUMMITS[i]?.[2]).map((term) => term.summit)).toEqual([
      'chs-2003',
      null,
    ]);
  });

  it('agrees with the summits of the registry (data/summits.json)', () => {
    const summits = readData('summits.json') as { id: string; end: string; chair: string }[];
    for (const summit of summits) {
      const term = terms.find((t) => t.summit === summit.id);
      expect(term, summit.id).toMatchObject({ state: summit.chair, to: nextDay(summit.end) });
    }
  });

  it('answers who chaired on a date', () => {
    expect(chairOn(terms, '1996-04-25')).toBeNull();
    expect(chairOn(terms, '2002-01-01')?.state).toBe('RU');
    expect(chairOn(terms, '2003-05-29')?.state).toBe('KZ');
    expect(chairOn(terms, '2003-05-29T23:59:59Z')?.state).toBe('KZ');
    expect(chairOn(terms, '2003-05-30')?.state).toBe('UZ');
    expect(chairOn(terms, '2025-06-01')?.state).toBe('CN');
    expect(chairOn(terms, '2025-09-01')?.state).toBe('CN');
    expect(chairOn(terms, '2025-09-02')).toMatchObject({ state: 'KG', to: null, summit: null });
  });

  it('has contiguous terms, marks rotation by the order, and explains every exception', () => {
    expect(termFaults(terms)).toEqual([]);
    terms.forEach((term, i) => {
      expect(term.how, `${term.state} from ${term.from}`).toBe(rotationKind(terms, i, MEMBERS));
      if (term.how === 'exception') expect(term.notes, `${term.state} from ${term.from}`).toBeTruthy();
    });
  });

  it('never has two chairs on one day', () => {
    const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, (d) => {
        const iso = d.toISOString().slice(0, 10);
        const holding = terms.filter((term) => holds(term, iso));
        expect(holding.length).toBeLessThanOrEqual(1);
        expect(chairOn(terms, iso)).toBe(holding[0] ?? null);
      }),
    );
  });
});

describe('chairmanship rules', () => {
  it('predicts the next chair by Russian alphabetical order, wrapping around', () => {
    // Беларусь, Индия, Иран, Казахстан, Китай, Кыргызстан, Пакистан, Россия, Таджикистан, Узбекистан:
    // "Кы" sorts after "Ки", so Кыргызстан follows Китай — Kyrgyzstan after China 2025, as Tianjin decided.
    expect(russianOrder(MEMBERS).map((m) => m.code)).toEqual([
      'BY',
      'IN',
      'IR',
      'KZ',
      'CN',
      'KG',
      'PK',
      'RU',
      'TJ',
      'UZ',
    ]);
    expect(predictNext(terms, MEMBERS, '2025-06-01')?.code).toBe('KG');
    expect(predictNext(terms, MEMBERS, '2026-01-01')?.code).toBe('PK');
    // Uzbekistan chaired in 2022 among eight members: the order wraps to Индия, which chaired in 2023.
    expect(predictNext(terms, MEMBERS, '2022-01-01')?.code).toBe('IN');
    // The spelling matters: "Киргизия" sorts before "Китай", and China would be followed by Pakistan.
    const older = MEMBERS.map((m) => (m.code === 'KG' ? { ...m, nameRu: 'Киргизия' } : m));
    expect(predictNext(terms, older, '2025-06-01')?.code).toBe('PK');
  });

  it('predicts nothing with no chair on the date, or a chair outside the members given', () => {
    expect(predictNext(terms, MEMBERS, '1995-01-01')).toBeNull();
    expect(
      predictNext(
        terms,
        MEMBERS.filter((m) => m.code !== 'CN'),
        '2025-06-01',
      ),
    ).toBeNull();
  });

  const sequence = fc
    .uniqueArray(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 30 })
    .map((offsets) => {
      const ends = [...offsets]
        .sort((a, b) => a - b)
        .map((o) => nextDay(new Date(Date.UTC(1996, 0, o)).toISOString()));
      const built: Term[] = [];
      let from = '1995-12-31';
      for (const [i, end] of ends.entries()) {
        built.push({ state: ['CN', 'KZ', 'KG'][i % 3] as string, from, to: end });
        from = end;
      }
      return built;
    });

  it('sees no fault in contiguous terms and finds exactly one chair on any day within them', () => {
    fc.assert(
      fc.property(sequence, fc.integer({ min: 0, max: 20_000 }), (built, offset) => {
        expect(termFaults(built)).toEqual([]);
        const day = new Date(Date.UTC(1996, 0, offset)).toISOString().slice(0, 10);
        const holding = built.filter((term) => holds(term, day));
        const last = built[built.length - 1];
        const within = built[0] !== undefined && built[0].from <= day && last?.to != null && day < last.to;
        expect(holding).toHaveLength(within ? 1 : 0);
        expect(chairOn(built, day)).toBe(holding[0] ?? null);
      }),
    );
  });

  it('reports a term that starts before the previous one ends as an overlap', () => {
    fc.assert(
      fc.property(sequence, fc.nat(), (built, n) => {
        fc.pre(built.length > 1);
        const i = 1 + (n % (built.length - 1));
        const shifted = built.map((term, j) =>
          j === i ? { ...term, from: built[i - 1]?.from ?? term.from } : term,
        );
        expect(termFaults(shifted).join('\n')).toContain(`term ${i}`);
      }),
    );
  });
});
