/**
 * The made-up world the GTD generator draws from: SCO-region countries with GTD-style codes,
 * real provinces and cities with rounded coordinates, and ~200 perpetrator groups whose names
 * are invented from syllables, so that no synthetic row can be mistaken for a real incident.
 * Weights are rough shares of incidents, shaped like the public picture of the region (South
 * Asia and the North Caucasus high, Central Asia low), not taken from GTD data.
 */

export interface SyntheticCity {
  /** The name as written in UTF-8 exports; `latin1` spells it with é/ü/ö where that is usual. */
  name: string;
  latin1?: string;
  lat: number;
  lon: number;
}

export interface SyntheticCountry {
  code: number;
  name: string;
  region: number;
  weight: number;
  provinces: readonly { name: string; cities: readonly SyntheticCity[] }[];
}

const city = (name: string, lat: number, lon: number, latin1?: string): SyntheticCity =>
  latin1 ? { name, latin1, lat, lon } : { name, lat, lon };

export const SYNTHETIC_COUNTRIES: readonly SyntheticCountry[] = [
  {
    code: 153,
    name: 'Pakistan',
    region: 6,
    weight: 14,
    provinces: [
      { name: 'Khyber Pakhtunkhwa', cities: [city('Peshawar', 34.01, 71.58), city('Bannu', 32.99, 70.6)] },
      { name: 'Balochistan', cities: [city('Quetta', 30.18, 66.99), city('Turbat', 26.0, 63.05)] },
      { name: 'Sindh', cities: [city('Karachi', 24.86, 67.01)] },
      { name: 'Punjab', cities: [city('Lahore', 31.55, 74.34)] },
    ],
  },
  {
    code: 4,
    name: 'Afghanistan',
    region: 6,
    weight: 13,
    provinces: [
      { name: 'Kabul', cities: [city('Kabul', 34.53, 69.17)] },
      { name: 'Kandahar', cities: [city('Kandahar', 31.61, 65.71)] },
      { name: 'Nangarhar', cities: [city('Jalalabad', 34.43, 70.45)] },
      { name: 'Herat', cities: [city('Herat', 34.35, 62.2, 'Hérat')] },
      { name: 'Kunduz', cities: [city('Kunduz', 36.73, 68.86)] },
    ],
  },
  {
    code: 92,
    name: 'India',
    region: 6,
    weight: 11,
    provinces: [
      { name: 'Jammu and Kashmir', cities: [city('Srinagar', 34.08, 74.8)] },
      { name: 'Manipur', cities: [city('Imphal', 24.81, 93.94)] },
      { name: 'Chhattisgarh', cities: [city('Raipur', 21.25, 81.63)] },
      { name: 'Assam', cities: [city('Guwahati', 26.14, 91.74)] },
    ],
  },
  {
    code: 167,
    name: 'Russia',
    region: 9,
    weight: 6,
    provinces: [
      { name: 'Chechnya', cities: [city('Grozny', 43.32, 45.69)] },
      { name: 'Dagestan', cities: [city('Makhachkala', 42.98, 47.5)] },
      { name: 'Ingushetia', cities: [city('Nazran', 43.23, 44.77)] },
      { name: 'Moscow (Federal City)', cities: [city('Moscow', 55.76, 37.62)] },
    ],
  },
  {
    code: 44,
    name: 'China',
    region: 4,
    weight: 2,
    provinces: [
      { name: 'Xinjiang', cities: [city('Urumqi', 43.83, 87.62, 'Ürümqi'), city('Kashgar', 39.47, 75.99)] },
      { name: 'Yunnan', cities: [city('Kunming', 25.04, 102.71)] },
    ],
  },
  {
    code: 103,
    name: 'Kazakhstan',
    region: 7,
    weight: 1,
    provinces: [
      { name: 'Almaty', cities: [city('Almaty', 43.24, 76.89)] },
      { name: 'Aktobe', cities: [city('Aktobe', 50.28, 57.17)] },
      { name: 'East Kazakhstan', cities: [city('Oskemen', 49.95, 82.61, 'Öskemen')] },
    ],
  },
  {
    code: 107,
    name: 'Kyrgyzstan',
    region: 7,
    weight: 1,
    provinces: [
      { name: 'Chuy', cities: [city('Bishkek', 42.87, 74.59)] },
      { name: 'Osh', cities: [city('Osh', 40.51, 72.81)] },
      { name: 'Jalal-Abad', cities: [city('Jalal-Abad', 40.93, 73.0)] },
    ],
  },
  {
    code: 202,
    name: 'Tajikistan',
    region: 7,
    weight: 1,
    provinces: [
      { name: 'Dushanbe', cities: [city('Dushanbe', 38.56, 68.77)] },
      { name: 'Khatlon', cities: [city('Kulob', 37.91, 69.78)] },
      { name: 'Gorno-Badakhshan', cities: [city('Khorugh', 37.49, 71.55)] },
    ],
  },
  {
    code: 219,
    name: 'Uzbekistan',
    region: 7,
    weight: 1,
    provinces: [
      { name: 'Tashkent', cities: [city('Tashkent', 41.3, 69.24)] },
      { name: 'Andijan', cities: [city('Andijan', 40.78, 72.34)] },
      { name: 'Namangan', cities: [city('Namangan', 41.0, 71.67)] },
    ],
  },
  {
    code: 210,
    name: 'Turkmenistan',
    region: 7,
    weight: 0.2,
    provinces: [
      { name: 'Ahal', cities: [city('Ashgabat', 37.96, 58.33)] },
      { name: 'Lebap', cities: [city('Turkmenabat', 39.07, 63.58, 'Türkmenabat')] },
    ],
  },
  {
    code: 12,
    name: 'Armenia',
    region: 7,
    weight: 0.4,
    provinces: [
      { name: 'Yerevan', cities: [city('Yerevan', 40.18, 44.51)] },
      { name: 'Shirak', cities: [city('Gyumri', 40.79, 43.85, 'Gyümri')] },
    ],
  },
  {
    code: 16,
    name: 'Azerbaijan',
    region: 7,
    weight: 0.4,
    provinces: [{ name: 'Baku', cities: [city('Baku', 40.41, 49.87)] }],
  },
  {
    code: 74,
    name: 'Georgia',
    region: 7,
    weight: 1,
    provinces: [
      { name: 'Tbilisi', cities: [city('Tbilisi', 41.72, 44.79)] },
      { name: 'Abkhazia', cities: [city('Sukhumi', 43.0, 41.02)] },
    ],
  },
  {
    code: 94,
    name: 'Iran',
    region: 10,
    weight: 2,
    provinces: [
      { name: 'Sistan and Baluchestan', cities: [city('Zahedan', 29.5, 60.86)] },
      { name: 'Tehran', cities: [city('Tehran', 35.69, 51.39, 'Téhéran')] },
      { name: 'Khuzestan', cities: [city('Ahvaz', 31.32, 48.67)] },
    ],
  },
  {
    code: 209,
    name: 'Turkey',
    region: 10,
    weight: 5,
    provinces: [
      { name: 'Diyarbakir', cities: [city('Diyarbakir', 37.91, 40.24)] },
      { name: 'Istanbul', cities: [city('Istanbul', 41.01, 28.98)] },
      { name: 'Kutahya', cities: [city('Kutahya', 39.42, 29.98, 'Kütahya')] },
    ],
  },
  {
    code: 19,
    name: 'Bangladesh',
    region: 6,
    weight: 3,
    provinces: [
      { name: 'Dhaka', cities: [city('Dhaka', 23.81, 90.41)] },
      { name: 'Chittagong', cities: [city('Chittagong', 22.36, 91.78)] },
    ],
  },
  {
    code: 141,
    name: 'Nepal',
    region: 6,
    weight: 2,
    provinces: [{ name: 'Bagmati', cities: [city('Kathmandu', 27.72, 85.32)] }],
  },
  {
    code: 186,
    name: 'Sri Lanka',
    region: 6,
    weight: 3,
    provinces: [
      { name: 'Western', cities: [city('Colombo', 6.93, 79.85)] },
      { name: 'Northern', cities: [city('Jaffna', 9.66, 80.01)] },
    ],
  },
  {
    code: 138,
    name: 'Myanmar',
    region: 5,
    weight: 1,
    provinces: [{ name: 'Kachin', cities: [city('Myitkyina', 25.38, 97.4)] }],
  },
  {
    code: 214,
    name: 'Ukraine',
    region: 9,
    weight: 2,
    provinces: [{ name: 'Donetsk', cities: [city('Donetsk', 48.0, 37.8)] }],
  },
  {
    code: 35,
    name: 'Belarus',
    region: 9,
    weight: 0.1,
    provinces: [{ name: 'Minsk', cities: [city('Minsk', 53.9, 27.57)] }],
  },
  {
    code: 359,
    name: 'Soviet Union',
    region: 9,
    weight: 0.1,
    provinces: [{ name: 'Georgian SSR', cities: [city('Tbilisi', 41.72, 44.79)] }],
  },
];

const SYLLABLES =
  'zar vel kur tash mir dun qal sev ban rok ul ash tem gor lin nav khe oz ira bek sul dar ym pel vos tor esh kal'.split(
    ' ',
  );

const FORMS = [
  (x: string) => `${x} Front`,
  (x: string) => `Jamaat ${x}`,
  (x: string) => `${x} Brigade`,
  (x: string) => `Movement for ${x}`,
  (x: string) => `${x} Liberation Army`,
  (x: string) => `Harakat al-${x}`,
  (x: string) => `${x} Battalion`,
  (x: string) => `People's Circle of ${x}`,
];

/**
 * 200 invented group names, the same on every run: two or three syllables capitalized, in one of
 * a few organizational forms. None is a real group's name (the syllables are chosen not to
 * spell one), and each is unique.
 */
export const SYNTHETIC_GROUPS: readonly string[] = (() => {
  const names = new Set<string>();
  let state = 0x5eed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  while (names.size < 200) {
    const parts = 2 + next(2);
    let stem = '';
    for (let i = 0; i < parts; i++) stem += SYLLABLES[next(SYLLABLES.length)];
    const word = stem.charAt(0).toUpperCase() + stem.slice(1);
    names.add((FORMS[next(FORMS.length)] as (x: string) => string)(word));
  }
  return [...names];
})();
