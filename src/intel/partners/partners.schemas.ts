import { Type as T } from 'typebox';
import { oneOf } from '../../registry/reference-data.schema.ts';
import { ObjectSummary } from '../intel.schemas.ts';
import { TLP_LEVELS } from '../tlp.rules.ts';
import { AUTH_KINDS, DIRECTIONS, PARTNER_KINDS, PARTNER_STATUSES, PULL_TLPS } from './partners.rules.ts';

/**
 * Request and response schemas of the partner registry's API. Response schemas are the allowlist
 * of what leaves: an endpoint's secret has no field here, only `hasSecret`. Enumerated inputs are
 * strings checked by the rules, so that a wrong value is answered naming its field.
 */

const Name = T.Object(
  {
    en: T.String({ minLength: 1, maxLength: 300 }),
    ru: T.Optional(T.String({ maxLength: 300 })),
    zh: T.Optional(T.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
const Description = T.Object(
  {
    en: T.Optional(T.String({ maxLength: 4000 })),
    ru: T.Optional(T.String({ maxLength: 4000 })),
    zh: T.Optional(T.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
const Nullable = <S extends ReturnType<typeof T.String>>(schema: S) => T.Union([schema, T.Null()]);
const Short = T.String({ maxLength: 300 });
const Long = T.String({ maxLength: 4000 });
const Url = T.String({ maxLength: 2000 });

export const Agreement = T.Object({
  id: T.String(),
  title: T.String(),
  signedOn: T.String({ description: 'YYYY-MM-DD' }),
  scope: T.String(),
  validUntil: T.Union([T.String(), T.Null()]),
  documentUrl: T.Union([T.String(), T.Null()]),
});
export const Contact = T.Object({
  id: T.String(),
  office: T.String({ description: 'the function or office, e.g. "Duty desk"' }),
  email: T.Union([T.String(), T.Null()]),
  phone: T.Union([T.String(), T.Null()]),
});
export const Endpoint = T.Object({
  id: T.String(),
  apiRoot: T.String(),
  collectionId: T.String(),
  direction: oneOf(DIRECTIONS),
  auth: oneOf(AUTH_KINDS),
  username: T.Union([T.String(), T.Null()]),
  hasSecret: T.Boolean({ description: 'a password or token is held (it is never sent)' }),
  tlp: oneOf(PULL_TLPS),
  pullEveryMinutes: T.Union([T.Integer(), T.Null()]),
  cursor: T.Union([T.String(), T.Null()]),
  lastPullAt: T.Union([T.String(), T.Null()]),
  lastPullStatus: T.Union([oneOf(['ok', 'failed'] as const), T.Null()]),
  lastPullMessage: T.Union([T.String(), T.Null()]),
  lastPullCount: T.Union([T.Integer(), T.Null()]),
  createdAt: T.String(),
});

const entry = {
  id: T.String(),
  name: T.Object({ en: T.String(), ru: T.Optional(T.String()), zh: T.Optional(T.String()) }),
  kind: oneOf(PARTNER_KINDS),
  seat: T.Union([T.String(), T.Null()]),
  website: T.Union([T.String(), T.Null()]),
  description: T.Object({
    en: T.Optional(T.String()),
    ru: T.Optional(T.String()),
    zh: T.Optional(T.String()),
  }),
  status: oneOf(PARTNER_STATUSES),
  createdAt: T.String(),
  abilities: T.Record(T.String(), T.Boolean()),
};
export const PartnerSummary = T.Object({
  ...entry,
  agreementsCount: T.Integer(),
  endpoints: T.Array(Endpoint),
});
export const PartnerList = T.Object({ items: T.Array(PartnerSummary), total: T.Integer() });
export const PartnerView = T.Object({
  ...entry,
  agreements: T.Array(Agreement),
  contacts: T.Array(Contact),
  endpoints: T.Array(Endpoint),
});

export const StixView = T.Object({
  partner: T.String(),
  counts: T.Object(Object.fromEntries(TLP_LEVELS.map((l) => [l, T.Integer()]))),
  total: T.Integer(),
  items: T.Array(ObjectSummary),
});

/** The empty answer of a removal (204). */
export const Removed = T.Object({}, { description: 'removed' });

export const IdParams = T.Object({ id: T.String({ minLength: 1, maxLength: 100 }) });
export const RecordParams = T.Object({
  id: T.String({ minLength: 1, maxLength: 100 }),
  recordId: T.String({ minLength: 1, maxLength: 100 }),
});
export const PageQuery = T.Object(
  {
    limit: T.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: T.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);

const partnerFields = {
  kind: T.Optional(T.String({ maxLength: 60, description: PARTNER_KINDS.join(', ') })),
  seat: T.Optional(Nullable(Short)),
  website: T.Optional(Nullable(Url)),
  description: T.Optional(Description),
  status: T.Optional(T.String({ maxLength: 40, description: PARTNER_STATUSES.join(', ') })),
};
export const CreatePartnerBody = T.Object(
  {
    id: T.String({
      minLength: 1,
      maxLength: 80,
      description: 'e.g. cis-atc; an existing partner center may be given',
    }),
    name: Name,
    ...partnerFields,
    kind: T.String({ maxLength: 60, description: PARTNER_KINDS.join(', ') }),
  },
  { additionalProperties: false },
);
export const UpdatePartnerBody = T.Object(
  { name: T.Optional(Name), ...partnerFields },
  { additionalProperties: false },
);

const agreementFields = {
  validUntil: T.Optional(Nullable(T.String({ maxLength: 40 }))),
  documentUrl: T.Optional(Nullable(Url)),
};
export const CreateAgreementBody = T.Object(
  {
    title: Short,
    signedOn: T.String({ maxLength: 40, description: 'YYYY-MM-DD, not in the future' }),
    scope: Long,
    ...agreementFields,
  },
  { additionalProperties: false },
);
export const UpdateAgreementBody = T.Object(
  {
    title: T.Optional(Short),
    signedOn: T.Optional(T.String({ maxLength: 40 })),
    scope: T.Optional(Long),
    ...agreementFields,
  },
  { additionalProperties: false },
);

export const CreateContactBody = T.Object(
  {
    office: Short,
    email: T.Optional(Nullable(Short)),
    phone: T.Optional(Nullable(T.String({ maxLength: 60 }))),
  },
  { additionalProperties: false },
);
export const UpdateContactBody = T.Object(
  {
    office: T.Optional(Short),
    email: T.Optional(Nullable(Short)),
    phone: T.Optional(Nullable(T.String({ maxLength: 60 }))),
  },
  { additionalProperties: false },
);

const endpointFields = {
  auth: T.Optional(T.String({ maxLength: 40, description: AUTH_KINDS.join(', ') })),
  username: T.Optional(Nullable(Short)),
  secret: T.Optional(
    T.String({ maxLength: 4000, description: 'the password (basic) or token (bearer); write-only' }),
  ),
  tlp: T.Optional(
    T.String({ maxLength: 40, description: `marking of what is pulled: ${PULL_TLPS.join(', ')}` }),
  ),
  pullEveryMinutes: T.Optional(T.Union([T.Integer(), T.Null()])),
};
export const CreateEndpointBody = T.Object(
  {
    apiRoot: Url,
    collectionId: Short,
    direction: T.String({ maxLength: 40, description: DIRECTIONS.join(', ') }),
    ...endpointFields,
  },
  { additionalProperties: false },
);
export const UpdateEndpointBody = T.Object(
  {
    apiRoot: T.Optional(Url),
    collectionId: T.Optional(Short),
    direction: T.Optional(T.String({ maxLength: 40 })),
    ...endpointFields,
  },
  { additionalProperties: false },
);
