/**
 * Row types of the events tables, added to the database's type by module augmentation. Times
 * are ISO 8601 text: `starts`/`ends` as given back to readers (UTC instants, or dates for whole-day
 * events), `span_start`/`span_end` the UTC instants the event covers; lists are JSON text.
 */
declare module '../db/schema.ts' {
  interface DB {
    events: EventsTable;
    event_participants: EventParticipantsTable;
  }
}

export interface EventsTable {
  id: string;
  kind: string;
  /** JSON {en, ru?, zh?}. */
  title: string;
  /** JSON {en?, ru?, zh?}. */
  description: string;
  all_day: number;
  starts: string;
  ends: string;
  span_start: string;
  span_end: string;
  online: number;
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  online_url: string | null;
  /** The organizing organization's id. */
  organizer: string;
  /** JSON string[]: names of participating bodies outside the platform's organizations. */
  other_participants: string;
  /** JSON AgendaItem[], in order. */
  agenda: string;
  /** JSON Material[]. */
  materials: string;
  /** public | community */
  audience: string;
  /** scheduled | cancelled */
  status: string;
  cancel_reason: string | null;
  /** Rises with each change: the iCalendar SEQUENCE. */
  sequence: number;
  /** Folded text of titles and description, matched by `q`. */
  search: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** The platform's organizations taking part (the organizer is not repeated here). */
export interface EventParticipantsTable {
  event_id: string;
  organization_id: string;
}
