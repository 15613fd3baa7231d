import { Type as T } from 'typebox';
import { oneOf } from '../registry/reference-data.schema.ts';
import { DECISION_RULES, POSITIONS } from './decision.types.ts';

/** Request and response schemas of the decisions API; responses are the allowlist of fields. */

const I18n = T.Object({ en: T.String(), ru: T.Optional(T.String()), zh: T.Optional(T.String()) });
const StateText = T.Object({ state: T.String(), text: T.String() });

export const Decision = T.Object({
  id: T.String(),
  bodyId: T.String(),
  draftId: T.Union([T.String(), T.Null()]),
  revisionId: T.Union([T.String(), T.Null()]),
  title: I18n,
  rule: oneOf(DECISION_RULES),
  concernedState: T.Union([T.String(), T.Null()]),
  eligible: T.Array(T.String()),
  chairState: T.Union([T.String(), T.Null()]),
  openedAt: T.String(),
  status: oneOf(['pending', 'adopted', 'not-adopted'] as const),
  standingObjections: T.Array(T.Object({ state: T.String(), reason: T.String(), at: T.String() })),
  reservations: T.Array(StateText),
  statements: T.Array(StateText),
  positions: T.Record(T.String(), oneOf(POSITIONS)),
  closedAt: T.Union([T.String(), T.Null()]),
  procedure: T.Object(
    {
      kind: oneOf(['meeting', 'silence', 'written'] as const),
      deadline: T.Optional(T.String()),
      brokenBy: T.Optional(T.Union([T.String(), T.Null()])),
      stage: T.Optional(oneOf(['agreeing', 'in-writing', 'lapsed'] as const)),
      agreeBy: T.Optional(T.String()),
      agreed: T.Optional(T.Array(T.String())),
      awaiting: T.Optional(T.Array(T.String())),
      refusedBy: T.Optional(T.Union([T.String(), T.Null()])),
    },
    { description: 'how the decision is being taken: at a meeting, under silence, or in writing' },
  ),
  reason: T.String(),
  documentId: T.Union([T.String(), T.Null()], {
    description: 'the registry document an adopted decision on a draft became',
  }),
  receipts: T.Array(T.Object({ state: T.String(), at: T.String() }), {
    description: 'delivery receipts per delegation',
  }),
  notice: T.Union([T.String(), T.Null()], { description: 'issued when a silence procedure ends' }),
  listing: T.Union(
    [
      T.Object({ objectId: T.String(), assessmentId: T.String(), action: oneOf(['add', 'remove'] as const) }),
      T.Null(),
    ],
    { description: 'what the decision puts on the common list or takes off it, if adopted' },
  ),
  history: T.Array(T.Record(T.String(), T.Unknown()), { description: 'the event log, oldest first' }),
  abilities: T.Record(T.String(), T.Boolean()),
});
export const DecisionWithAmendment = T.Object({ ...Decision.properties, amendmentId: T.String() });
export const DecisionList = T.Object({ items: T.Array(Decision), total: T.Integer() });

export const OpenBody = T.Object(
  {
    bodyId: T.String({ minLength: 1, maxLength: 60 }),
    title: I18n,
    rule: T.String({ minLength: 1, maxLength: 40 }),
    draftId: T.Optional(T.String({ maxLength: 60 })),
    concernedState: T.Optional(T.String({ pattern: '^[A-Za-z]{2}$' })),
    chairState: T.Optional(T.String({ pattern: '^[A-Za-z]{2}$' })),
    silenceDeadline: T.Optional(T.String({ maxLength: 40 })),
    listing: T.Optional(
      T.Object(
        {
          objectId: T.String({ minLength: 1, maxLength: 100 }),
          assessmentId: T.String({ minLength: 1, maxLength: 60 }),
          action: oneOf(['add', 'remove'] as const),
        },
        {
          additionalProperties: false,
          description: 'what the decision would put on the common list or take off it',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export const PositionBody = T.Object(
  {
    position: T.String({ minLength: 1, maxLength: 20 }),
    text: T.Optional(T.String({ maxLength: 10_000 })),
    state: T.Optional(T.String({ pattern: '^[A-Za-z]{2}$' })),
  },
  { additionalProperties: false },
);
export const WithdrawBody = T.Object(
  { state: T.Optional(T.String({ pattern: '^[A-Za-z]{2}$' })) },
  { additionalProperties: false },
);
export const SilenceBody = T.Object(
  { deadline: T.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);
export const WrittenBody = T.Object(
  {
    agreeBy: T.String({ minLength: 1, maxLength: 40 }),
    deadline: T.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
);
export const WrittenAnswerBody = T.Object(
  {
    agrees: T.Boolean(),
    text: T.Optional(T.String({ maxLength: 10_000 })),
    state: T.Optional(T.String({ pattern: '^[A-Za-z]{2}$' })),
  },
  { additionalProperties: false },
);
export const CloseBody = T.Object(
  { ruling: T.String({ minLength: 1, maxLength: 10_000 }) },
  { additionalProperties: false },
);
export const AmendmentBody = T.Object(
  {
    revisionId: T.String({ minLength: 1, maxLength: 60 }),
    provision: T.String({ minLength: 1, maxLength: 200 }),
    language: T.String({ minLength: 2, maxLength: 2 }),
    oldText: T.String({ minLength: 1, maxLength: 10_000 }),
    newText: T.String({ minLength: 1, maxLength: 10_000 }),
    reason: T.String({ minLength: 1, maxLength: 10_000 }),
    state: T.Optional(T.String({ pattern: '^[A-Za-z]{2}$' })),
  },
  { additionalProperties: false },
);
export const DecisionsQuery = T.Object(
  {
    state: T.Optional(T.String({ pattern: '^[A-Za-z]{2}$' })),
    status: T.Optional(oneOf(['pending', 'adopted', 'not-adopted'] as const)),
    awaiting: T.Optional(T.Boolean()),
    limit: T.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: T.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export const IdParams = T.Object({ id: T.String({ minLength: 1, maxLength: 60 }) });
