import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../i18n/index.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { EVENTS } from './i18n.ts';
import type { EventPlace, EventSummary } from './types.ts';

/**
 * The words the events pages share, in the interface language through Intl: an event's dates
 * (whole days as dates, timed events in the reader's time zone), its place, month names.
 */
export function useEventsText() {
  const { t } = useTranslation(EVENTS);
  const locale = useLocale();
  const tag = LOCALES[locale.language];
  const countryNames = new Intl.DisplayNames([tag], { type: 'region' });
  const timed = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const timeOnly = new Intl.DateTimeFormat(tag, { timeStyle: 'short' });
  return {
    ...locale,
    t,
    /** "12–14 May 2026" or "12 May 2026, 09:00 – 17:00". */
    when: (e: Pick<EventSummary, 'allDay' | 'start' | 'end'>) => {
      if (e.allDay) return locale.dateRange(e.start, e.end);
      const start = new Date(e.start);
      const end = new Date(e.end);
      if (start.toDateString() === end.toDateString())
        return `${timed.format(start)} – ${timeOnly.format(end)}`;
      return timed.formatRange(start, end);
    },
    /** "Tashkent, Uzbekistan" or "Online". */
    where: (place: EventPlace) =>
      place.kind === 'online'
        ? t('event.online')
        : `${place.city}, ${countryNames.of(place.country) ?? place.country}`,
    /** "May 2026" in the interface language. */
    monthName: (month: string) =>
      new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${month}-01T00:00:00Z`),
      ),
    /** Short weekday names from Monday. */
    weekdays: () =>
      Array.from({ length: 7 }, (_, i) =>
        new Intl.DateTimeFormat(tag, { weekday: 'short', timeZone: 'UTC' }).format(
          new Date(Date.UTC(2026, 0, 5 + i)),
        ),
      ),
    /** The reader's time zone, named. */
    zone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}
