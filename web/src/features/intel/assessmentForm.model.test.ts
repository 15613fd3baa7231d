import { describe, expect, it } from 'vitest';
import { elementsOf, initialDrafts, missingEvidence, toFindings } from './assessmentForm.model.ts';
import type { DefinitionSet } from './types.ts';

const label = (en: string) => ({ en, ru: en, zh: en });
const element = (id: string) => ({
  id,
  label: label(id),
  text: { en: id },
  confirmed: true,
  wording: 'treaty-text' as const,
  sources: ['s'],
});
const set: DefinitionSet = {
  id: 'sco-2001',
  version: 1,
  title: label('Shanghai Convention'),
  signed: '2001-06-15',
  definitions: [
    {
      label: 'terrorism',
      article: 'Art. 1(1)(1)',
      elements: [element('terrorism.conduct'), element('terrorism.purpose')],
      structure: { anyOf: [{ id: 'general', label: label('general'), allOf: ['terrorism.conduct'] }] },
    },
    {
      label: 'extremism',
      article: null,
      elements: [element('extremism.act')],
      structure: { anyOf: [{ id: 'definition', label: label('definition'), allOf: ['extremism.act'] }] },
    },
  ],
};

describe('the assessment form', () => {
  it('lists every element of the set with its definition', () => {
    expect(elementsOf(set).map((e) => [e.label, e.element.id])).toEqual([
      ['terrorism', 'terrorism.conduct'],
      ['terrorism', 'terrorism.purpose'],
      ['extremism', 'extremism.act'],
    ]);
  });

  it('starts unknown, or as prefilled from GTD', () => {
    const drafts = initialDrafts(set, [
      {
        element: 'terrorism.conduct',
        value: 'holds',
        evidence: [{ kind: 'source', ref: 'gtd:201905010001' }],
        derived: 'gtd',
        note: 'crit1',
      },
    ]);
    expect(drafts['terrorism.conduct']).toMatchObject({ value: 'holds', derived: 'gtd', note: 'crit1' });
    expect(drafts['terrorism.purpose']).toMatchObject({ value: 'unknown', derived: null });
  });

  it('asks for evidence where a finding holds or does not hold', () => {
    const drafts = initialDrafts(set);
    drafts['terrorism.conduct'] = {
      value: 'holds',
      evidence: [{ kind: 'source', ref: ' ' }],
      note: '',
      derived: null,
    };
    drafts['extremism.act'] = {
      value: 'does-not-hold',
      evidence: [{ kind: 'document', ref: 'shanghai-convention-2001' }],
      note: '',
      derived: null,
    };
    expect(missingEvidence(drafts)).toEqual(['terrorism.conduct']);
  });

  it('sends each finding with the evidence that has a reference', () => {
    const drafts = initialDrafts(set);
    drafts['terrorism.conduct'] = {
      value: 'holds',
      evidence: [
        { kind: 'object', ref: ' incident--1 ', note: ' bombing ' },
        { kind: 'source', ref: '' },
      ],
      note: 'two attacks',
      derived: null,
    };
    expect(toFindings(drafts)).toEqual([
      {
        element: 'terrorism.conduct',
        value: 'holds',
        evidence: [{ kind: 'object', ref: 'incident--1', note: 'bombing' }],
        note: 'two attacks',
      },
      { element: 'terrorism.purpose', value: 'unknown', evidence: [] },
      { element: 'extremism.act', value: 'unknown', evidence: [] },
    ]);
  });
});
