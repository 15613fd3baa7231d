import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

/**
 * Where a GTD incident happened, in the vocabularies the rest of the platform speaks: ISO 3166
 * alpha-2 for the country, UN M49 and STIX 2.1 `region-ov` for the region.
 *
 * GTD's twelve regions are its own: its "Central Asia" (7) also holds Armenia, Azerbaijan and
 * Georgia, which M49 puts in Western Asia, and its "Middle East & North Africa" spans two
 * continents. So the region is taken from the incident's country where the country is known,
 * and from the GTD region only when it is not, as the smallest UN region that contains all of
 * the GTD region (none for MENA).
 */

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

export interface UnRegion {
  m49: string;
  stix: string;
}

/** UN M49 areas by code, with their STIX 2.1 `region-ov` value (the vocabulary follows M49). */
export const M49: Readonly<Record<string, UnRegion & { name: string }>> = Object.fromEntries(
  (
    [
      ['002', 'africa', 'Africa'],
      ['014', 'eastern-africa', 'Eastern Africa'],
      ['017', 'middle-africa', 'Middle Africa'],
      ['015', 'northern-africa', 'Northern Africa'],
      ['018', 'southern-africa', 'Southern Africa'],
      ['011', 'western-africa', 'Western Africa'],
      ['019', 'americas', 'Americas'],
      ['029', 'caribbean', 'Caribbean'],
      ['013', 'central-america', 'Central America'],
      ['419', 'latin-america-caribbean', 'Latin America and the Caribbean'],
      ['021', 'northern-america', 'Northern America'],
      ['005', 'south-america', 'South America'],
      ['142', 'asia', 'Asia'],
      ['143', 'central-asia', 'Central Asia'],
      ['030', 'eastern-asia', 'Eastern Asia'],
      ['034', 'southern-asia', 'Southern Asia'],
      ['035', 'south-eastern-asia', 'South-eastern Asia'],
      ['145', 'western-asia', 'Western Asia'],
      ['150', 'europe', 'Europe'],
      ['151', 'eastern-europe', 'Eastern Europe'],
      ['154', 'northern-europe', 'Northern Europe'],
      ['039', 'southern-europe', 'Southern Europe'],
      ['155', 'western-europe', 'Western Europe'],
      ['009', 'oceania', 'Oceania'],
      ['053', 'australia-new-zealand', 'Australia and New Zealand'],
      ['054', 'melanesia', 'Melanesia'],
      ['057', 'micronesia', 'Micronesia'],
      ['061', 'polynesia', 'Polynesia'],
    ] as const
  ).map(([m49, stix, name]) => [m49, { m49, stix, name }]),
);

/** GTD regions 1–12: their names and the smallest UN area holding each whole. */
export const GTD_REGIONS: Readonly<Record<number, { name: string; un: UnRegion | null }>> = {
  1: { name: 'North America', un: un('019') }, // GTD files Mexico here; M49 puts it in Central America
  2: { name: 'Central America & Caribbean', un: un('419') },
  3: { name: 'South America', un: un('005') },
  4: { name: 'East Asia', un: un('030') },
  5: { name: 'Southeast Asia', un: un('035') },
  6: { name: 'South Asia', un: un('034') },
  7: { name: 'Central Asia', un: un('142') }, // with Armenia, Azerbaijan, Georgia: Western Asia in M49
  8: { name: 'Western Europe', un: un('150') },
  9: { name: 'Eastern Europe', un: un('150') }, // with the Baltic states and the Balkans
  10: { name: 'Middle East & North Africa', un: null }, // Africa and Asia: no UN area short of the world
  11: { name: 'Sub-Saharan Africa', un: un('002') }, // STIX has no sub-Saharan value
  12: { name: 'Australasia & Oceania', un: un('009') },
};

function un(m49: string): UnRegion {
  const area = M49[m49];
  if (!area) throw new Error(`no M49 area ${m49}`);
  return { m49: area.m49, stix: area.stix };
}

/**
 * M49 sub-region of each country, by ISO alpha-2: all of Asia, Europe, the Americas, Northern
 * Africa and Australia/New Zealand, which covers every country GTD files under regions 1–10 and
 * 12. Taiwan and Kosovo are not listed in M49; they are placed where their neighbours are.
 */
const SUBREGION_MEMBERS: Readonly<Record<string, string>> = {
  '143': 'KZ KG TJ TM UZ',
  '030': 'CN HK MO KP JP MN KR TW',
  '035': 'BN KH ID LA MY MM PH SG TH TL VN',
  '034': 'AF BD BT IN IR MV NP PK LK',
  '145': 'AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE',
  '151': 'BY BG CZ HU PL MD RO RU SK UA',
  '154': 'AX DK EE FO FI IS IE IM LV LT NO SE GB',
  '039': 'AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK',
  '155': 'AT BE FR DE LI LU MC NL CH',
  '015': 'DZ EG LY MA SD TN EH',
  '021': 'BM CA GL PM US',
  '013': 'BZ CR SV GT HN MX NI PA',
  '029': 'AI AG AW BS BB VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI',
  '005': 'AR BO BR CL CO EC FK GF GY PY PE SR UY VE',
  '053': 'AU NZ',
  '054': 'FJ NC PG SB VU',
  '061': 'PF WS TO WF',
};

const SUBREGION: ReadonlyMap<string, UnRegion> = new Map(
  Object.entries(SUBREGION_MEMBERS).flatMap(([m49, members]) =>
    members.split(' ').map((iso2) => [iso2, un(m49)] as const),
  ),
);

/** The UN region of an incident: its country's M49 sub-region, else its GTD region's area. */
export function unRegionOf(gtdRegion: number | null, iso2: string | null): UnRegion | null {
  return (iso2 !== null ? SUBREGION.get(iso2) : undefined) ?? GTD_REGIONS[gtdRegion ?? 0]?.un ?? null;
}

/**
 * GTD country codes with the export's spelling and the ISO code of the state that holds the
 * territory today (null where the GTD entity spans several states, as the Soviet Union).
 * Pakistan's 153 was checked against a public data row; the others are recalled from the 0718
 * export and not checked, which is why the reader resolves a country by its `country_txt` name
 * first and uses this table only for rows that carry a code without a name.
 */
export const GTD_COUNTRIES: readonly { code: number; name: string; iso2: string | null }[] = (
  [
    [4, 'Afghanistan', 'AF'],
    [12, 'Armenia', 'AM'],
    [16, 'Azerbaijan', 'AZ'],
    [18, 'Bahrain', 'BH'],
    [19, 'Bangladesh', 'BD'],
    [25, 'Bhutan', 'BT'],
    [35, 'Belarus', 'BY'],
    [36, 'Cambodia', 'KH'],
    [44, 'China', 'CN'],
    [60, 'Egypt', 'EG'],
    [74, 'Georgia', 'GE'],
    [89, 'Hong Kong', 'HK'],
    [92, 'India', 'IN'],
    [94, 'Iran', 'IR'],
    [95, 'Iraq', 'IQ'],
    [101, 'Japan', 'JP'],
    [103, 'Kazakhstan', 'KZ'],
    [106, 'Kuwait', 'KW'],
    [107, 'Kyrgyzstan', 'KG'],
    [108, 'Laos', 'LA'],
    [122, 'Maldives', 'MV'],
    [138, 'Myanmar', 'MM'],
    [141, 'Nepal', 'NP'],
    [149, 'North Korea', 'KP'],
    [153, 'Pakistan', 'PK'],
    [164, 'Qatar', 'QA'],
    [167, 'Russia', 'RU'],
    [173, 'Saudi Arabia', 'SA'],
    [184, 'South Korea', 'KR'],
    [186, 'Sri Lanka', 'LK'],
    [200, 'Syria', 'SY'],
    [201, 'Taiwan', 'TW'],
    [202, 'Tajikistan', 'TJ'],
    [209, 'Turkey', 'TR'],
    [210, 'Turkmenistan', 'TM'],
    [214, 'Ukraine', 'UA'],
    [215, 'United Arab Emirates', 'AE'],
    [219, 'Uzbekistan', 'UZ'],
    [223, 'Vietnam', 'VN'],
    [359, 'Soviet Union', null],
  ] as const
).map(([code, name, iso2]) => ({ code, name, iso2 }));

/**
 * GTD spellings the ISO name list does not know, and historical entities: each to the state that
 * holds the territory today, or null when that is several states.
 */
const GTD_NAME_ISO: Readonly<Record<string, string | null>> = {
  'Bosnia-Herzegovina': 'BA',
  Brunei: 'BN',
  'East Timor': 'TL',
  'Falkland Islands': 'FK',
  Laos: 'LA',
  Macau: 'MO',
  Macedonia: 'MK',
  Moldova: 'MD',
  'Slovak Republic': 'SK',
  'St. Kitts and Nevis': 'KN',
  'St. Lucia': 'LC',
  Swaziland: 'SZ',
  Syria: 'SY',
  'Vatican City': 'VA',
  'West Bank and Gaza Strip': 'PS',
  'West Germany (FRG)': 'DE',
  'East Germany (GDR)': 'DE',
  'North Yemen': 'YE',
  'South Yemen': 'YE',
  'South Vietnam': 'VN',
  Rhodesia: 'ZW',
  Zaire: 'CD',
  "People's Republic of the Congo": 'CG',
  'New Hebrides': 'VU',
  'Soviet Union': null,
  Yugoslavia: null,
  Czechoslovakia: null,
  'Serbia-Montenegro': null,
  International: null,
  Multinational: null,
};

const ISO_BY_CODE: ReadonlyMap<number, string | null> = new Map(GTD_COUNTRIES.map((c) => [c.code, c.iso2]));
const isoByName = new Map<string, string | null>();

/**
 * ISO alpha-2 of a GTD country: by its `country_txt` name (GTD spellings first, then the ISO
 * English names and aliases), else by its code. Null when neither is known or the entity is
 * no single state today. Names are resolved once each and remembered.
 */
export function iso2OfCountry(code: number | null, name: string | null): string | null {
  if (name) {
    let iso = isoByName.get(name);
    if (iso === undefined) {
      iso =
        name in GTD_NAME_ISO ? (GTD_NAME_ISO[name] ?? null) : (countries.getAlpha2Code(name, 'en') ?? null);
      if (isoByName.size < 1000) isoByName.set(name, iso); // a garbled file cannot grow it without end
    }
    if (iso !== null || name in GTD_NAME_ISO) return iso;
  }
  return code === null ? null : (ISO_BY_CODE.get(code) ?? null);
}
