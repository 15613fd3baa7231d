import { Type as T } from 'typebox';
import { oneOf } from '../registry/reference-data.schema.ts';
import { TLP_LEVELS } from './tlp.rules.ts';

/** Request and response schemas of the information center's API. */

const Tlp = oneOf(TLP_LEVELS);
const Ids = T.Array(T.String({ minLength: 1, maxLength: 100 }), { maxItems: 500 });

export const ObjectSummary = T.Object({
  id: T.String(),
  type: T.String(),
  name: T.Union([T.String(), T.Null()]),
  happened: T.Union([T.String(), T.Null()]),
  tlp: Tlp,
  creatorOrg: T.String(),
  created: T.String(),
  modified: T.String(),
});
export const ObjectList = T.Object({ items: T.Array(ObjectSummary), total: T.Integer() });

const StixBody = T.Record(T.String(), T.Unknown(), { description: 'a STIX 2.1 object, every property kept' });
export const ObjectView = T.Object({
  object: StixBody,
  tlp: Tlp,
  creatorOrg: T.String(),
  recipientOrgs: T.Array(T.String(), { description: 'shown to the creating organization only' }),
  recipientUsers: T.Array(T.String()),
  abilities: T.Record(T.String(), T.Boolean()),
  written: T.Optional(oneOf(['created', 'versioned', 'unchanged'] as const)),
});
export const VersionList = T.Object({
  items: T.Array(T.Object({ modified: T.String(), object: StixBody })),
});

export const ObjectsQuery = T.Object(
  {
    type: T.Optional(T.String({ maxLength: 400, description: 'comma-separated STIX types' })),
    q: T.Optional(T.String({ maxLength: 200 })),
    from: T.Optional(T.String({ format: 'date', description: 'happened on or after' })),
    to: T.Optional(T.String({ format: 'date', description: 'happened before' })),
    createdBy: T.Optional(T.String({ maxLength: 100 })),
    limit: T.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: T.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export const ExportQuery = T.Object(
  {
    type: T.Optional(T.String({ maxLength: 400 })),
    q: T.Optional(T.String({ maxLength: 200 })),
    from: T.Optional(T.String({ format: 'date' })),
    to: T.Optional(T.String({ format: 'date' })),
    createdBy: T.Optional(T.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const SaveBody = T.Object(
  {
    object: StixBody,
    tlp: T.String({
      minLength: 1,
      maxLength: 40,
      description: 'TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED',
    }),
    recipientOrgs: T.Optional(Ids),
    recipientUsers: T.Optional(Ids),
    lowerMarking: T.Optional(T.Boolean()),
  },
  { additionalProperties: false },
);
export const ShareBody = T.Object(
  {
    tlp: T.String({ minLength: 1, maxLength: 40 }),
    recipientOrgs: T.Optional(Ids),
    recipientUsers: T.Optional(Ids),
  },
  { additionalProperties: false },
);
export const ImportQuery = T.Object(
  {
    tlp: T.String({ minLength: 1, maxLength: 40 }),
    recipientOrgs: T.Optional(T.String({ maxLength: 2000, description: 'comma-separated organization ids' })),
    partial: T.Optional(T.Boolean()),
  },
  { additionalProperties: false },
);
export const ImportReport = T.Object({
  read: T.Integer(),
  created: T.Integer(),
  versioned: T.Integer(),
  unchanged: T.Integer(),
  rejected: T.Integer(),
  rejections: T.Array(T.Object({ at: T.String(), field: T.String(), problem: T.String() })),
  landed: T.Boolean(),
});
export const IdParams = T.Object({ id: T.String({ minLength: 1, maxLength: 100 }) });

const Evidence = T.Object(
  {
    kind: oneOf(['object', 'document', 'source'] as const),
    ref: T.String({ minLength: 1, maxLength: 300 }),
    note: T.Optional(T.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
const Finding = T.Object(
  {
    element: T.String({ minLength: 1, maxLength: 100 }),
    value: oneOf(['holds', 'does-not-hold', 'unknown'] as const),
    evidence: T.Array(Evidence, { maxItems: 50 }),
    derived: T.Optional(T.Union([T.Literal('gtd'), T.Null()])),
    note: T.Optional(T.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export const AssessmentBody = T.Object(
  {
    subjectId: T.String({ minLength: 1, maxLength: 100 }),
    set: T.String({ minLength: 1, maxLength: 40 }),
    version: T.Optional(T.Integer({ minimum: 1 })),
    findings: T.Array(Finding, { maxItems: 100 }),
  },
  { additionalProperties: false },
);
/** The computed classification with its reasons; see `src/intel/classification.types.ts`. */
export const AssessmentView = T.Record(T.String(), T.Unknown());
export const Assessments = T.Object({
  items: T.Array(T.Record(T.String(), T.Unknown())),
  disagreements: T.Array(T.Record(T.String(), T.Unknown())),
});
export const Findings = T.Object({ items: T.Array(T.Record(T.String(), T.Unknown())) });
export const DefinitionSets = T.Object({ items: T.Array(T.Record(T.String(), T.Unknown())) });
export const CommonList = T.Object({
  items: T.Array(T.Record(T.String(), T.Unknown())),
  history: T.Array(T.Record(T.String(), T.Unknown())),
});

const Nullable = <S extends ReturnType<typeof T.String> | ReturnType<typeof T.Number>>(schema: S) =>
  T.Union([schema, T.Null()]);
export const IncidentRow = T.Object({
  id: T.String(),
  name: T.String(),
  date: Nullable(T.String()),
  precision: Nullable(T.String()),
  country: Nullable(T.String()),
  countryCode: Nullable(T.String()),
  region: Nullable(T.String()),
  city: Nullable(T.String()),
  latitude: Nullable(T.Number()),
  longitude: Nullable(T.Number()),
  attackTypes: T.Array(T.String()),
  weaponTypes: T.Array(T.String()),
  perpetrators: T.Array(T.String()),
  killed: Nullable(T.Number()),
  wounded: Nullable(T.Number()),
  tlp: T.Union([Tlp, T.Null()]),
});
export const IncidentList = T.Object({ items: T.Array(IncidentRow), total: T.Integer() });
export const IncidentsQuery = T.Object(
  {
    from: T.Optional(T.String({ format: 'date' })),
    to: T.Optional(T.String({ format: 'date' })),
    q: T.Optional(T.String({ maxLength: 200 })),
    country: T.Optional(T.String({ maxLength: 200, description: 'ISO 3166 alpha-2 codes, comma-separated' })),
    organization: T.Optional(
      T.String({ maxLength: 100, description: 'incidents attributed to this organization' }),
    ),
    limit: T.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    offset: T.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export const Timeline = T.Object({
  firstSeen: Nullable(T.String()),
  lastSeen: Nullable(T.String()),
  years: T.Array(
    T.Object({ year: T.String(), incidents: T.Integer(), killed: T.Number(), wounded: T.Number() }),
  ),
});
