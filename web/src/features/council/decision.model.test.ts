import { describe, expect, it } from 'vitest';
import {
  answeringState,
  closeBlock,
  countedStates,
  lastSeq,
  mayProposeWritten,
  newestFirst,
  nextTurn,
  positionCount,
  positionsWaitForWritten,
  rulingOf,
  silenceOf,
  silenceRunning,
  speakingState,
  summaryOf,
  writtenOf,
} from './decision.model.ts';
import type { Decision, HistoryEvent, WrittenProcedure } from './types.ts';

const OPENED: HistoryEvent = {
  seq: 1,
  at: '2026-11-01T08:00:00.000Z',
  type: 'opened',
  rule: 'consensus-minus-one',
  eligible: ['CN', 'KZ', 'RU'],
  concerned: 'RU',
  deadline: null,
};

function decision(history: HistoryEvent[], overrides: Partial<Decision> = {}): Decision {
  return {
    id: 'd1',
    bodyId: 'chs',
    draftId: null,
    revisionId: null,
    title: { en: 'Joint statement' },
    rule: 'consensus-minus-one',
    concernedState: 'RU',
    eligible: ['CN', 'KZ', 'RU'],
    chairState: 'CN',
    openedAt: OPENED.at,
    status: 'pending',
    standingObjections: [],
    reservations: [],
    statements: [],
    positions: {},
    closedAt: null,
    procedure: { kind: 'meeting' },
    reason: 'Open, awaiting the close.',
    history,
    abilities: { read: true },
    ...overrides,
  };
}

describe('the board model', () => {
  it('counts the states without the state concerned', () => {
    const d = decision([OPENED], { positions: { KZ: 'support' } });
    expect(countedStates(d)).toEqual(['CN', 'KZ']);
    expect(positionCount(d)).toEqual({ stated: 1, of: 2 });
  });

  it('finds the silence deadline of the last launch, and what broke it', () => {
    const launched: HistoryEvent = {
      seq: 2,
      at: '2026-11-01T09:00:00.000Z',
      type: 'silence-launched',
      deadline: '2026-11-03T10:00:00.000Z',
    };
    const before = Date.parse('2026-11-02T00:00:00Z');
    expect(silenceOf(decision([OPENED]))).toBeNull();
    expect(silenceOf(decision([OPENED, launched]))).toEqual({
      deadline: launched.deadline,
      launchedAt: launched.at,
      broken: null,
    });
    expect(silenceRunning(decision([OPENED, launched]), before)).toBe(true);

    // The state concerned does not count; KZ's objection breaks silence.
    const ruObjects: HistoryEvent = {
      seq: 3,
      at: '2026-11-01T10:00:00.000Z',
      type: 'position',
      state: 'RU',
      position: 'objection',
      text: 'no',
    };
    const kzObjects: HistoryEvent = { ...ruObjects, seq: 4, state: 'KZ' };
    expect(silenceOf(decision([OPENED, launched, ruObjects]))?.broken).toBeNull();
    const broken = decision([kzObjects, OPENED, launched, ruObjects]);
    expect(silenceOf(broken)?.broken).toEqual({ state: 'KZ', at: kzObjects.at, reason: 'objection' });
    expect(silenceRunning(broken, before)).toBe(false);
  });

  it('takes the deadline of a decision opened under silence', () => {
    const opened = { ...OPENED, deadline: '2026-11-05T00:00:00.000Z' };
    expect(silenceOf(decision([opened]))?.deadline).toBe(opened.deadline);
  });

  it('orders the log newest first and reads the ruling', () => {
    const closed: HistoryEvent = {
      seq: 2,
      at: '2026-11-02T00:00:00.000Z',
      type: 'closed',
      by: 'user:1',
      ruling: 'Adopted.',
    };
    const d = decision([OPENED, closed]);
    expect(newestFirst(d).map((e) => e.seq)).toEqual([2, 1]);
    expect(lastSeq(d)).toBe(2);
    expect(rulingOf(d)).toBe('Adopted.');
  });

  it('lets a delegation speak only for its own counted state', () => {
    const d = decision([OPENED]);
    expect(speakingState(d, { stateCode: 'KZ', roles: ['delegate'] })).toBe('KZ');
    expect(speakingState(d, { stateCode: 'RU', roles: ['head-of-delegation'] })).toBeNull();
    expect(speakingState(d, { stateCode: 'KZ', roles: ['analyst'] })).toBeNull();
    expect(speakingState(d, { stateCode: null, roles: ['delegate'] })).toBeNull();
  });

  it('names the grounds of the outcome', () => {
    const plain = { ...OPENED, rule: 'consensus' as const, concerned: null };
    const base = { rule: 'consensus' as const, concernedState: null };
    expect(summaryOf(decision([plain], base))).toEqual({ key: 'open' });
    const objection = { state: 'KZ', reason: 'no', at: plain.at };
    expect(summaryOf(decision([plain], { ...base, standingObjections: [objection] }))).toEqual({
      key: 'openObjection',
      states: ['KZ'],
    });
    expect(
      summaryOf(decision([plain], { ...base, status: 'not-adopted', standingObjections: [objection] })),
    ).toEqual({ key: 'notAdoptedObjection', states: ['KZ'] });
    expect(summaryOf(decision([plain], { ...base, status: 'adopted' }))).toEqual({ key: 'adopted' });
    expect(
      summaryOf(
        decision([plain], {
          ...base,
          rule: 'unanimity',
          status: 'not-adopted',
          positions: { CN: 'support', KZ: 'abstention' },
        }),
      ),
    ).toEqual({ key: 'notUnanimous', states: ['KZ', 'RU'] });
    const launched: HistoryEvent = {
      seq: 2,
      at: plain.at,
      type: 'silence-launched',
      deadline: '2026-11-09T00:00:00Z',
    };
    expect(summaryOf(decision([plain, launched], base))).toEqual({
      key: 'silence',
      deadline: launched.deadline,
    });
    const breaks: HistoryEvent = {
      seq: 3,
      at: plain.at,
      type: 'amendment-proposed',
      state: 'CN',
      text: 'p. 2',
    };
    expect(summaryOf(decision([plain, launched, breaks], base))).toEqual({
      key: 'silenceBroken',
      state: 'CN',
    });
    expect(summaryOf(decision([plain, launched, breaks], { ...base, status: 'not-adopted' }))).toEqual({
      key: 'silenceFailed',
      state: 'CN',
    });
  });
});

describe('the written procedure on the board', () => {
  const AGREE_BY = '2026-11-02T08:00:00.000Z';
  const DEADLINE = '2026-11-05T08:00:00.000Z';
  const launched: HistoryEvent = {
    seq: 2,
    at: '2026-11-01T09:00:00.000Z',
    type: 'written-launched',
    agreeBy: AGREE_BY,
    deadline: DEADLINE,
  };
  const answer = (seq: number, state: string, agrees: boolean, text: string | null = null): HistoryEvent => ({
    seq,
    at: `2026-11-01T1${seq}:00:00.000Z`,
    type: 'written-answer',
    state,
    agrees,
    text,
  });
  const procedure = (over: Partial<WrittenProcedure>): WrittenProcedure => ({
    kind: 'written',
    stage: 'agreeing',
    agreeBy: AGREE_BY,
    deadline: DEADLINE,
    agreed: [],
    awaiting: ['CN', 'KZ'],
    refusedBy: null,
    ...over,
  });
  const chair = { abilities: { read: true, close: true, 'launch-written': true } };
  const kz = { stateCode: 'KZ', roles: ['delegate'] };
  const cn = { stateCode: 'CN', roles: ['head-of-delegation'] };
  const before = Date.parse('2026-11-01T12:00:00Z');

  it('lets a counted delegation answer once, only while the use is being agreed', () => {
    const agreeing = decision([OPENED, launched, answer(3, 'CN', true)], {
      ...chair,
      procedure: procedure({ agreed: ['CN'], awaiting: ['KZ'] }),
    });
    expect(answeringState(agreeing, kz)).toBe('KZ');
    expect(answeringState(agreeing, cn)).toBeNull();
    // The state concerned and a user who speaks for no state do not answer.
    expect(answeringState(agreeing, { stateCode: 'RU', roles: ['delegate'] })).toBeNull();
    expect(answeringState(agreeing, { stateCode: 'KZ', roles: ['analyst'] })).toBeNull();
    expect(positionsWaitForWritten(agreeing)).toBe(true);
    expect(writtenOf(agreeing)).toMatchObject({ proposedAt: launched.at, missing: ['KZ'], refusal: null });

    const inWriting = decision([OPENED, launched, answer(3, 'CN', true), answer(4, 'KZ', true)], {
      procedure: procedure({ stage: 'in-writing', agreed: ['CN', 'KZ'], awaiting: [] }),
    });
    expect(answeringState(inWriting, kz)).toBeNull();
    expect(positionsWaitForWritten(inWriting)).toBe(false);
    const closed = { ...agreeing, status: 'adopted' as const, closedAt: DEADLINE };
    expect(answeringState(closed, kz)).toBeNull();
  });

  it('reads the refusal that lapsed it, with its reason, from the last proposal only', () => {
    const old = answer(3, 'KZ', false, 'an old refusal');
    const again: HistoryEvent = { ...launched, seq: 4, at: '2026-11-01T14:00:00.000Z' };
    const refused = decision([OPENED, launched, old, again, answer(5, 'CN', false, 'needs a meeting')], {
      procedure: procedure({ stage: 'lapsed', awaiting: [], refusedBy: 'CN' }),
    });
    expect(writtenOf(refused)).toMatchObject({
      stage: 'lapsed',
      proposedAt: again.at,
      refusal: { state: 'CN', text: 'needs a meeting' },
      missing: ['CN', 'KZ'],
    });
    const late = decision([OPENED, launched, answer(3, 'CN', true)], {
      procedure: procedure({ stage: 'lapsed', agreed: ['CN'], awaiting: [] }),
    });
    expect(writtenOf(late)).toMatchObject({ refusal: null, missing: ['KZ'] });
  });

  it('counts down to the time to agree, then to the deadline, and blocks the close meanwhile', () => {
    const agreeing = decision([OPENED, launched], { procedure: procedure({}) });
    expect(nextTurn(agreeing)).toBe(AGREE_BY);
    expect(closeBlock(agreeing, before)).toEqual({ kind: 'agreeing', until: AGREE_BY });
    const inWriting = decision([OPENED, launched], {
      procedure: procedure({ stage: 'in-writing', agreed: ['CN', 'KZ'], awaiting: [] }),
    });
    expect(nextTurn(inWriting)).toBe(DEADLINE);
    expect(closeBlock(inWriting, before)).toEqual({ kind: 'in-writing', until: DEADLINE });
    expect(summaryOf(agreeing)).toEqual({ key: 'writtenAgreeing', deadline: AGREE_BY });
    expect(summaryOf(inWriting)).toEqual({ key: 'inWriting', deadline: DEADLINE });
    const lapsed = decision([OPENED, launched], { procedure: procedure({ stage: 'lapsed', awaiting: [] }) });
    expect(nextTurn(lapsed)).toBeNull();
    expect(closeBlock(lapsed, before)).toBeNull();
    expect(nextTurn({ ...inWriting, status: 'adopted', closedAt: DEADLINE })).toBeNull();
  });

  it('offers the chair the written procedure at a meeting or after a lapse, never under silence', () => {
    expect(mayProposeWritten(decision([OPENED], chair))).toBe(true);
    expect(mayProposeWritten(decision([OPENED]))).toBe(false);
    expect(mayProposeWritten(decision([OPENED, launched], { ...chair, procedure: procedure({}) }))).toBe(
      false,
    );
    const lapsed = { ...chair, procedure: procedure({ stage: 'lapsed' as const, awaiting: [] }) };
    expect(mayProposeWritten(decision([OPENED, launched], lapsed))).toBe(true);
    const silence: HistoryEvent = { seq: 3, at: launched.at, type: 'silence-launched', deadline: DEADLINE };
    // Silence launched after a lapsed written procedure takes its place on the board.
    const underSilence = decision([OPENED, launched, silence], lapsed);
    expect(mayProposeWritten(underSilence)).toBe(false);
    expect(writtenOf(underSilence)).toBeNull();
    expect(nextTurn(underSilence)).toBe(DEADLINE);
    expect(closeBlock(underSilence, before)).toEqual({ kind: 'silence', until: DEADLINE });
  });
});
