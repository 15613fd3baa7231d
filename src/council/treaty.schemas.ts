import { type Static, Type as T } from 'typebox';
import { CountryCode, FullDate, I18nText, oneOf, Slug } from '../registry/reference-data.schema.ts';
import { ACCESSIONS, CONFIDENCES, CONSENT_KINDS, INSTRUMENT_KINDS } from './treaty.rules.ts';

/**
 * Schemas of the life of documents: the records of `data/instruments.json`, checked before
 * anything is written, and the API's requests and responses (the allowlist of fields).
 */

const Url = T.String({ pattern: '^https?://', maxLength: 2000 });
const Sources = T.Array(Url, { maxItems: 20 });
const Confidence = oneOf(CONFIDENCES);
const Days = T.Integer({ minimum: 0, maximum: 3650, description: 'calendar days after the instrument' });

export const ForceRule = T.Union(
  [
    T.Object({ kind: T.Literal('on-signature') }, { additionalProperties: false }),
    T.Object(
      { kind: T.Literal('after-instruments'), days: Days, count: T.Integer({ minimum: 1, maximum: 200 }) },
      { additionalProperties: false },
    ),
    T.Object({ kind: T.Literal('after-all-instruments'), days: Days }, { additionalProperties: false }),
  ],
  { description: 'how the document enters into force' },
);

/** One signature or instrument of one state, as the data file holds it. */
export const InstrumentRecord = T.Object(
  {
    state: CountryCode,
    kind: oneOf(INSTRUMENT_KINDS),
    date: FullDate,
    notes: T.Optional(T.String({ minLength: 1 })),
    sources: T.Array(Url, { minItems: 1 }),
    confidence: Confidence,
  },
  { additionalProperties: false },
);

/** One document's rule of entry into force, who may accede, and the acts of its states. */
export const InstrumentsRecord = T.Object(
  {
    document: Slug,
    rule: ForceRule,
    accession: oneOf(ACCESSIONS),
    /** Provenance of the rule itself. */
    sources: T.Array(Url, { minItems: 1 }),
    confidence: Confidence,
    notes: T.Optional(T.String({ minLength: 1 })),
    instruments: T.Array(InstrumentRecord),
  },
  { additionalProperties: false },
);

export type InstrumentRecord = Static<typeof InstrumentRecord>;
export type InstrumentsRecord = Static<typeof InstrumentsRecord>;

// The API.

const IsoDate = T.String({ format: 'date', description: 'YYYY-MM-DD', examples: ['2003-09-19'] });

export const DocumentParams = T.Object({ id: T.String({ minLength: 1, maxLength: 120 }) });
export const LifeQuery = T.Object(
  {
    at: T.Optional(
      T.String({ format: 'date', description: 'the date of the answer, YYYY-MM-DD (default: today, UTC)' }),
    ),
  },
  { additionalProperties: false },
);

export const NewInstrumentBody = T.Object(
  {
    state: T.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 code' }),
    kind: oneOf(INSTRUMENT_KINDS),
    date: IsoDate,
    notes: T.Optional(T.String({ minLength: 1, maxLength: 2000 })),
    sources: T.Optional(Sources),
    confidence: T.Optional(Confidence),
  },
  { additionalProperties: false },
);
export type NewInstrumentBody = Static<typeof NewInstrumentBody>;

export const Instrument = T.Object({
  id: T.String(),
  state: T.String(),
  kind: oneOf(INSTRUMENT_KINDS),
  date: T.String(),
  notes: T.Union([T.String(), T.Null()]),
  sources: T.Array(T.String()),
  confidence: T.String(),
});

export const DocumentLife = T.Object({
  document: T.Object({
    id: T.String(),
    title: I18nText,
    date: T.String(),
    /** The general date the registry holds from its sources, for comparison. */
    entryIntoForce: T.Union([T.String(), T.Null()]),
  }),
  asOf: T.String(),
  rule: T.Union([ForceRule, T.Null()]),
  accession: oneOf(ACCESSIONS),
  inForce: T.Boolean(),
  since: T.Union([T.String(), T.Null()]),
  pending: T.Array(T.String()),
  states: T.Array(
    T.Object({
      state: T.String(),
      signed: T.Union([T.String(), T.Null()]),
      instrument: T.Union([T.Object({ kind: oneOf(CONSENT_KINDS), date: T.String() }), T.Null()]),
      inForceFor: T.Union([T.String(), T.Null()]),
    }),
  ),
  instruments: T.Array(Instrument),
  ruleProvenance: T.Union([
    T.Object({
      sources: T.Array(T.String()),
      confidence: T.String(),
      notes: T.Union([T.String(), T.Null()]),
    }),
    T.Null(),
  ]),
});
export type DocumentLifeDto = Static<typeof DocumentLife>;
export type InstrumentDto = Static<typeof Instrument>;
