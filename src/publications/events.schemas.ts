import { Type as T } from 'typebox';
import { oneOf } from '../registry/reference-data.schema.ts';
import { AUDIENCES, EVENT_KINDS, EVENT_STATUSES } from './events.rules.ts';

/**
 * Request and response schemas of the events API. Inputs are checked here for shape only; the
 * rules (dates, places, agenda times, materials, organizations) are checked by the service, which
 * names the field at fault. Responses are the allowlist of what is sent.
 */

const Text = (max: number) => T.String({ maxLength: max });
const I18nOut = T.Object({ en: T.String(), ru: T.Optional(T.String()), zh: T.Optional(T.String()) });
const OptionalI18nOut = T.Object({
  en: T.Optional(T.String()),
  ru: T.Optional(T.String()),
  zh: T.Optional(T.String()),
});
const Organization = T.Object({ id: T.String(), name: I18nOut });
const Place = T.Union([
  T.Object({ kind: T.Literal('in-person'), city: T.String(), country: T.String() }),
  T.Object({ kind: T.Literal('online'), url: T.Union([T.String(), T.Null()]) }),
]);

export const EventSummary = T.Object({
  id: T.String(),
  kind: oneOf(EVENT_KINDS),
  title: I18nOut,
  allDay: T.Boolean(),
  start: T.String({ description: 'a date (whole days) or a UTC instant' }),
  end: T.String({ description: 'the last day (whole days, inclusive) or a UTC instant' }),
  place: Place,
  organizer: Organization,
  audience: oneOf(AUDIENCES),
  status: oneOf(EVENT_STATUSES),
});
export const EventList = T.Object({ items: T.Array(EventSummary), total: T.Integer() });

export const EventView = T.Object({
  ...EventSummary.properties,
  description: OptionalI18nOut,
  participants: T.Object({ organizations: T.Array(Organization), others: T.Array(T.String()) }),
  agenda: T.Array(
    T.Object({ time: T.String(), title: T.String(), speakerRole: T.Union([T.String(), T.Null()]) }),
  ),
  materials: T.Array(
    T.Object({
      title: T.String(),
      url: T.Union([T.String(), T.Null()]),
      documentId: T.Union([T.String(), T.Null()]),
    }),
  ),
  cancelReason: T.Union([T.String(), T.Null()]),
  sequence: T.Integer(),
  createdAt: T.String(),
  updatedAt: T.String(),
  abilities: T.Record(T.String(), T.Boolean()),
});

const Period = {
  from: T.Optional(
    T.String({ maxLength: 40, description: 'a date (from its start) or a date-time with offset' }),
  ),
  to: T.Optional(T.String({ maxLength: 40, description: 'a date (to its end, inclusive) or a date-time' })),
  kind: T.Optional(T.String({ maxLength: 200, description: 'kinds, comma-separated' })),
};
export const EventsQuery = T.Object(
  {
    ...Period,
    q: T.Optional(T.String({ maxLength: 200 })),
    limit: T.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: T.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
const Lang = T.Optional(oneOf(['en', 'ru', 'zh'] as const));
export const IcsQuery = T.Object({ ...Period, lang: Lang }, { additionalProperties: false });
export const OneIcsQuery = T.Object({ lang: Lang }, { additionalProperties: false });
export const IdParams = T.Object({ id: T.String({ minLength: 1, maxLength: 100 }) });

const I18nIn = T.Object(
  { en: T.Optional(Text(300)), ru: T.Optional(Text(300)), zh: T.Optional(Text(300)) },
  { additionalProperties: false },
);
const DescriptionIn = T.Object(
  { en: T.Optional(Text(10_000)), ru: T.Optional(Text(10_000)), zh: T.Optional(Text(10_000)) },
  { additionalProperties: false },
);
const PlaceIn = T.Object(
  {
    online: T.Optional(T.Boolean()),
    city: T.Optional(T.Union([Text(200), T.Null()])),
    country: T.Optional(T.Union([Text(2), T.Null()])),
    url: T.Optional(T.Union([Text(2000), T.Null()])),
  },
  { additionalProperties: false },
);
const Ids = T.Array(T.String({ minLength: 1, maxLength: 100 }), { maxItems: 200 });
const Fields = {
  kind: T.String({ maxLength: 40, description: EVENT_KINDS.join(' | ') }),
  title: I18nIn,
  description: T.Optional(DescriptionIn),
  start: T.String({ maxLength: 40, description: 'a date YYYY-MM-DD, or a date-time with its offset' }),
  end: T.String({ maxLength: 40, description: 'the last day, or a date-time with its offset' }),
  place: PlaceIn,
  organizer: T.String({ maxLength: 100, description: "the organizing organization's id" }),
  participants: T.Optional(
    T.Object(
      {
        organizations: T.Optional(Ids),
        others: T.Optional(T.Array(Text(300), { maxItems: 200 })),
      },
      { additionalProperties: false },
    ),
  ),
  agenda: T.Optional(
    T.Array(
      T.Object(
        {
          time: Text(20),
          title: Text(500),
          speakerRole: T.Optional(T.Union([Text(300), T.Null()])),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
  ),
  materials: T.Optional(
    T.Array(
      T.Object(
        {
          title: Text(500),
          url: T.Optional(T.Union([Text(2000), T.Null()])),
          documentId: T.Optional(T.Union([Text(100), T.Null()])),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
  ),
  audience: T.String({ maxLength: 20, description: AUDIENCES.join(' | ') }),
};
export const CreateBody = T.Object(Fields, { additionalProperties: false });
export const PatchBody = T.Partial(T.Object(Fields), { additionalProperties: false });
export const CancelBody = T.Object({ reason: T.Optional(Text(2000)) }, { additionalProperties: false });
