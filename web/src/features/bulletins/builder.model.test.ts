import { describe, expect, it } from 'vitest';
import { type BuilderForm, requestOf, stateCodes } from './builder.model.ts';

const form: BuilderForm = {
  title: ' Quarter ',
  language: 'ru',
  from: '2024-01-01',
  to: '2024-03-31',
  states: 'kz, kg;KZ',
  regions: [],
  sections: ['overview'],
  note: '',
  topIncidents: 10,
};

describe('the builder form', () => {
  it('reads the states typed', () => {
    expect(stateCodes('kz, kg;KZ  ')).toEqual(['KZ', 'KG']);
  });
  it('makes a request only when complete', () => {
    expect(requestOf(form)).toEqual({
      title: 'Quarter',
      language: 'ru',
      from: '2024-01-01',
      to: '2024-03-31',
      states: ['KZ', 'KG'],
      regions: [],
      sections: ['overview'],
      topIncidents: 10,
    });
    expect(requestOf({ ...form, title: ' ' })).toBeNull();
    expect(requestOf({ ...form, to: '2023-01-01' })).toBeNull();
    expect(requestOf({ ...form, states: '', regions: [] })).toBeNull();
    expect(requestOf({ ...form, states: '', regions: ['central-asia'] })?.regions).toEqual(['central-asia']);
    expect(requestOf({ ...form, sections: [] })).toBeNull();
    expect(requestOf({ ...form, states: 'Kazakhstan' })).toBeNull();
  });
});
