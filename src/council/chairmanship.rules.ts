/**
 * The chairmanship of the Council of Heads of State: who chairs on a date, and who comes next by
 * the Russian alphabetical order of member-state names (SCO structure page: the venue is
 * "generally" set by that order). Pure: dates are arguments, names come from the caller or below.
 *
 * Term boundaries (data/chairmanship.json): a chair's term runs from the day after the previous
 * summit's last day to the last day of the summit it chairs, inclusive. Terms are half-open
 * `[from, to)` like the registry's status periods, so `to` is the day after that summit's end: on
 * the last day of a summit its host still chairs, and the next chair holds from the following day.
 */

/** The part of a chairmanship term the rules read; data records carry more (sources, notes). */
export interface Term {
  state: string;
  /** First day of the term, YYYY-MM-DD. */
  from: string;
  /** Exclusive end, YYYY-MM-DD; null while the term is current. */
  to: string | null;
}

/** A member state as the rotation sees it, with its membership period when the caller knows it. */
export interface Member {
  code: string;
  nameRu: string;
  from?: string;
  to?: string | null;
}

/**
 * Short Russian names of the member states, the form the order is taken over. Kyrgyzstan is
 * "Кыргызстан", the form of the SCO's Russian texts (officially "Кыргызская Республика", which sorts
 * the same); the older "Киргизия" would sort before "Китай" and contradict the recorded hand-overs
 * China → Kyrgyzstan of 2006/07, 2012/13, 2018/19 and 2025/26.
 */
export const RUSSIAN_NAMES: Readonly<Record<string, string>> = {
  BY: 'Беларусь',
  CN: 'Китай',
  IN: 'Индия',
  IR: 'Иран',
  KG: 'Кыргызстан',
  KZ: 'Казахстан',
  PK: 'Пакистан',
  RU: 'Россия',
  TJ: 'Таджикистан',
  UZ: 'Узбекистан',
};

const russian = new Intl.Collator('ru');
const DAY = /^\d{4}-\d{2}-\d{2}/;

/** The calendar day (YYYY-MM-DD, UTC) of a date or an ISO instant, so both may be passed in. */
export function dayOf(date: string): string {
  const day = DAY.exec(date)?.[0];
  if (!day) throw new RangeError(`not an ISO 8601 date: ${date}`);
  return day;
}

/** The day after a calendar day; terms end (exclusively) on the day after their summit. */
export function nextDay(date: string): string {
  const ms = Date.parse(`${dayOf(date)}T00:00:00Z`);
  return new Date(ms + 86_400_000).toISOString().slice(0, 10);
}

/** Whether a half-open term `[from, to)` holds on a day. */
export function holds(term: Term, date: string): boolean {
  const day = dayOf(date);
  return term.from <= day && (term.to === null || day < term.to);
}

/** The term holding on a date, or null before the first meeting or in a gap of the records. */
export function chairOn<T extends Term>(terms: readonly T[], date: string): T | null {
  return terms.find((term) => holds(term, date)) ?? null;
}

/** The members on a date: those whose membership period (when given) covers it. */
export function membersOn<M extends Member>(members: readonly M[], date: string): M[] {
  const day = dayOf(date);
  return members.filter((m) => (m.from === undefined || m.from <= day) && (m.to == null || day < m.to));
}

/** Members sorted by the Russian alphabetical order of their names (Intl.Collator 'ru'). */
export function russianOrder<M extends Member>(members: readonly M[]): M[] {
  return [...members].sort((a, b) => russian.compare(a.nameRu, b.nameRu) || russian.compare(a.code, b.code));
}

/** The member after `code` in Russian alphabetical order, wrapping from the last to the first; null if absent. */
export function nextInOrder<M extends Member>(members: readonly M[], code: string): M | null {
  const ordered = russianOrder(members);
  const index = ordered.findIndex((m) => m.code === code);
  if (index < 0) return null;
  return ordered[(index + 1) % ordered.length] ?? null;
}

/**
 * The next chair by rotation: the member after the current chair in Russian alphabetical order
 * among the members on `date`, wrapping around. It does not skip states that already chaired in
 * the current cycle, nor newcomers; practice departs from it (see the `exception` terms). Null when
 * no term holds on the date or the chair is not among the members given.
 */
export function predictNext<M extends Member>(
  terms: readonly Term[],
  members: readonly M[],
  date: string,
): M | null {
  const current = chairOn(terms, date);
  return current ? nextInOrder(membersOn(members, date), current.state) : null;
}

/**
 * How a term came about: `rotation` when its state is the next in order after the previous
 * chair among the members on the term's first day, else `exception` (always so for the first term).
 */
export function rotationKind(
  terms: readonly Term[],
  index: number,
  members: readonly Member[],
): 'rotation' | 'exception' {
  const term = terms[index];
  const previous = terms[index - 1];
  if (!term || !previous) return 'exception';
  return nextInOrder(membersOn(members, term.from), previous.state)?.code === term.state
    ? 'rotation'
    : 'exception';
}

/** Faults of a sequence of terms: out of order, empty, open before the last, overlapping or leaving a gap. */
export function termFaults(terms: readonly Term[]): string[] {
  const faults: string[] = [];
  terms.forEach((term, i) => {
    const label = `term ${i} (${term.state} from ${term.from})`;
    if (term.to !== null && term.to <= term.from) faults.push(`${label}: ends before it begins`);
    if (term.to === null && i < terms.length - 1) faults.push(`${label}: open-ended but not the last`);
    const previous = terms[i - 1];
    if (!previous?.to) return;
    if (term.from < previous.to) faults.push(`${label}: overlaps the term before`);
    if (term.from > previous.to) faults.push(`${label}: leaves a gap after the term before`);
  });
  return faults;
}
