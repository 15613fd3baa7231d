/**
 * The countries offered by the incidents filter: the SCO's member states, observers and dialogue
 * partners and their neighbours (ISO 3166 alpha-2), named by `Intl.DisplayNames` in the interface
 * language. Incidents elsewhere are still found by words.
 */
export const FILTER_COUNTRIES = [
  'AF',
  'AM',
  'AZ',
  'BD',
  'BH',
  'BY',
  'CN',
  'EG',
  'GE',
  'IN',
  'IQ',
  'IR',
  'KG',
  'KH',
  'KW',
  'KZ',
  'LA',
  'LK',
  'MM',
  'MN',
  'MV',
  'NP',
  'PK',
  'QA',
  'RU',
  'SA',
  'SY',
  'TJ',
  'TM',
  'TR',
  'AE',
  'UZ',
] as const;

/** A country's name in the given locale, or its code when Intl does not know it. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The filter's countries as options, sorted by name in the locale. */
export function countryOptions(locale: string): { value: string; label: string }[] {
  return FILTER_COUNTRIES.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) =>
    a.label.localeCompare(b.label, locale),
  );
}
