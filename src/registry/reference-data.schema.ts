import { type Static, Type as T } from 'typebox';

/**
 * Schemas of the reference data files in `data/`. The loader validates every file against
 * these before it writes anything, so a bad file names its record and field and loads nothing.
 */

/** An ISO 8601 calendar date, possibly reduced to a month or a year ("2004", "2004-01"). */
export const PartialDate = T.String({
  pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$',
  description: 'ISO 8601 date, full (YYYY-MM-DD) or reduced (YYYY-MM, YYYY)',
});
/** A full ISO 8601 calendar date. */
export const FullDate = T.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
export const CountryCode = T.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
export const Slug = T.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 120 });

/** Text in the three languages of the platform; English is always present. */
export const I18nText = T.Object(
  {
    en: T.String({ minLength: 1 }),
    ru: T.Optional(T.String({ minLength: 1 })),
    zh: T.Optional(T.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);
/** Text that must exist in all three languages (names the interface always shows). */
export const I18nTextFull = T.Object(
  { en: T.String({ minLength: 1 }), ru: T.String({ minLength: 1 }), zh: T.String({ minLength: 1 }) },
  { additionalProperties: false },
);

export const Confidence = T.Union(
  [T.Literal('confirmed'), T.Literal('partial'), T.Literal('inferred'), T.Literal('unconfirmed')],
  { description: 'how well the sources support the record' },
);

/** Provenance every record carries: its sources, how sure they make us, and what they disagree on. */
const provenance = {
  sources: T.Array(T.String({ pattern: '^https?://' }), { minItems: 1 }),
  confidence: Confidence,
  notes: T.Optional(T.String()),
  conflicts: T.Optional(T.Array(T.String({ minLength: 1 }))),
};

export const STATUSES = [
  'shanghai-five',
  'member',
  'observer',
  'dialogue-partner',
  'partner',
  'suspended',
] as const;
/** One of a fixed list of strings, as a JSON Schema enum with the matching static type. */
export const oneOf = <const V extends readonly string[]>(values: V) =>
  T.Unsafe<V[number]>({ type: 'string', enum: [...values] });

export const StatusName = oneOf(STATUSES);

export const StatusPeriod = T.Object(
  {
    status: StatusName,
    from: FullDate,
    /** Exclusive: on this date the state already holds its next status. Null while current. */
    to: T.Union([FullDate, T.Null()]),
    how: T.String({ minLength: 1, description: 'how the status began (decision, summit, memorandum)' }),
    ...provenance,
  },
  { additionalProperties: false },
);

export const StateRecord = T.Object(
  {
    code: CountryCode,
    /** Overrides of the ISO names from i18n-iso-countries, where the SCO's usage differs. */
    name: T.Optional(I18nText),
    statuses: T.Array(StatusPeriod, { minItems: 1 }),
    ...provenance,
  },
  { additionalProperties: false },
);

export const BODY_KINDS = ['council', 'meeting', 'permanent-body', 'center'] as const;
export const BodyRecord = T.Object(
  {
    id: Slug,
    abbreviation: T.String({ minLength: 1 }),
    name: I18nTextFull,
    kind: oneOf(BODY_KINDS),
    charterArticle: T.Union([T.String(), T.Null()]),
    seat: T.Union([I18nTextFull, T.Null()]),
    since: T.Union([PartialDate, T.Null()]),
    role: I18nText,
    ...provenance,
  },
  { additionalProperties: false },
);

export const SUMMIT_FORMATS = ['in-person', 'virtual', 'hybrid'] as const;
export const SummitRecord = T.Object(
  {
    id: Slug,
    series: T.Union([T.Literal('shanghai-five'), T.Literal('sco')]),
    ordinal: T.Integer({ minimum: 1 }),
    ordinalSourced: T.Boolean(),
    start: FullDate,
    end: FullDate,
    city: I18nTextFull,
    host: CountryCode,
    chair: CountryCode,
    format: oneOf(SUMMIT_FORMATS),
    /** Ids of documents in documents.json adopted or signed at this summit. */
    documents: T.Array(Slug),
    ...provenance,
  },
  { additionalProperties: false },
);

export const DOCUMENT_KINDS = [
  'treaty',
  'agreement',
  'charter',
  'convention',
  'declaration',
  'protocol',
  'statement',
  'decision',
] as const;
export const DocumentRecord = T.Object(
  {
    id: Slug,
    title: I18nText,
    kind: oneOf(DOCUMENT_KINDS),
    date: PartialDate,
    place: T.Union([I18nText, T.Null()]),
    /** Id of the body that adopted it (bodies.json). */
    body: T.Union([Slug, T.Null()]),
    parties: T.Array(CountryCode),
    description: T.Optional(I18nText),
    entryIntoForce: T.Optional(T.Union([FullDate, T.Null()])),
    ...provenance,
  },
  { additionalProperties: false },
);

export const OFFICES = ['secretary-general', 'rats-director'] as const;
export const PersonRecord = T.Object(
  {
    id: Slug,
    name: I18nText,
    office: oneOf(OFFICES),
    order: T.Integer({ minimum: 1 }),
    country: T.Union([CountryCode, T.Null()]),
    start: PartialDate,
    end: T.Union([PartialDate, T.Null()]),
    ...provenance,
  },
  { additionalProperties: false },
);

export type I18n = Static<typeof I18nText>;
export type StatusName = (typeof STATUSES)[number];
export type StateRecord = Static<typeof StateRecord>;
export type BodyRecord = Static<typeof BodyRecord>;
export type SummitRecord = Static<typeof SummitRecord>;
export type DocumentRecord = Static<typeof DocumentRecord>;
export type PersonRecord = Static<typeof PersonRecord>;

/** The files of `data/`, each an array of records, and the schema of one record. */
export const REFERENCE_FILES = {
  states: StateRecord,
  bodies: BodyRecord,
  summits: SummitRecord,
  documents: DocumentRecord,
  people: PersonRecord,
} as const;
export type ReferenceData = {
  states: StateRecord[];
  bodies: BodyRecord[];
  summits: SummitRecord[];
  documents: DocumentRecord[];
  people: PersonRecord[];
};
