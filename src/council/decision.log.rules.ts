import type { DecisionEvent, OpenedEvent, Position, SilenceBreak } from './decision.types.ts';

/**
 * Replays a decision's event log into the state the outcome is computed from. Pure: the time is an
 * argument, and events are read in `seq` order whatever the order of the array.
 */

/** A state's current position, with the text that came with it and when it was taken. */
export interface Held {
  position: Position;
  text: string | null;
  at: string;
}

export interface Silence {
  deadline: string;
  /** The first eligible objection or amendment before the deadline; later ones change nothing. */
  broken: { state: string; reason: SilenceBreak; at: string } | null;
}

/** A written procedure: agreeing to use it, then in writing; lapsed when its use was not agreed. */
export interface Written {
  agreeBy: string;
  deadline: string;
  stage: 'agreeing' | 'in-writing' | 'lapsed';
  /** The states that agreed to use it, with when. */
  agreed: Map<string, string>;
  refusedBy: { state: string; at: string; text: string | null } | null;
}

/**
 * How consideration ended: the chair's close, the expiry of a silence procedure's deadline, or
 * the end of the time for answers in writing.
 */
export type Ending =
  | { kind: 'closed'; at: string }
  | { kind: 'deadline'; at: string }
  | { kind: 'written'; at: string };

export interface Replayed {
  opened: OpenedEvent | null;
  /** The states whose positions count: the roster at opening minus the state concerned. */
  eligible: ReadonlySet<string>;
  held: ReadonlyMap<string, Held>;
  silence: Silence | null;
  written: Written | null;
  ending: Ending | null;
}

/** Milliseconds of an ISO 8601 instant; throws on a malformed one, so bad input never passes as "early". */
export function instant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 instant: ${iso}`);
  return ms;
}

/**
 * Folds the events known at `now` into positions, silence and ending. Positions of states outside the
 * eligible set are ignored; nothing after the close or after a silence deadline counts.
 */
export function replay(events: readonly DecisionEvent[], now: string): Replayed {
  const nowMs = instant(now);
  const ordered = events.filter((e) => instant(e.at) <= nowMs).sort((a, b) => a.seq - b.seq);
  let opened: OpenedEvent | null = null;
  let eligible = new Set<string>();
  const held = new Map<string, Held>();
  let silence: Silence | null = null;
  let written: Written | null = null;
  let ending: Ending | null = null;

  const breakSilence = (state: string, reason: SilenceBreak, at: string) => {
    if (silence && !silence.broken) silence.broken = { state, reason, at };
  };

  for (const event of ordered) {
    if (!opened) {
      if (event.type === 'opened') {
        opened = event;
        eligible = new Set(event.eligible.filter((state) => state !== event.concerned));
        if (event.deadline) silence = { deadline: event.deadline, broken: null };
      }
      continue;
    }
    if (silence && instant(event.at) >= instant(silence.deadline)) {
      ending = { kind: 'deadline', at: silence.deadline };
      break;
    }
    if (written) {
      const atMs = instant(event.at);
      if (written.stage === 'agreeing' && atMs >= instant(written.agreeBy)) written.stage = 'lapsed';
      if (written.stage === 'in-writing' && atMs >= instant(written.deadline)) {
        ending = { kind: 'written', at: written.deadline };
        break;
      }
    }
    if (event.type === 'closed') {
      ending = { kind: 'closed', at: event.at };
      break;
    }
    if (event.type === 'silence-launched') {
      silence = { deadline: event.deadline, broken: null };
      continue;
    }
    if (event.type === 'written-launched') {
      written = {
        agreeBy: event.agreeBy,
        deadline: event.deadline,
        stage: 'agreeing',
        agreed: new Map(),
        refusedBy: null,
      };
      continue;
    }
    if (event.type === 'opened' || !eligible.has(event.state)) continue;
    switch (event.type) {
      case 'position':
        held.set(event.state, { position: event.position, text: event.text ?? null, at: event.at });
        if (event.position === 'objection') breakSilence(event.state, 'objection', event.at);
        break;
      case 'withdraw-objection':
        if (held.get(event.state)?.position === 'objection') {
          held.set(event.state, { position: 'no-objection', text: null, at: event.at });
        }
        break;
      case 'silence-broken':
        breakSilence(event.state, event.reason, event.at);
        break;
      case 'amendment-proposed':
        breakSilence(event.state, 'amendment', event.at);
        break;
      case 'written-answer':
        if (written?.stage !== 'agreeing') break;
        if (!event.agrees) {
          written.stage = 'lapsed';
          written.refusedBy = { state: event.state, at: event.at, text: event.text ?? null };
          break;
        }
        written.agreed.set(event.state, event.at);
        if ([...eligible].every((state) => written?.agreed.has(state))) written.stage = 'in-writing';
        break;
    }
  }
  if (opened && !ending && silence && nowMs >= instant(silence.deadline)) {
    ending = { kind: 'deadline', at: silence.deadline };
  }
  if (opened && !ending && written) {
    if (written.stage === 'agreeing' && nowMs >= instant(written.agreeBy)) written.stage = 'lapsed';
    if (written.stage === 'in-writing' && nowMs >= instant(written.deadline)) {
      ending = { kind: 'written', at: written.deadline };
    }
  }
  return { opened, eligible, held, silence, written, ending };
}
