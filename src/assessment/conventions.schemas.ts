import { type Static, Type as T } from 'typebox';
import { CONSENT_KINDS, INSTRUMENT_KINDS } from '../council/treaty.rules.ts';
import { ForceRule } from '../council/treaty.schemas.ts';
import { FullDate, I18nText, oneOf } from '../registry/reference-data.schema.ts';
import { CELL_STATUSES } from './conventions.rules.ts';

/**
 * Schemas of the Conventions' implementation: the records of `data/implementing-laws.json`, and
 * the API's requests and responses (the allowlist of fields).
 */

const Url = T.String({ pattern: '^https?://\\S+$', maxLength: 2000 });
const Nullable = <S extends ReturnType<typeof T.String>>(schema: S) => T.Union([schema, T.Null()]);

/** One law as the data file holds it, with the sources that confirm it. */
export const LawRecord = T.Object(
  {
    id: T.String({ pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 120 }),
    state: T.String({ pattern: '^[A-Z]{2}$' }),
    instrument: T.String({ minLength: 1 }),
    title: T.String({ minLength: 1, maxLength: 500 }),
    titleEn: T.Optional(T.String({ minLength: 1, maxLength: 500 })),
    adopted: FullDate,
    url: T.Optional(Url),
    note: T.Optional(T.String({ minLength: 1, maxLength: 2000 })),
    sources: T.Array(Url, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type LawRecord = Static<typeof LawRecord>;

// The API.

export const MatrixQuery = T.Object(
  {
    states: T.Optional(
      T.String({
        maxLength: 400,
        description: 'ISO 3166-1 alpha-2 codes, comma-separated (default: the members on `at`)',
      }),
    ),
    instruments: T.Optional(
      T.String({
        maxLength: 400,
        description: 'instrument document ids, comma-separated (default: all four)',
      }),
    ),
    at: T.Optional(T.String({ maxLength: 40, description: 'YYYY-MM-DD (default: today, UTC)' })),
  },
  { additionalProperties: false },
);

export const AtQuery = T.Object({ at: MatrixQuery.properties.at }, { additionalProperties: false });
export const CellParams = T.Object({
  instrument: T.String({ minLength: 1, maxLength: 120 }),
  state: T.String({ minLength: 1, maxLength: 10 }),
});
export const IdParams = T.Object({ id: T.String({ minLength: 1, maxLength: 120 }) });

const Instrument = T.Object({
  id: T.String(),
  title: I18nText,
  date: T.String(),
  recorded: T.Boolean({ description: 'whether the depositary holds any signature or instrument of it' }),
  inForce: T.Boolean(),
  since: Nullable(T.String()),
});

const StateRef = T.Object({
  code: T.String(),
  name: I18nText,
  status: Nullable(T.String({ description: 'the status the state held on the date' })),
});

export const NoteView = T.Object({
  id: T.String(),
  state: T.String(),
  instrument: T.String(),
  text: T.String(),
  date: T.String(),
  organization: T.Union([T.Object({ id: T.String(), name: I18nText }), T.Null()]),
  updatedAt: T.String(),
  abilities: T.Object({ update: T.Boolean(), delete: T.Boolean() }),
});
export type NoteView = Static<typeof NoteView>;

export const LawView = T.Object({
  id: T.String(),
  state: T.String(),
  instrument: T.String(),
  title: T.String(),
  titleEn: Nullable(T.String()),
  adopted: T.String(),
  url: Nullable(T.String()),
  note: Nullable(T.String()),
  sources: T.Array(T.String()),
  updatedAt: T.String(),
  abilities: T.Object({ update: T.Boolean(), delete: T.Boolean() }),
});
export type LawView = Static<typeof LawView>;

const Ratified = T.Union([T.Object({ kind: oneOf(CONSENT_KINDS), date: T.String() }), T.Null()]);

const Cell = T.Object({
  instrument: T.String(),
  status: oneOf(CELL_STATUSES),
  signed: Nullable(T.String()),
  ratified: Ratified,
  inForceFor: Nullable(T.String({ description: 'entry into force for the state (may lie after the date)' })),
  laws: T.Union([T.Integer(), T.Null()], {
    description: 'laws adopted by the date; null when you may not read them',
  }),
  latestNote: T.Union([NoteView, T.Null()]),
});

export const MatrixView = T.Object({
  asOf: T.String(),
  instruments: T.Array(Instrument),
  rows: T.Array(T.Object({ state: StateRef, cells: T.Array(Cell) })),
  readsLaws: T.Boolean(),
  readsNotes: T.Boolean(),
});
export type MatrixView = Static<typeof MatrixView>;

export const CellView = T.Object({
  asOf: T.String(),
  instrument: T.Object({
    ...Instrument.properties,
    rule: T.Union([ForceRule, T.Null()]),
  }),
  state: StateRef,
  status: oneOf(CELL_STATUSES),
  signed: Nullable(T.String()),
  ratified: Ratified,
  inForceFor: Nullable(T.String()),
  events: T.Array(
    T.Object({
      kind: oneOf([...INSTRUMENT_KINDS, 'entry-into-force'] as const),
      date: T.String(),
      notes: Nullable(T.String()),
      sources: T.Array(T.String()),
      confidence: T.String(),
    }),
  ),
  laws: T.Union([T.Array(LawView), T.Null()]),
  notes: T.Union([T.Array(NoteView), T.Null()]),
  abilities: T.Object({ createLaw: T.Boolean(), createNote: T.Boolean() }),
});
export type CellView = Static<typeof CellView>;

const StateCode = T.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 code' });
const InstrumentId = T.String({ minLength: 1, maxLength: 120, description: 'the instrument document id' });

export const NewLawBody = T.Object(
  {
    state: StateCode,
    instrument: InstrumentId,
    title: T.String({ minLength: 1, maxLength: 500, description: 'in the original language' }),
    titleEn: T.Optional(T.String({ minLength: 1, maxLength: 500 })),
    adopted: T.String({ maxLength: 40, description: 'YYYY-MM-DD' }),
    url: T.Optional(Url),
    note: T.Optional(T.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type NewLawBody = Static<typeof NewLawBody>;

export const LawPatchBody = T.Object(
  {
    title: T.Optional(T.String({ minLength: 1, maxLength: 500 })),
    titleEn: T.Optional(Nullable(T.String({ minLength: 1, maxLength: 500 }))),
    adopted: T.Optional(T.String({ maxLength: 40 })),
    url: T.Optional(Nullable(Url)),
    note: T.Optional(Nullable(T.String({ minLength: 1, maxLength: 2000 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type LawPatchBody = Static<typeof LawPatchBody>;

export const NewNoteBody = T.Object(
  {
    state: StateCode,
    instrument: InstrumentId,
    text: T.String({ minLength: 1, maxLength: 4000 }),
    date: T.Optional(T.String({ maxLength: 40, description: 'YYYY-MM-DD (default: today)' })),
  },
  { additionalProperties: false },
);
export type NewNoteBody = Static<typeof NewNoteBody>;

export const NotePatchBody = T.Object(
  {
    text: T.Optional(T.String({ minLength: 1, maxLength: 4000 })),
    date: T.Optional(T.String({ maxLength: 40 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type NotePatchBody = Static<typeof NotePatchBody>;

export const Removed = T.Object({}, { description: 'removed' });
