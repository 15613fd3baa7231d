import { describe, expect, it } from 'vitest';
import {
  ATTACK_TYPES,
  GTD_COUNTRIES,
  GTD_REGIONS,
  iso2OfCountry,
  M49,
  TARGET_TYPES,
  unRegionOf,
  WEAPON_TYPES,
} from './gtd.codes.ts';
import { GTD_COLUMN_KINDS, GTD_COLUMNS, GTD_COLUMNS_134 } from './gtd.columns.ts';

describe('GTD columns', () => {
  it('are the 135 of the 2017-era export and the 134 of the older one', () => {
    expect(GTD_COLUMNS).toHaveLength(135);
    expect(GTD_COLUMNS.slice(0, 4)).toEqual(['eventid', 'iyear', 'imonth', 'iday']);
    expect(GTD_COLUMNS.at(-1)).toBe('related');
    expect(GTD_COLUMNS_134).toHaveLength(134);
    expect(GTD_COLUMNS_134).not.toContain('individual');
  });

  it('follow every code with its label', () => {
    GTD_COLUMNS.forEach((name, i) => {
      if (name.endsWith('_txt')) {
        expect(GTD_COLUMN_KINDS[i]).toBe('label');
        expect(GTD_COLUMNS[i - 1]).toBe(name.slice(0, -4));
        expect(GTD_COLUMN_KINDS[i - 1]).toBe('code');
      }
    });
  });
});

describe('GTD code tables', () => {
  it('cover the codebook ranges', () => {
    expect(Object.keys(ATTACK_TYPES)).toHaveLength(9);
    expect(Object.keys(WEAPON_TYPES)).toHaveLength(13);
    expect(Object.keys(TARGET_TYPES)).toHaveLength(22);
    expect(Object.keys(GTD_REGIONS)).toHaveLength(12);
  });

  it('give every UN area a STIX region-ov value', () => {
    for (const area of Object.values(M49)) expect(area.stix).toMatch(/^[a-z-]+$/);
  });
});

describe('places', () => {
  it('resolve GTD country names, GTD spellings and codes to ISO', () => {
    expect(iso2OfCountry(107, 'Kyrgyzstan')).toBe('KG');
    expect(iso2OfCountry(null, 'Bosnia-Herzegovina')).toBe('BA');
    expect(iso2OfCountry(null, 'West Bank and Gaza Strip')).toBe('PS');
    expect(iso2OfCountry(null, 'Ivory Coast')).toBe('CI');
    expect(iso2OfCountry(153, null)).toBe('PK');
    expect(iso2OfCountry(359, 'Soviet Union')).toBeNull();
    // The name decides over the code.
    expect(iso2OfCountry(153, 'India')).toBe('IN');
  });

  it('agree with ISO for every GTD country listed', () => {
    for (const country of GTD_COUNTRIES) expect(iso2OfCountry(null, country.name)).toBe(country.iso2);
  });

  it("map an incident's region by its country, else by its GTD region", () => {
    expect(unRegionOf(7, 'KG')).toEqual({ m49: '143', stix: 'central-asia' });
    expect(unRegionOf(7, 'AM')).toEqual({ m49: '145', stix: 'western-asia' });
    expect(unRegionOf(7, 'GE')?.stix).toBe('western-asia');
    expect(unRegionOf(6, 'PK')?.stix).toBe('southern-asia');
    expect(unRegionOf(10, 'IR')?.stix).toBe('southern-asia');
    expect(unRegionOf(4, 'CN')?.stix).toBe('eastern-asia');
    expect(unRegionOf(7, null)?.stix).toBe('asia');
    expect(unRegionOf(10, null)).toBeNull();
    expect(unRegionOf(null, null)).toBeNull();
  });
});
