import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holding, type Rights, rightsFault, rightsOf, roster, SEAT_ACTIONS } from './seats.rules.ts';

const rights = JSON.parse(
  readFileSync(join(resolve(import.meta.dirname, '../..'), 'data/council-rights.json'), 'utf8'),
) as Rights;

describe('seats and rights', () => {
  it('come from a valid data file', () => {
    expect(rightsFault(rights)).toBeNull();
    expect(rightsFault({ ...rights, default: { member: ['vote'] } })).toMatch(/default\/member\/0/);
  });

  it('let members decide everywhere, observers attend and speak where the body allows, suspended states nothing', () => {
    expect(rightsOf(rights, 'cnc', 'member')).toContain('object');
    expect(rightsOf(rights, 'chs', 'observer')).toEqual(['attend', 'speak', 'receive-documents']);
    expect(rightsOf(rights, 'cnc', 'observer')).not.toContain('speak');
    expect(rightsOf(rights, 'chs', 'suspended')).toEqual([]);
    const seats = roster(rights, 'chs', [
      { state: 'KZ', status: 'member' },
      { state: 'MN', status: 'partner' },
      { state: 'XX', status: 'suspended' },
    ]);
    expect(seats.map((s) => s.state)).toEqual(['KZ', 'MN']);
    expect(holding(seats, 'object')).toEqual(['KZ']);
  });

  it('never give a right to a class outside members that a member lacks', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('chs', 'cmfa', 'cnc', 'rats'),
        fc.constantFrom('observer', 'partner', 'dialogue-partner'),
        (body, cls) => {
          const member = rightsOf(rights, body, 'member');
          for (const action of rightsOf(rights, body, cls)) expect(member).toContain(action);
          expect(SEAT_ACTIONS).toEqual(expect.arrayContaining(rightsOf(rights, body, cls)));
        },
      ),
    );
  });
});
