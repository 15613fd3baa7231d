/**
 * The columns of the Global Terrorism Database CSV export, in file order, with what each holds.
 * Written from the column list and codebook facts in our threat-intel reference (section 4), not
 * from GTD data, which is not ours to redistribute. The 2017-era export (0718dist) has 135
 * columns; the older 2015 export has 134, the same without `individual`.
 */

/**
 * What a column holds, which decides how a field is read:
 * - `id`: `eventid`, twelve digits (YYYYMMDD and a four-digit sequence);
 * - `integer`: a whole number such as `iyear` or `specificity`;
 * - `code`: an integer code whose label follows in the `label` column named `<code>_txt`;
 * - `label`: that label;
 * - `yesno`: 1 yes, 0 no, -9 unknown;
 * - `count`: people or hours, -99 (or -9) unknown;
 * - `amount`: money, -99 unknown;
 * - `coordinate`: latitude or longitude, where -9 and -99 are real places, never "unknown";
 * - `text`: free text.
 * An empty field is unknown in every kind.
 */
export type ColumnKind =
  | 'id'
  | 'integer'
  | 'code'
  | 'label'
  | 'yesno'
  | 'count'
  | 'amount'
  | 'coordinate'
  | 'text';

/** The three target columns groups repeat for target 1, 2 and 3. */
const target = (n: number) =>
  [
    [`targtype${n}`, 'code'],
    [`targtype${n}_txt`, 'label'],
    [`targsubtype${n}`, 'code'],
    [`targsubtype${n}_txt`, 'label'],
    [`corp${n}`, 'text'],
    [`target${n}`, 'text'],
    [`natlty${n}`, 'code'],
    [`natlty${n}_txt`, 'label'],
  ] as const;

const weapon = (n: number) =>
  [
    [`weaptype${n}`, 'code'],
    [`weaptype${n}_txt`, 'label'],
    [`weapsubtype${n}`, 'code'],
    [`weapsubtype${n}_txt`, 'label'],
  ] as const;

const SPEC: readonly (readonly [string, ColumnKind])[] = [
  ['eventid', 'id'],
  ['iyear', 'integer'],
  ['imonth', 'integer'],
  ['iday', 'integer'],
  ['approxdate', 'text'],
  ['extended', 'yesno'],
  ['resolution', 'text'],
  ['country', 'code'],
  ['country_txt', 'label'],
  ['region', 'code'],
  ['region_txt', 'label'],
  ['provstate', 'text'],
  ['city', 'text'],
  ['latitude', 'coordinate'],
  ['longitude', 'coordinate'],
  ['specificity', 'integer'],
  ['vicinity', 'yesno'],
  ['location', 'text'],
  ['summary', 'text'],
  ['crit1', 'yesno'],
  ['crit2', 'yesno'],
  ['crit3', 'yesno'],
  ['doubtterr', 'yesno'],
  ['alternative', 'code'],
  ['alternative_txt', 'label'],
  ['multiple', 'yesno'],
  ['success', 'yesno'],
  ['suicide', 'yesno'],
  ['attacktype1', 'code'],
  ['attacktype1_txt', 'label'],
  ['attacktype2', 'code'],
  ['attacktype2_txt', 'label'],
  ['attacktype3', 'code'],
  ['attacktype3_txt', 'label'],
  ...target(1),
  ...target(2),
  ...target(3),
  ['gname', 'text'],
  ['gsubname', 'text'],
  ['gname2', 'text'],
  ['gsubname2', 'text'],
  ['gname3', 'text'],
  ['gsubname3', 'text'],
  ['motive', 'text'],
  ['guncertain1', 'yesno'],
  ['guncertain2', 'yesno'],
  ['guncertain3', 'yesno'],
  ['individual', 'yesno'],
  ['nperps', 'count'],
  ['nperpcap', 'count'],
  ['claimed', 'yesno'],
  ['claimmode', 'code'],
  ['claimmode_txt', 'label'],
  ['claim2', 'yesno'],
  ['claimmode2', 'code'],
  ['claimmode2_txt', 'label'],
  ['claim3', 'yesno'],
  ['claimmode3', 'code'],
  ['claimmode3_txt', 'label'],
  ['compclaim', 'yesno'],
  ...weapon(1),
  ...weapon(2),
  ...weapon(3),
  ...weapon(4),
  ['weapdetail', 'text'],
  ['nkill', 'count'],
  ['nkillus', 'count'],
  ['nkillter', 'count'],
  ['nwound', 'count'],
  ['nwoundus', 'count'],
  ['nwoundte', 'count'],
  ['property', 'yesno'],
  ['propextent', 'code'],
  ['propextent_txt', 'label'],
  ['propvalue', 'amount'],
  ['propcomment', 'text'],
  ['ishostkid', 'yesno'],
  ['nhostkid', 'count'],
  ['nhostkidus', 'count'],
  ['nhours', 'count'],
  ['ndays', 'count'],
  ['divert', 'text'],
  ['kidhijcountry', 'text'],
  ['ransom', 'yesno'],
  ['ransomamt', 'amount'],
  ['ransomamtus', 'amount'],
  ['ransompaid', 'amount'],
  ['ransompaidus', 'amount'],
  ['ransomnote', 'text'],
  ['hostkidoutcome', 'code'],
  ['hostkidoutcome_txt', 'label'],
  ['nreleased', 'count'],
  ['addnotes', 'text'],
  ['scite1', 'text'],
  ['scite2', 'text'],
  ['scite3', 'text'],
  ['dbsource', 'text'],
  ['INT_LOG', 'yesno'],
  ['INT_IDEO', 'yesno'],
  ['INT_MISC', 'yesno'],
  ['INT_ANY', 'yesno'],
  ['related', 'text'],
];

/** The 135 column names of the 2017-era export, in order. */
export const GTD_COLUMNS: readonly string[] = SPEC.map(([name]) => name);

/** What each of the 135 columns holds, by position. */
export const GTD_COLUMN_KINDS: readonly ColumnKind[] = SPEC.map(([, kind]) => kind);

/** Position of `individual`, the column the 134-column export lacks. */
export const INDIVIDUAL = GTD_COLUMNS.indexOf('individual');

/** The 134 column names of the older (2015) export: the same without `individual`. */
export const GTD_COLUMNS_134: readonly string[] = GTD_COLUMNS.filter((_, i) => i !== INDIVIDUAL);

/** The column layouts a reader accepts, by column count. */
export type GtdColumnCount = 134 | 135;

/** Position of each column in the 135-column layout, by name: `COL.iyear === 1`. */
export const COL: Readonly<Record<string, number>> = Object.fromEntries(
  GTD_COLUMNS.map((name, i) => [name, i]),
);

/** Position of a column that must exist; throws on a misspelt name so a typo fails at load. */
export function col(name: string): number {
  const i = COL[name];
  if (i === undefined) throw new Error(`no GTD column named ${name}`);
  return i;
}
