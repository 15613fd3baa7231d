import { describe, expect, it } from 'vitest';
import { isTlp, raised, recipientsOf, tlpName, tlpParts, tlpRank } from './tlp.ts';
import { TLP_LEVELS } from './types.ts';

describe('TLP labels', () => {
  it('writes the names TLP 2.0 and the API use', () => {
    expect(TLP_LEVELS.map(tlpName)).toEqual([
      'TLP:CLEAR',
      'TLP:GREEN',
      'TLP:AMBER',
      'TLP:AMBER+STRICT',
      'TLP:RED',
    ]);
  });

  it('shows AMBER+STRICT as amber with the strict mark', () => {
    expect(tlpParts('amber+strict')).toEqual({ colour: 'AMBER', strict: true });
    expect(tlpParts('amber')).toEqual({ colour: 'AMBER', strict: false });
    expect(tlpParts('clear')).toEqual({ colour: 'CLEAR', strict: false });
  });

  it('orders the levels and tells when the server raised one', () => {
    expect(tlpRank('clear')).toBeLessThan(tlpRank('green'));
    expect(tlpRank('amber+strict')).toBeLessThan(tlpRank('red'));
    expect(raised('green', 'amber')).toBe(true);
    expect(raised('amber', 'amber')).toBe(false);
    expect(raised('red', 'green')).toBe(false);
  });

  it('names organizations for the ambers and users for red', () => {
    expect(TLP_LEVELS.map(recipientsOf)).toEqual(['none', 'none', 'organizations', 'organizations', 'users']);
  });

  it('recognises levels only', () => {
    expect(isTlp('amber+strict')).toBe(true);
    expect(isTlp('TLP:AMBER')).toBe(false);
    expect(isTlp(null)).toBe(false);
  });
});
