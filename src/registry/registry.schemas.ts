import { type Static, Type as T, type TSchema } from 'typebox';
import {
  BODY_KINDS,
  DOCUMENT_KINDS,
  OFFICES,
  oneOf,
  STATUSES,
  SUMMIT_FORMATS,
} from './reference-data.schema.ts';

/**
 * Request and response schemas of the registry API. Responses are the allowlist of fields:
 * Fastify serializes only what is declared here, and the OpenAPI document is built from them.
 */
const literals = oneOf;

export const I18n = T.Object(
  { en: T.String(), ru: T.Optional(T.String()), zh: T.Optional(T.String()) },
  { description: 'Text in English, Russian and Chinese' },
);

const IsoDate = T.String({ format: 'date', description: 'YYYY-MM-DD', examples: ['2016-01-01'] });
const Code = T.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 code' });

const provenance = {
  confidence: T.String(),
  sources: T.Array(T.String()),
  notes: T.Optional(T.String()),
  conflicts: T.Optional(T.Array(T.String())),
};

export const Page = {
  limit: T.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: T.Integer({ minimum: 0, default: 0 }),
};
const list = <S extends TSchema>(item: S) => T.Object({ items: T.Array(item), total: T.Integer() });

export const StatusPeriod = T.Object({
  status: literals(STATUSES),
  from: T.String(),
  to: T.Union([T.String(), T.Null()]),
  how: T.String(),
  ...provenance,
});
export const State = T.Object({
  code: T.String(),
  name: I18n,
  statuses: T.Array(StatusPeriod),
  statusAt: T.Union([StatusPeriod, T.Null()]),
  ...provenance,
});
export const SummitSummary = T.Object({
  id: T.String(),
  series: T.Union([T.Literal('shanghai-five'), T.Literal('sco')]),
  ordinal: T.Integer(),
  ordinalSourced: T.Boolean(),
  start: T.String(),
  end: T.String(),
  city: I18n,
  host: T.String(),
  hostName: I18n,
  chair: T.String(),
  chairName: I18n,
  format: literals(SUMMIT_FORMATS),
  documentCount: T.Integer(),
});
export const DocumentSummary = T.Object({
  id: T.String(),
  title: I18n,
  kind: literals(DOCUMENT_KINDS),
  date: T.String(),
  summitId: T.Union([T.String(), T.Null()]),
});
export const StateDetail = T.Object({
  ...State.properties,
  summitsHosted: T.Array(SummitSummary),
  documents: T.Array(DocumentSummary),
});
export const Body = T.Object({
  id: T.String(),
  abbreviation: T.String(),
  name: I18n,
  kind: literals(BODY_KINDS),
  charterArticle: T.Union([T.String(), T.Null()]),
  seat: T.Union([I18n, T.Null()]),
  since: T.Union([T.String(), T.Null()]),
  role: I18n,
  ...provenance,
});
export const SummitDetail = T.Object({
  ...SummitSummary.properties,
  documents: T.Array(DocumentSummary),
  ...provenance,
});
const NamedRef = T.Object({ id: T.String(), name: I18n });
export const DocumentDetail = T.Object({
  ...DocumentSummary.properties,
  place: T.Union([I18n, T.Null()]),
  body: T.Union([NamedRef, T.Null()]),
  parties: T.Array(T.Object({ code: T.String(), name: I18n })),
  description: T.Union([I18n, T.Null()]),
  entryIntoForce: T.Union([T.String(), T.Null()]),
  origin: T.String({ description: "'reference' (the registry's data) or 'council' (adopted by a decision)" }),
  decisionId: T.Union([T.String(), T.Null()]),
  text: T.Union([T.Object({ ru: T.String(), zh: T.String(), en: T.String() }), T.Null()], {
    description: 'the exact adopted text, for documents the Council adopted',
  }),
  reservations: T.Array(T.Object({ state: T.String(), text: T.String() })),
  ...provenance,
});
export const Person = T.Object({
  id: T.String(),
  name: I18n,
  office: literals(OFFICES),
  order: T.Integer(),
  country: T.Union([T.String(), T.Null()]),
  countryName: T.Union([I18n, T.Null()]),
  start: T.String(),
  end: T.Union([T.String(), T.Null()]),
  ...provenance,
});
export const CHRONOLOGY_KINDS = ['summit', 'document', 'status', 'appointment'] as const;
export const ChronologyEvent = T.Object({
  date: T.String(),
  kind: literals(CHRONOLOGY_KINDS),
  title: I18n,
  subject: T.Object({ type: T.String(), id: T.String() }),
  states: T.Array(T.String()),
});
export const SEARCH_TYPES = ['state', 'body', 'summit', 'document', 'person'] as const;
export const SearchHit = T.Object({ type: literals(SEARCH_TYPES), id: T.String(), title: I18n });

export const StatesQuery = T.Object(
  { status: T.Optional(literals(STATUSES)), at: T.Optional(IsoDate), ...Page },
  { additionalProperties: false },
);
export const SummitsQuery = T.Object(
  { from: T.Optional(IsoDate), to: T.Optional(IsoDate), ...Page },
  { additionalProperties: false },
);
export const DocumentsQuery = T.Object(
  {
    q: T.Optional(T.String({ minLength: 1, maxLength: 200 })),
    kind: T.Optional(literals(DOCUMENT_KINDS)),
    from: T.Optional(IsoDate),
    to: T.Optional(IsoDate),
    state: T.Optional(Code),
    ...Page,
  },
  { additionalProperties: false },
);
export const PeopleQuery = T.Object(
  { office: T.Optional(literals(OFFICES)), ...Page },
  { additionalProperties: false },
);
export const ChronologyQuery = T.Object(
  {
    from: T.Optional(IsoDate),
    to: T.Optional(IsoDate),
    kind: T.Optional(literals(CHRONOLOGY_KINDS)),
    state: T.Optional(Code),
    ...Page,
  },
  { additionalProperties: false },
);
export const SearchQuery = T.Object(
  { q: T.String({ minLength: 1, maxLength: 200 }), ...Page },
  { additionalProperties: false },
);
export const PageOnly = T.Object({ ...Page }, { additionalProperties: false });
export const CodeParams = T.Object({ code: Code });
export const IdParams = T.Object({ id: T.String({ minLength: 1, maxLength: 120 }) });

export const StateList = list(State);
export const SummitList = list(SummitSummary);
export const DocumentList = list(DocumentSummary);
export const BodyList = list(Body);
export const PersonList = list(Person);
export const ChronologyList = list(ChronologyEvent);
export const SearchResults = list(SearchHit);

export type I18nValue = Static<typeof I18n>;
export type StateDto = Static<typeof State>;
export type StatusPeriodDto = Static<typeof StatusPeriod>;
export type StateDetailDto = Static<typeof StateDetail>;
export type SummitSummaryDto = Static<typeof SummitSummary>;
export type SummitDetailDto = Static<typeof SummitDetail>;
export type DocumentSummaryDto = Static<typeof DocumentSummary>;
export type DocumentDetailDto = Static<typeof DocumentDetail>;
export type BodyDto = Static<typeof Body>;
export type PersonDto = Static<typeof Person>;
export type ChronologyEventDto = Static<typeof ChronologyEvent>;
export type SearchHitDto = Static<typeof SearchHit>;
export type StatesQueryDto = Static<typeof StatesQuery>;
export type SummitsQueryDto = Static<typeof SummitsQuery>;
export type DocumentsQueryDto = Static<typeof DocumentsQuery>;
export type PeopleQueryDto = Static<typeof PeopleQuery>;
export type ChronologyQueryDto = Static<typeof ChronologyQuery>;
export type SearchQueryDto = Static<typeof SearchQuery>;
export type Paged<T> = { items: T[]; total: number };
