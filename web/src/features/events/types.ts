import type { I18n } from '../../api/types.ts';

/** The events API's shapes, as `src/publications/events.schemas.ts` sends them. */

export const EVENT_KINDS = ['seminar', 'conference', 'symposium', 'expert-meeting'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export type Audience = 'public' | 'community';

export type EventPlace =
  | { kind: 'in-person'; city: string; country: string }
  | { kind: 'online'; url: string | null };

export interface NamedOrganization {
  id: string;
  name: I18n;
}

export interface EventSummary {
  id: string;
  kind: EventKind;
  title: I18n;
  allDay: boolean;
  /** A date (whole days) or a UTC instant. */
  start: string;
  /** The last day (whole days, inclusive) or a UTC instant. */
  end: string;
  place: EventPlace;
  organizer: NamedOrganization;
  audience: Audience;
  status: 'scheduled' | 'cancelled';
}

export interface EventList {
  items: EventSummary[];
  total: number;
}

export interface AgendaItem {
  time: string;
  title: string;
  speakerRole: string | null;
}

export interface Material {
  title: string;
  url: string | null;
  documentId: string | null;
}

export interface EventView extends EventSummary {
  description: { en?: string; ru?: string; zh?: string };
  participants: { organizations: NamedOrganization[]; others: string[] };
  agenda: AgendaItem[];
  materials: Material[];
  cancelReason: string | null;
  sequence: number;
  createdAt: string;
  updatedAt: string;
  abilities: { read: boolean; update: boolean; cancel: boolean };
}

/** What the form sends (POST whole, PATCH the same shape). */
export interface EventInput {
  kind: EventKind;
  title: { en: string; ru?: string; zh?: string };
  description: { en?: string; ru?: string; zh?: string };
  start: string;
  end: string;
  place: { online: boolean; city?: string; country?: string; url?: string | null };
  organizer: string;
  participants: { organizations: string[]; others: string[] };
  agenda: { time: string; title: string; speakerRole?: string | null }[];
  materials: { title: string; url?: string | null; documentId?: string | null }[];
  audience: Audience;
}
