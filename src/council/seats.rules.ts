import { type Static, Type as T } from 'typebox';
import { Value } from 'typebox/value';

/**
 * Seats and rights in the bodies: what each class of state (member, observer, partner...) may do
 * in a body is data (`data/council-rights.json`), not code: a body's own entry overrides the
 * default for the classes it names. Pure.
 */

export const SEAT_ACTIONS = [
  'attend',
  'speak',
  'propose',
  'amend',
  'object',
  'state-position',
  'receive-documents',
] as const;
export type SeatAction = (typeof SEAT_ACTIONS)[number];

const Actions = T.Array(T.Unsafe<SeatAction>({ type: 'string', enum: [...SEAT_ACTIONS] }));
const ByClass = T.Record(T.String(), Actions);
export const RightsFile = T.Object({
  actions: T.Array(T.String()),
  default: ByClass,
  bodies: T.Record(T.String(), ByClass),
  notes: T.Optional(T.String()),
  sources: T.Array(T.String({ pattern: '^https?://' }), { minItems: 1 }),
});
export type Rights = Static<typeof RightsFile>;

/** Checks the rights file; returns the first fault with its path, or null. */
export function rightsFault(raw: unknown): string | null {
  const fault = Value.Errors(RightsFile, raw).find((e) => e.keyword !== 'boolean');
  return fault ? `${fault.instancePath || '(file)'}: ${fault.message}` : null;
}

/** What a state of `memberClass` may do in `bodyId`. */
export function rightsOf(rights: Rights, bodyId: string, memberClass: string): SeatAction[] {
  return [...(rights.bodies[bodyId]?.[memberClass] ?? rights.default[memberClass] ?? [])];
}

export interface Seat {
  state: string;
  memberClass: string;
  rights: SeatAction[];
}

/** The roster of a body: every state holding a status with at least one right there. */
export function roster(
  rights: Rights,
  bodyId: string,
  statuses: readonly { state: string; status: string }[],
): Seat[] {
  return statuses
    .map(({ state, status }) => ({ state, memberClass: status, rights: rightsOf(rights, bodyId, status) }))
    .filter((seat) => seat.rights.length > 0)
    .sort((a, b) => (a.state < b.state ? -1 : 1));
}

/** The states of a roster holding `action`. */
export function holding(seats: readonly Seat[], action: SeatAction): string[] {
  return seats.filter((s) => s.rights.includes(action)).map((s) => s.state);
}
