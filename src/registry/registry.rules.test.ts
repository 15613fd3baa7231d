import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, holdsOn, isIsoDate, periodOn, statusEventTitle } from './registry.rules.ts';

const day = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('status periods', () => {
  it('hold from their first day up to, not including, their end', () => {
    const observer = { status: 'observer', from: '2005-07-05', to: '2017-06-09' };
    expect(holdsOn(observer, '2005-07-04')).toBe(false);
    expect(holdsOn(observer, '2005-07-05')).toBe(true);
    expect(holdsOn(observer, '2017-06-08')).toBe(true);
    expect(holdsOn(observer, '2017-06-09')).toBe(false);
    expect(holdsOn({ status: 'member', from: '2017-06-09', to: null }, '2099-01-01')).toBe(true);
  });

  it('give exactly one status on any day covered by back-to-back periods', () => {
    fc.assert(
      fc.property(fc.uniqueArray(day, { minLength: 2, maxLength: 6 }), day, (bounds, probe) => {
        const sorted = [...bounds].sort();
        const periods = sorted
          .slice(0, -1)
          .map((from, i) => ({ status: `s${i}`, from, to: sorted[i + 1] ?? null }));
        const holding = periods.filter((p) => holdsOn(p, probe));
        const first = sorted[0] as string;
        const last = sorted[sorted.length - 1] as string;
        expect(holding.length).toBe(probe >= first && probe < last ? 1 : 0);
        expect(periodOn(periods, probe)).toBe(holding[0] ?? null);
      }),
    );
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2016-13-01')).toBe(false);
    expect(isIsoDate('2016-1-01')).toBe(false);
    expect(isIsoDate('yesterday')).toBe(false);
  });

  it('agrees with the date it formats', () => {
    fc.assert(fc.property(day, (d) => isIsoDate(d)));
  });
});

describe('foldForSearch', () => {
  it('matches case-insensitively in Russian and keeps Chinese as it is', () => {
    expect(foldForSearch('ХАРТИЯ Шанхайской')).toBe('хартия шанхайской');
    expect(foldForSearch('Объединённых')).toBe('объединенных');
    expect(foldForSearch('上海合作组织宪章')).toBe('上海合作组织宪章');
    expect(foldForSearch('  Charter \n of  the SCO ')).toBe('charter of the sco');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (text) => foldForSearch(foldForSearch(text)) === foldForSearch(text)));
  });
});

describe('chronology titles', () => {
  it('speak the three languages and fall back to English names', () => {
    const title = statusEventTitle('member', { en: 'India', ru: 'Индия' });
    expect(title.en).toBe('India becomes a member state');
    expect(title.ru).toContain('Индия');
    expect(title.zh).toContain('India');
  });
});
