import { describe, expect, it } from 'vitest';
import { GtdFields } from './gtd.fields.ts';
import { gtdRow } from './gtd.fixtures.ts';
import { type GtdFault, GtdNormalizer, normalizeGtd } from './gtd.normalize.rules.ts';

function normalize(overrides: Record<string, string> = {}) {
  const faults: GtdFault[] = [];
  const record = normalizeGtd(GtdFields.of(gtdRow(overrides)), faults);
  return { record, faults };
}

describe('normalizeGtd', () => {
  it('reads a plain row into codes with their labels, unknowns as null', () => {
    const { record, faults } = normalize();
    expect(faults).toEqual([]);
    expect(record).toMatchObject({
      eventId: '201401010001',
      date: { year: 2014, month: 1, day: 1, precision: 'day' },
      country: { code: 153, name: 'Pakistan', iso2: 'PK' },
      region: { code: 6, name: 'South Asia', m49: '034', stix: 'southern-asia' },
      city: 'Karachi',
      latitude: 24.86,
      attackTypes: [{ code: 3, name: 'Bombing/Explosion' }],
      targetTypes: [
        { code: 14, subtype: null, target: 'Market', nationality: { code: 153, name: 'Pakistan' } },
      ],
      weaponTypes: [{ code: 6, name: 'Explosives', subtype: { code: 16, name: 'Unknown Explosive Type' } }],
      perpetrators: [],
      killed: 2,
      propertyExtent: { code: 3, name: 'Minor (likely < $1 million)' },
      propertyValue: null,
      sources: ['Example Daily, "Blast in Karachi," January 2, 2014.'],
      cbrn: { chemical: false, biological: false, radiological: false, nuclear: false },
    });
    expect(record?.approxDate).toBeNull();
    expect(record?.summary).toBeNull();
  });

  it('keeps -9, -99 and empty as unknown, never as a number', () => {
    const { record, faults } = normalize({
      doubtterr: '-9',
      claimed: '-9',
      property: '-9',
      nkill: '',
      nwound: '-99',
      nhostkid: '-99',
      ishostkid: '-9',
      specificity: '-9',
      propvalue: '-99',
    });
    expect(faults).toEqual([]);
    expect(record).toMatchObject({
      criteria: { doubtterr: null },
      claimed: null,
      property: null,
      killed: null,
      wounded: null,
      specificity: null,
      propertyValue: null,
      hostages: { taken: null, count: null, outcome: null },
    });
  });

  it('treats -9 and -99 as real places in coordinates', () => {
    const { record } = normalize({ latitude: '-9', longitude: '-99' });
    expect(record?.latitude).toBe(-9);
    expect(record?.longitude).toBe(-99);
  });

  it('lowers the date precision for an unknown day or month', () => {
    expect(normalize({ iday: '0' }).record?.date).toEqual({
      year: 2014,
      month: 1,
      day: null,
      precision: 'month',
    });
    expect(normalize({ imonth: '0', iday: '0' }).record?.date).toEqual({
      year: 2014,
      month: null,
      day: null,
      precision: 'year',
    });
    // A day without a month says nothing.
    expect(normalize({ imonth: '0', iday: '12' }).record?.date.precision).toBe('year');
    expect(normalize({ imonth: '2', iday: '29', iyear: '2016' }).record?.date.precision).toBe('day');
  });

  it('names the column of a day that does not exist and keeps the month', () => {
    const { record, faults } = normalize({ imonth: '2', iday: '29', iyear: '2015' });
    expect(faults).toEqual([{ column: 'iday', problem: 'no such day in 2015-02: "29"' }]);
    expect(record?.date).toEqual({ year: 2015, month: 2, day: null, precision: 'month' });
    expect(record?.extra.iday).toBe('29');
  });

  it('gives no record without a readable eventid or iyear, and says why', () => {
    expect(normalize({ iyear: '19x7' })).toEqual({
      record: null,
      faults: [{ column: 'iyear', problem: 'not an integer: "19x7"' }],
    });
    expect(normalize({ eventid: '2.01401E+11' }).faults).toEqual([
      { column: 'eventid', problem: 'not 12 digits: "2.01401E+11"' },
    ]);
    expect(normalize({ eventid: '' }).faults).toEqual([{ column: 'eventid', problem: 'missing' }]);
  });

  it('keeps a record when another value is unreadable, with the raw text in extra', () => {
    const { record, faults } = normalize({ nkill: 'many', latitude: '-86185896', success: '2' });
    expect(faults.map((f) => f.column)).toEqual(['latitude', 'success', 'nkill']);
    expect(record?.killed).toBeNull();
    expect(record?.latitude).toBeNull();
    expect(record?.extra).toMatchObject({ nkill: 'many', latitude: '-86185896', success: '2' });
  });

  it('accepts codes written as decimals by spreadsheet tools', () => {
    const { record, faults } = normalize({ attacktype1: '3.0', nkill: '4.0', imonth: '1.00' });
    expect(faults).toEqual([]);
    expect(record?.attackTypes[0]?.code).toBe(3);
    expect(record?.killed).toBe(4);
  });

  it('lists perpetrators without "Unknown", with their sub-names and doubt', () => {
    const { record } = normalize({
      gname: 'Unknown',
      gname2: 'Zarvel Front',
      gsubname2: 'Northern wing',
      guncertain2: '1',
      gname3: 'Jamaat Kurtash',
    });
    expect(record?.perpetrators).toEqual([
      { name: 'Zarvel Front', subname: 'Northern wing', uncertain: true },
      { name: 'Jamaat Kurtash', subname: null, uncertain: null },
    ]);
  });

  it('flags CBRN from any of the four weapon types', () => {
    const { record } = normalize({
      weaptype2: '2',
      weaptype2_txt: 'Chemical',
      weaptype3: '1',
      weaptype3_txt: 'Biological',
      weaptype4: '4',
      weaptype4_txt: 'Nuclear',
    });
    expect(record?.cbrn).toEqual({ chemical: true, biological: true, radiological: false, nuclear: true });
    expect(normalize({ weaptype1: '3', weaptype1_txt: 'Radiological' }).record?.cbrn.radiological).toBe(true);
  });

  it('keeps every unmapped column, and orphaned group fields, in extra', () => {
    const { record } = normalize({ nperps: '4', addnotes: 'Two sources differ.', corp2: 'Orphan Corp' });
    expect(record?.extra).toMatchObject({
      nperps: '4',
      addnotes: 'Two sources differ.',
      corp2: 'Orphan Corp',
    });
    expect(record?.extra.INT_LOG).toBe('-9');
  });

  it("takes a code's label from the row, else from the codebook", () => {
    expect(normalize({ attacktype1_txt: 'Bombing' }).record?.attackTypes[0]?.name).toBe('Bombing');
    expect(normalize({ attacktype1_txt: '' }).record?.attackTypes[0]?.name).toBe('Bombing/Explosion');
  });

  it('maps the region by country where GTD and the UN disagree', () => {
    const region = (overrides: Record<string, string>) => normalize(overrides).record?.region;
    expect(
      region({ country: '107', country_txt: 'Kyrgyzstan', region: '7', region_txt: 'Central Asia' }),
    ).toEqual({
      code: 7,
      name: 'Central Asia',
      m49: '143',
      stix: 'central-asia',
    });
    expect(
      region({ country: '12', country_txt: 'Armenia', region: '7', region_txt: 'Central Asia' })?.stix,
    ).toBe('western-asia');
    expect(
      region({ country: '167', country_txt: 'Russia', region: '9', region_txt: 'Eastern Europe' })?.stix,
    ).toBe('eastern-europe');
    // No single state today: the GTD region's UN area.
    expect(
      region({ country: '359', country_txt: 'Soviet Union', region: '9', region_txt: 'Eastern Europe' }),
    ).toMatchObject({ m49: '150', stix: 'europe' });
  });

  it('reuses a label only while the row still carries it', () => {
    const normalizer = new GtdNormalizer();
    const read = (label: string) =>
      normalizer.normalize(GtdFields.of(gtdRow({ attacktype1_txt: label })), [])?.attackTypes[0]?.name;
    expect(read('Bombing/Explosion')).toBe('Bombing/Explosion');
    expect(read('Bombing/Explosion')).toBe('Bombing/Explosion');
    expect(read('Bomb')).toBe('Bomb');
  });
});
