import { Type as T } from 'typebox';
import { TLP_LEVELS } from '../intel/tlp.rules.ts';
import { oneOf } from '../registry/reference-data.schema.ts';
import { LANGUAGES, REGION_IDS, SECTIONS } from './bulletins.types.ts';

/** Request and response schemas of the bulletins' API. */

const Tlp = oneOf(TLP_LEVELS);
const Ids = T.Array(T.String({ minLength: 1, maxLength: 100 }), { maxItems: 200 });
const Day = T.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const BuildBody = T.Object(
  {
    title: T.String({ minLength: 1, maxLength: 200 }),
    language: oneOf(LANGUAGES),
    from: Day,
    to: Day,
    states: T.Optional(T.Array(T.String({ minLength: 2, maxLength: 2 }), { maxItems: 250 })),
    regions: T.Optional(T.Array(oneOf(REGION_IDS), { maxItems: 10 })),
    sections: T.Array(oneOf(SECTIONS), { minItems: 1, maxItems: SECTIONS.length }),
    note: T.Optional(T.String({ maxLength: 4000 })),
    topIncidents: T.Optional(T.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const SendBody = T.Object(
  {
    organizations: T.Optional(Ids),
    users: T.Optional(
      T.Array(T.String({ minLength: 1, maxLength: 100 }), { maxItems: 200, description: 'ids or usernames' }),
    ),
  },
  { additionalProperties: false },
);

export const IdParams = T.Object({ id: T.String({ minLength: 1, maxLength: 100 }) });

export const ListQuery = T.Object(
  {
    mine: T.Optional(T.Boolean({ description: 'built by your organization' })),
    received: T.Optional(T.Boolean({ description: 'sent to you or your organization' })),
    published: T.Optional(T.Boolean({ description: 'on the public portal' })),
    limit: T.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: T.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export const PublicQuery = T.Object(
  {
    limit: T.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: T.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);

const Nullable = <S extends ReturnType<typeof T.String>>(s: S) => T.Union([s, T.Null()]);

export const BulletinSummary = T.Object({
  id: T.String(),
  title: T.String(),
  language: T.String(),
  from: T.String(),
  to: T.String(),
  sections: T.Array(T.String()),
  tlp: Tlp,
  authorOrg: T.String(),
  createdAt: T.String(),
  published: T.Boolean(),
  publishedAt: Nullable(T.String()),
});
export const BulletinList = T.Object({ items: T.Array(BulletinSummary), total: T.Integer() });

export const BulletinView = T.Object({
  id: T.String(),
  title: T.String(),
  language: T.String(),
  from: T.String(),
  to: T.String(),
  states: T.Array(T.String()),
  regions: T.Array(T.String()),
  sections: T.Array(T.String()),
  note: Nullable(T.String()),
  tlp: Tlp,
  markingOrganizations: T.Union([T.Array(T.String()), T.Null()]),
  markingUsers: T.Union([T.Array(T.String()), T.Null()]),
  authorOrg: T.String(),
  createdAt: T.String(),
  published: T.Boolean(),
  publishedAt: Nullable(T.String()),
  parts: T.Array(T.Object({ id: T.String(), kind: T.String(), tlp: Tlp })),
  deliveries: T.Array(
    T.Object({
      recipientKind: T.String(),
      recipientId: T.String(),
      deliveredAt: T.String(),
      deliveredBy: T.String(),
    }),
  ),
  abilities: T.Record(T.String(), T.Boolean()),
});

export const Preview = T.Object({
  html: T.String(),
  tlp: Tlp,
  markingOrganizations: T.Union([T.Array(T.String()), T.Null()]),
  markingUsers: T.Union([T.Array(T.String()), T.Null()]),
  parts: T.Integer(),
});

export const RecipientChoices = T.Object({
  items: T.Array(
    T.Object({
      id: T.String(),
      kind: T.String(),
      name: T.Object({ en: T.String(), ru: T.Optional(T.String()), zh: T.Optional(T.String()) }),
      allowed: T.Boolean(),
      refusedPart: T.Union([T.Object({ id: T.String(), kind: T.String(), tlp: Tlp }), T.Null()]),
    }),
  ),
});
