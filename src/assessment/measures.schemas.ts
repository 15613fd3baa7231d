import { type Static, Type as T } from 'typebox';
import {
  Confidence,
  CountryCode,
  FullDate,
  I18nText,
  oneOf,
  Slug,
} from '../registry/reference-data.schema.ts';
import { DIRECTIONS, MEASURE_CATEGORIES, MEASURE_KINDS, TRENDS, UNCONFIRMABLE } from './measures.rules.ts';

/**
 * Schemas of the monitoring of joint measures: the records of `data/measures.json`, checked
 * before anything is written, and the API's requests and responses (the allowlist of fields).
 */

const Kind = oneOf(MEASURE_KINDS);
const Category = oneOf(MEASURE_CATEGORIES);
const Direction = oneOf(DIRECTIONS);
const Url = T.String({ pattern: '^https?://\\S+$', maxLength: 2000 });
const Text = (maxLength: number) => T.String({ minLength: 1, maxLength });

export const Place = T.Object(
  {
    country: T.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 code' }),
    region: T.Optional(T.String({ minLength: 1, maxLength: 200, description: 'e.g. a province' })),
  },
  { additionalProperties: false },
);
export const Participant = T.Object(
  {
    kind: oneOf(['state', 'body'] as const),
    id: T.String({ minLength: 1, maxLength: 80, description: 'a member state code or an SCO body id' }),
  },
  { additionalProperties: false },
);
export const Source = T.Object(
  {
    citation: Text(500),
    url: T.Optional(T.Union([Url, T.Null()])),
  },
  { additionalProperties: false },
);

/** One measure as `data/measures.json` holds it. */
export const MeasureRecord = T.Object(
  {
    id: Slug,
    kind: Kind,
    categories: T.Array(Category, { uniqueItems: true }),
    name: I18nText,
    start: FullDate,
    end: FullDate,
    places: T.Array(
      T.Object(
        { country: CountryCode, region: T.Optional(T.String({ minLength: 1 })) },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    participants: T.Array(Participant),
    objectives: T.Array(T.String({ minLength: 1 })),
    outcomes: T.Array(T.String({ minLength: 1 })),
    sources: T.Array(Source, { minItems: 1 }),
    confidence: Confidence,
    /** The fields the sources leave unconfirmed. */
    unconfirmed: T.Array(oneOf(UNCONFIRMABLE), { uniqueItems: true }),
    notes: T.Optional(T.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);
export type MeasureRecord = Static<typeof MeasureRecord>;

// The API.

const Name = T.Object(
  { en: Text(300), ru: T.Optional(Text(300)), zh: T.Optional(Text(300)) },
  { additionalProperties: false },
);
const Strings = T.Array(Text(2000), { maxItems: 50 });

export const MeasuresQuery = T.Object(
  {
    from: T.Optional(T.String({ format: 'date', description: 'measures ending on or after this date' })),
    to: T.Optional(T.String({ format: 'date', description: 'measures starting on or before this date' })),
    kind: T.Optional(Kind),
    category: T.Optional(Category),
    state: T.Optional(T.String({ pattern: '^[A-Za-z]{2}$', description: 'a participant or host state' })),
    limit: T.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: T.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export const MeasureParams = T.Object({ id: T.String({ minLength: 1, maxLength: 120 }) });
export const IndicatorParams = T.Object({
  id: T.String({ minLength: 1, maxLength: 120 }),
  indicatorId: T.String({ minLength: 1, maxLength: 120 }),
});

export const NewMeasureBody = T.Object(
  {
    kind: Kind,
    categories: T.Array(Category, { uniqueItems: true, maxItems: 5 }),
    name: Name,
    start: T.String({ description: 'YYYY-MM-DD' }),
    end: T.String({ description: 'YYYY-MM-DD, not before start' }),
    places: T.Array(Place, { minItems: 1, maxItems: 50 }),
    participants: T.Array(Participant, { maxItems: 100 }),
    objectives: T.Optional(Strings),
    outcomes: T.Optional(Strings),
    sources: T.Optional(T.Array(Source, { maxItems: 50 })),
    notes: T.Optional(T.Union([Text(4000), T.Null()])),
  },
  { additionalProperties: false },
);
export const PatchMeasureBody = T.Partial(NewMeasureBody, { additionalProperties: false });

export const NewIndicatorBody = T.Object(
  {
    name: Text(300),
    unit: Text(60),
    target: T.Number(),
    direction: Direction,
    baseline: T.Optional(T.Union([T.Number(), T.Null()])),
    due: T.Optional(T.Union([T.String({ description: 'YYYY-MM-DD: when the target is due' }), T.Null()])),
  },
  { additionalProperties: false },
);
export const NewMeasurementBody = T.Object(
  {
    date: T.String({ description: 'YYYY-MM-DD, not after today' }),
    value: T.Number(),
    note: T.Optional(T.Union([Text(2000), T.Null()])),
    source: T.Optional(T.Union([Url, T.Null()])),
  },
  { additionalProperties: false },
);

const Reading = T.Object({ date: T.String(), value: T.Number() });
export const Measurement = T.Object({
  id: T.String(),
  date: T.String(),
  value: T.Number(),
  note: T.Union([T.String(), T.Null()]),
  source: T.Union([T.String(), T.Null()]),
  recordedAt: T.String(),
  recordedBy: T.String(),
});
export const Indicator = T.Object({
  id: T.String(),
  name: T.String(),
  unit: T.String(),
  target: T.Number(),
  baseline: T.Union([T.Number(), T.Null()]),
  direction: Direction,
  due: T.Union([T.String(), T.Null()]),
  measurements: T.Array(Measurement),
  latest: T.Union([Reading, T.Null()]),
  progress: T.Union([T.Number(), T.Null()]),
  trend: T.Union([oneOf(TRENDS), T.Null()]),
  onTrack: T.Union([T.Boolean(), T.Null()]),
  met: T.Boolean(),
});

const PlaceOut = T.Object({ country: T.String(), region: T.Optional(T.String()) });
const SourceOut = T.Object({ citation: T.String(), url: T.Union([T.String(), T.Null()]) });
const summaryFields = {
  id: T.String(),
  kind: Kind,
  categories: T.Array(Category),
  name: T.Object({ en: T.String(), ru: T.Optional(T.String()), zh: T.Optional(T.String()) }),
  start: T.String(),
  end: T.String(),
  places: T.Array(PlaceOut),
  participants: T.Array(T.Object({ kind: oneOf(['state', 'body'] as const), id: T.String() })),
  outcomeSummary: T.Union([T.String(), T.Null()]),
};
export const MeasureSummary = T.Object({
  ...summaryFields,
  confidence: T.String(),
  indicators: T.Integer({ description: 'how many indicators the measure has' }),
});
export const MeasureList = T.Object({ items: T.Array(MeasureSummary), total: T.Integer() });
export const MeasureView = T.Object({
  ...summaryFields,
  objectives: T.Array(T.String()),
  outcomes: T.Array(T.String()),
  sources: T.Array(SourceOut),
  confidence: T.String(),
  unconfirmed: T.Array(T.String()),
  notes: T.Union([T.String(), T.Null()]),
  origin: T.String(),
  createdAt: T.String(),
  createdBy: T.String(),
  updatedAt: T.String(),
  indicators: T.Array(Indicator),
  abilities: T.Record(T.String(), T.Boolean()),
});

export type NewMeasureInput = Static<typeof NewMeasureBody>;
export type PatchMeasureInput = Static<typeof PatchMeasureBody>;
export type NewIndicatorInput = Static<typeof NewIndicatorBody>;
export type NewMeasurementInput = Static<typeof NewMeasurementBody>;
export type MeasureSummaryDto = Static<typeof MeasureSummary>;
export type MeasureViewDto = Static<typeof MeasureView>;
export type IndicatorDto = Static<typeof Indicator>;
export type MeasurementDto = Static<typeof Measurement>;
