import { Type as T } from 'typebox';
import { oneOf } from '../registry/reference-data.schema.ts';
import { ORGANIZATION_KINDS, ROLES } from './policy.rules.ts';

/** Request and response schemas of the identity API; responses are the allowlist of fields. */

const I18n = T.Object({ en: T.String(), ru: T.Optional(T.String()), zh: T.Optional(T.String()) });
const Abilities = T.Record(T.String(), T.Boolean(), {
  description: 'what the caller may do with this object',
});
const Role = oneOf(ROLES);
const list = <S extends ReturnType<typeof T.Object>>(item: S) =>
  T.Object({ items: T.Array(item), total: T.Integer() });

export const Organization = T.Object({
  id: T.String(),
  kind: oneOf(ORGANIZATION_KINDS),
  name: I18n,
  stateCode: T.Union([T.String(), T.Null()]),
  abilities: Abilities,
});
export const User = T.Object({
  id: T.String(),
  username: T.String(),
  displayName: T.String(),
  organizationId: T.String(),
  roles: T.Array(Role),
  disabled: T.Boolean(),
  createdAt: T.String(),
  abilities: Abilities,
});
export const Token = T.Object({
  id: T.String(),
  userId: T.String(),
  username: T.Optional(T.String()),
  name: T.String(),
  roles: T.Array(Role),
  createdAt: T.String(),
  expiresAt: T.String(),
  revokedAt: T.Union([T.String(), T.Null()]),
  lastUsedAt: T.Union([T.String(), T.Null()]),
});
export const NewToken = T.Object({
  ...Token.properties,
  token: T.String({ description: 'shown this once only' }),
});
export const Me = T.Object({
  user: T.Union([User, T.Null()]),
  organization: T.Union([Organization, T.Null()]),
  effectiveRoles: T.Array(Role),
  csrfToken: T.Union([T.String(), T.Null()]),
  setupRequired: T.Boolean(),
});
export const AuditEntry = T.Object({
  seq: T.Integer(),
  at: T.String(),
  actor: T.String(),
  organizationId: T.Union([T.String(), T.Null()]),
  action: T.String(),
  subjectType: T.String(),
  subjectId: T.String(),
  stateDigest: T.String(),
  prevHash: T.String(),
  hash: T.String(),
});
export const Verification = T.Object({
  ok: T.Boolean(),
  entries: T.Integer(),
  seq: T.Optional(T.Integer()),
  problem: T.Optional(T.String()),
});

export const LoginBody = T.Object(
  {
    username: T.String({ minLength: 1, maxLength: 64 }),
    password: T.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export const SetupBody = T.Object(
  {
    token: T.String({ minLength: 1, maxLength: 200 }),
    username: T.String({ minLength: 1, maxLength: 64 }),
    displayName: T.String({ minLength: 1, maxLength: 200 }),
    password: T.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export const NewUserBody = T.Object(
  {
    username: T.String({ minLength: 1, maxLength: 64 }),
    displayName: T.String({ minLength: 1, maxLength: 200 }),
    organizationId: T.String({ minLength: 1, maxLength: 100 }),
    roles: T.Array(T.String(), { minItems: 1, maxItems: 5 }),
    password: T.Optional(T.String({ minLength: 1, maxLength: 256 })),
  },
  { additionalProperties: false },
);
export const RolesBody = T.Object(
  { roles: T.Array(T.String(), { minItems: 1, maxItems: 5 }) },
  { additionalProperties: false },
);
export const NewTokenBody = T.Object(
  {
    name: T.String({ minLength: 1, maxLength: 100 }),
    roles: T.Array(T.String(), { minItems: 1, maxItems: 5 }),
    expiresInDays: T.Integer({ minimum: 1, maximum: 366, default: 90 }),
  },
  { additionalProperties: false },
);
export const NewPartnerBody = T.Object(
  { id: T.String({ minLength: 1, maxLength: 80 }), name: I18n },
  { additionalProperties: false },
);
export const UsersQuery = T.Object(
  {
    organizationId: T.Optional(T.String({ maxLength: 100 })),
    limit: T.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: T.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export const AuditQuery = T.Object(
  {
    subject: T.Optional(T.String({ maxLength: 200 })),
    subjectType: T.Optional(T.String({ maxLength: 50 })),
    actor: T.Optional(T.String({ maxLength: 200 })),
    since: T.Optional(T.String({ maxLength: 40 })),
    limit: T.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: T.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export const IdParams = T.Object({ id: T.String({ minLength: 1, maxLength: 100 }) });
export const Empty = T.Object({}, { additionalProperties: false });

export const OrganizationList = list(Organization);
export const UserList = list(User);
export const TokenList = list(Token);
export const AuditList = list(AuditEntry);
