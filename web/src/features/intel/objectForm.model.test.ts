import { describe, expect, it } from 'vitest';
import {
  emptyValues,
  fieldMessage,
  fieldOf,
  INCIDENT_EXTENSION,
  problemsOf,
  toStix,
  valuesOf,
} from './objectForm.model.ts';

describe('the object form', () => {
  it('makes a threat actor with its aliases and dates as STIX timestamps', () => {
    const object = toStix({
      ...emptyValues('threat-actor'),
      name: ' East Wind ',
      aliases: ['EW', ' '],
      firstSeen: '2016-03-01',
    });
    expect(object).toEqual({
      type: 'threat-actor',
      name: 'East Wind',
      aliases: ['EW'],
      first_seen: '2016-03-01T00:00:00.000Z',
    });
  });

  it('edits a stored object: unknown properties kept, emptied ones removed, modified left to the server', () => {
    const stored = {
      type: 'intrusion-set',
      id: 'intrusion-set--9a8b7c6d-1111-4222-8333-944455556666',
      created: '2020-01-01T00:00:00.000Z',
      modified: '2021-01-01T00:00:00.000Z',
      name: 'Old',
      description: 'to remove',
      goals: ['kept'],
    };
    const values = valuesOf(stored, { tlp: 'amber', recipientOrgs: [], recipientUsers: [] });
    expect(values.tlp).toBe('amber');
    const object = toStix({ ...values, name: 'New', description: '' }, stored);
    expect(object).toEqual({
      type: 'intrusion-set',
      id: stored.id,
      created: stored.created,
      name: 'New',
      goals: ['kept'],
    });
  });

  it('writes an incident’s details into its extension and reads them back', () => {
    const values = {
      ...emptyValues('incident' as const),
      name: 'Bishkek bombing',
      date: '2019-05-01',
      countryCode: 'kg',
      latitude: '42.87',
      longitude: '74.59',
      killed: '2',
      perpetratorRefs: ['threat-actor--1b2c3d4e-1111-4222-8333-944455556666'],
    };
    const object = toStix(values);
    expect(object.extensions).toEqual({
      [INCIDENT_EXTENSION]: {
        extension_type: 'property-extension',
        date_start: '2019-05-01',
        country_code: 'KG',
        latitude: 42.87,
        longitude: 74.59,
        killed: 2,
        perpetrator_refs: ['threat-actor--1b2c3d4e-1111-4222-8333-944455556666'],
      },
    });
    const back = valuesOf({ ...object, id: 'incident--x' } as never, {
      tlp: 'green',
      recipientOrgs: [],
      recipientUsers: [],
    });
    expect([back.latitude, back.killed, back.countryCode, back.wounded]).toEqual(['42.87', '2', 'KG', '']);
  });

  it('asks for what the server requires and for sensible numbers', () => {
    expect(problemsOf(emptyValues('report'))).toEqual({
      name: 'required',
      published: 'required',
      objectRefs: 'refsRequired',
    });
    expect(
      problemsOf({
        ...emptyValues('incident'),
        name: 'x',
        latitude: '91',
        longitude: 'east',
        killed: '-1',
        countryCode: 'KGZ',
      }),
    ).toEqual({ latitude: 'latitude', longitude: 'longitude', killed: 'count', countryCode: 'code' });
    expect(
      problemsOf({
        ...emptyValues('threat-actor'),
        name: 'x',
        firstSeen: '2020-01-01',
        lastSeen: '2019-01-01',
      }),
    ).toEqual({ lastSeen: 'order' });
  });

  it('finds the field an API refusal names', () => {
    expect(fieldOf('object.name')).toBe('name');
    expect(fieldOf('object.object_refs[2]')).toBe('objectRefs');
    expect(fieldOf('object.first_seen')).toBe('firstSeen');
    expect(fieldOf(`object.extensions.${INCIDENT_EXTENSION}.latitude`)).toBe('latitude');
    expect(fieldOf('tlp')).toBe('tlp');
    expect(fieldOf('recipientOrgs')).toBe('recipientOrgs');
    expect(fieldOf('object.modified')).toBeNull();
    expect(fieldOf(undefined)).toBeNull();
  });

  it('shows a refusal on its field without repeating the field’s path', () => {
    expect(fieldMessage('object.object_refs[0]: must be a STIX identifier', 'object.object_refs[0]')).toBe(
      'must be a STIX identifier',
    );
    expect(fieldMessage('must be a string', 'object.name')).toBe('must be a string');
  });
});
