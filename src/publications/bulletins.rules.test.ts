import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, authorize } from '../identity/policy.rules.ts';
import { rank, TLP_LEVELS } from '../intel/tlp.rules.ts';
import {
  checkRequest,
  coveredStates,
  firstUnreadable,
  incidentsOfNote,
  markingOf,
  monthsBetween,
  overviewOf,
  publishable,
} from './bulletins.rules.ts';
import type { IncidentFacts, Part } from './bulletins.types.ts';

const ORGS = ['delegation-cn', 'delegation-kz', 'secretariat', 'rats-executive-committee', 'partner-x'];
const USERS = ['u1', 'u2', 'u3', 'u4'];

const partArb: fc.Arbitrary<Part> = fc.record({
  id: fc.uuid().map((u) => `incident--${u}`),
  kind: fc.constant('incident' as const),
  tlp: fc.constantFrom(...TLP_LEVELS),
  creatorOrg: fc.constantFrom(...ORGS),
  recipientOrgs: fc.subarray(ORGS),
  recipientUsers: fc.subarray(USERS),
});

/** A reader standing for an organization, or a named user in it, as the send check builds them. */
const readerArb = fc.record({ org: fc.constantFrom(...ORGS), user: fc.constantFrom('', ...USERS) });
const actorOf = (r: { org: string; user: string }): Actor => ({
  kind: 'user',
  userId: r.user,
  organizationId: r.org,
  organizationKind: r.org.startsWith('delegation') ? 'delegation' : 'secretariat',
  roles: [],
});
const mayRead = (reader: Actor) => (p: Part) =>
  authorize(reader, 'read', 'stix', {
    tlp: p.tlp,
    creatorOrg: p.creatorOrg,
    recipientOrgs: p.recipientOrgs,
    recipientUsers: p.recipientUsers,
  });

describe('a bulletin’s marking', () => {
  it('is the most restrictive marking of its parts, never lower than any part', () => {
    fc.assert(
      fc.property(fc.array(partArb, { maxLength: 12 }), (parts) => {
        const m = markingOf(parts);
        for (const p of parts) expect(rank(m.tlp)).toBeGreaterThanOrEqual(rank(p.tlp));
        expect(parts.some((p) => p.tlp === m.tlp) || (parts.length === 0 && m.tlp === 'clear')).toBe(true);
      }),
    );
  });

  it('does not depend on the order of the parts', () => {
    const withPermutation = fc
      .array(partArb, { maxLength: 10 })
      .chain((parts) =>
        fc.tuple(
          fc.constant(parts),
          fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }),
        ),
      );
    fc.assert(
      fc.property(withPermutation, ([parts, shuffled]) => {
        expect(markingOf(shuffled)).toEqual(markingOf(parts));
      }),
    );
  });

  it('never widens when a part is added', () => {
    fc.assert(
      fc.property(fc.array(partArb, { maxLength: 10 }), partArb, (parts, extra) => {
        const before = markingOf(parts);
        const after = markingOf([...parts, extra]);
        expect(rank(after.tlp)).toBeGreaterThanOrEqual(rank(before.tlp));
        if (before.organizations && after.organizations)
          for (const o of after.organizations) expect(before.organizations).toContain(o);
        if (before.users && after.users) for (const u of after.users) expect(before.users).toContain(u);
      }),
    );
  });

  it('lets an organization it names read every AMBER part, and a user it names every RED part', () => {
    fc.assert(
      fc.property(fc.array(partArb, { maxLength: 10 }), readerArb, (parts, reader) => {
        const m = markingOf(parts);
        const actor = actorOf(reader);
        if (m.organizations?.includes(reader.org))
          for (const p of parts.filter((p) => p.tlp === 'amber' || p.tlp === 'amber+strict'))
            expect(mayRead(actor)(p)).toBe(true);
        if (m.users?.includes(reader.user))
          for (const p of parts.filter((p) => p.tlp === 'red')) expect(mayRead(actor)(p)).toBe(true);
      }),
    );
  });

  it('finds a part an organization outside the AMBER recipients may not read', () => {
    fc.assert(
      fc.property(fc.array(partArb, { maxLength: 10 }), fc.constantFrom(...ORGS), (parts, org) => {
        const m = markingOf(parts);
        const reader = actorOf({ org, user: '' });
        if (m.organizations && !m.organizations.includes(org))
          expect(firstUnreadable(parts, mayRead(reader))).not.toBeNull();
      }),
    );
  });

  it('carries the recipients of an AMBER part, intersected across parts', () => {
    const base = { kind: 'incident' as const, recipientUsers: [] };
    const m = markingOf([
      { ...base, id: 'a', tlp: 'green', creatorOrg: 'x', recipientOrgs: [] },
      {
        ...base,
        id: 'b',
        tlp: 'amber',
        creatorOrg: 'rats-executive-committee',
        recipientOrgs: ['secretariat', 'delegation-kz'],
      },
      { ...base, id: 'c', tlp: 'amber+strict', creatorOrg: 'secretariat', recipientOrgs: ['delegation-kz'] },
    ]);
    expect(m).toEqual({ tlp: 'amber+strict', organizations: ['delegation-kz', 'secretariat'], users: null });
    expect(markingOf([])).toEqual({ tlp: 'clear', organizations: null, users: null });
  });

  it('is publishable only when CLEAR', () => {
    for (const tlp of TLP_LEVELS) expect(publishable({ tlp })).toBe(tlp === 'clear');
  });
});

describe('a bulletin request', () => {
  const ok = {
    title: 'Q1',
    language: 'en',
    from: '2024-01-01',
    to: '2024-03-31',
    states: ['kz'],
    sections: ['overview'],
  };
  it('is checked field by field', () => {
    expect(checkRequest(ok).states).toEqual(['KZ']);
    expect(() => checkRequest({ ...ok, to: '2023-12-31' })).toThrow(/to: must not be before from/);
    expect(() => checkRequest({ ...ok, from: '2024-02-30' })).toThrow(/from: expected a date/);
    expect(() => checkRequest({ ...ok, states: [], regions: [] })).toThrow(/states: name states or regions/);
    expect(() => checkRequest({ ...ok, sections: ['gossip'] })).toThrow(/sections/);
    expect(() => checkRequest({ ...ok, language: 'fr' })).toThrow(/language/);
  });
  it('covers named states and the states of its regions', () => {
    expect(coveredStates(['CN'], ['central-asia'], [])).toEqual(['CN', 'KG', 'KZ', 'TJ', 'TM', 'UZ']);
    expect(coveredStates([], ['sco-members'], ['RU', 'CN'])).toEqual(['CN', 'RU']);
  });
});

describe('the overview', () => {
  const incident = (over: Partial<IncidentFacts>): IncidentFacts => ({
    id: `i${Math.random()}`,
    name: 'x',
    date: '2024-02-10',
    countryCode: 'KZ',
    city: null,
    attackTypes: [],
    killed: 1,
    wounded: 2,
    perpetrators: [],
    tlp: 'green',
    ...over,
  });
  it('counts per state and per month, every month of the period shown', () => {
    const o = overviewOf(
      [
        incident({}),
        incident({ countryCode: 'KG', date: '2024-03-01', killed: null }),
        incident({ date: '2024-03-30' }),
      ],
      '2024-01-01',
      '2024-04-15',
    );
    expect(o.totals).toEqual({ incidents: 3, killed: 2, wounded: 6 });
    expect(o.byState.map((s) => [s.state, s.incidents])).toEqual([
      ['KZ', 2],
      ['KG', 1],
    ]);
    expect(o.byTime.buckets.map((b) => [b.key, b.incidents])).toEqual([
      ['2024-01', 0],
      ['2024-02', 1],
      ['2024-03', 2],
      ['2024-04', 0],
    ]);
  });
  it('counts every incident once, whatever the period', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ m: fc.integer({ min: 1, max: 12 }), k: fc.nat(50) }), { maxLength: 30 }),
        fc.boolean(),
        (specs, long) => {
          const incidents = specs.map((s) =>
            incident({ date: `2023-${String(s.m).padStart(2, '0')}-05`, killed: s.k }),
          );
          const o = overviewOf(incidents, long ? '2020-01-01' : '2023-01-01', '2023-12-31');
          expect(o.byTime.unit).toBe(long ? 'year' : 'month');
          expect(o.byTime.buckets.reduce((n, b) => n + b.incidents, 0)).toBe(incidents.length);
          expect(o.byState.reduce((n, b) => n + b.killed, 0)).toBe(o.totals.killed);
        },
      ),
    );
  });
  it('lists the deadliest incidents first', () => {
    const top = incidentsOfNote(
      [
        incident({ id: 'a', killed: 1 }),
        incident({ id: 'b', killed: 9 }),
        incident({ id: 'c', killed: null }),
      ],
      2,
    );
    expect(top.map((i) => i.id)).toEqual(['b', 'a']);
    expect(monthsBetween('2023-11-20', '2024-02-01')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });
});
