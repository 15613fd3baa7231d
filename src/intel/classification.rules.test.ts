import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import {
  classify,
  disagreement,
  findingFaults,
  GTD_PREFILL,
  prefillFromGtd,
} from './classification.rules.ts';
import {
  type Assessment,
  type Definition,
  type DefinitionSet,
  type Finding,
  type FindingValue,
  LABELS,
  type Label,
} from './classification.types.ts';

const text = (en: string) => ({ en, ru: en, zh: en });
const element = (id: string, confirmed = true) => ({
  id,
  label: text(id),
  text: { en: id },
  confirmed,
  wording: confirmed ? ('treaty-text' as const) : ('summary' as const),
  sources: ['docslib_conv'],
  ...(confirmed ? {} : { note: `${id}: the rest of the text could not be retrieved` }),
});
const definition = (
  label: Label,
  limbs: Record<string, string[]>,
  unconfirmed: string[] = [],
): Definition => {
  const ids = [...new Set(Object.values(limbs).flat())];
  return {
    label,
    article: null,
    elements: ids.map((id) => element(id, !unconfirmed.includes(id))),
    structure: { anyOf: Object.entries(limbs).map(([id, allOf]) => ({ id, label: text(id), allOf })) },
  };
};
const set = (id: string, definitions: Definition[]): DefinitionSet => ({
  id,
  version: 1,
  title: text(id),
  instrument: { document: 'shanghai-convention-2001' },
  signed: '2001-06-15',
  sources: ['docslib_conv'],
  definitions,
});

/** The shape of the 2001 set in the data file, with its limbs and unconfirmed elements. */
const SCO_2001 = set('sco-2001', [
  definition('terrorism', {
    treaty: ['terrorism.treaty-offence'],
    general: ['terrorism.conduct', 'terrorism.purpose', 'terrorism.prosecution'],
  }),
  definition(
    'separatism',
    { definition: ['separatism.territorial-integrity', 'separatism.violent', 'separatism.prosecuted'] },
    ['separatism.violent', 'separatism.prosecuted'],
  ),
  definition(
    'extremism',
    { definition: ['extremism.defined-aim', 'extremism.violent', 'extremism.prosecuted'] },
    ['extremism.defined-aim', 'extremism.violent', 'extremism.prosecuted'],
  ),
]);
const GENERAL = ['terrorism.conduct', 'terrorism.purpose', 'terrorism.prosecution'];
const SEPARATISM = ['separatism.territorial-integrity', 'separatism.violent', 'separatism.prosecuted'];
const EXTREMISM = ['extremism.defined-aim', 'extremism.violent', 'extremism.prosecuted'];

const evidence = [{ kind: 'object' as const, ref: 'incident--1' }];
const f = (element: string, value: FindingValue): Finding => ({
  element,
  value,
  evidence: value === 'unknown' ? [] : evidence,
  derived: null,
});
const all = (elements: string[], value: FindingValue) => elements.map((e) => f(e, value));

describe('classify', () => {
  it('finds terrorism when every element of the general limb holds, with its reasons', () => {
    const result = classify(SCO_2001, all(GENERAL, 'holds'));
    expect(result).toMatchObject({ set: 'sco-2001', version: 1, result: 'terrorism', labels: ['terrorism'] });
    expect(result.caveats).toEqual([]);
    expect(result.definitions[0]).toEqual({
      label: 'terrorism',
      status: 'met',
      limbs: [
        {
          limb: 'treaty',
          status: 'undetermined',
          holds: [],
          fails: [],
          unknown: ['terrorism.treaty-offence'],
        },
        { limb: 'general', status: 'met', holds: GENERAL, fails: [], unknown: [] },
      ],
    });
  });

  it('finds terrorism through the treaty limb alone', () => {
    const result = classify(SCO_2001, [
      f('terrorism.treaty-offence', 'holds'),
      f('terrorism.purpose', 'does-not-hold'),
    ]);
    expect(result.result).toBe('terrorism');
    expect(result.definitions[0]?.limbs[1]).toMatchObject({
      status: 'ruled-out',
      fails: ['terrorism.purpose'],
    });
  });

  it('says insufficient information while an element of the only open limb is unknown', () => {
    const result = classify(SCO_2001, [
      f('terrorism.treaty-offence', 'does-not-hold'),
      f('terrorism.conduct', 'holds'),
      f('terrorism.purpose', 'holds'),
    ]);
    expect(result.result).toBe('insufficient-information');
    expect(result.labels).toEqual([]);
    expect(result.definitions[0]?.limbs[1]).toMatchObject({
      status: 'undetermined',
      unknown: ['terrorism.prosecution'],
    });
    expect(classify(SCO_2001, []).result).toBe('insufficient-information');
  });

  it('says none only when every limb of every definition has a failing element', () => {
    const failing = [
      f('terrorism.treaty-offence', 'does-not-hold'),
      f('terrorism.prosecution', 'does-not-hold'),
      f('separatism.territorial-integrity', 'does-not-hold'),
      f('extremism.defined-aim', 'does-not-hold'),
    ];
    expect(classify(SCO_2001, failing).result).toBe('none');
    expect(classify(SCO_2001, failing.slice(1)).result).toBe('insufficient-information');
  });

  it('names the unconfirmed elements a met definition rests on', () => {
    const result = classify(SCO_2001, all(SEPARATISM, 'holds'));
    expect(result.result).toBe('separatism');
    expect(result.caveats.map((c) => [c.kind, c.element])).toEqual([
      ['unconfirmed-element', 'separatism.violent'],
      ['unconfirmed-element', 'separatism.prosecuted'],
    ]);
    expect(result.caveats[0]?.note).toContain('could not be retrieved');
  });

  it('returns every met label with terrorism as the primary result', () => {
    const findings = [...all(EXTREMISM, 'holds'), ...all(SEPARATISM, 'holds'), ...all(GENERAL, 'holds')];
    const result = classify(SCO_2001, findings);
    expect(result.result).toBe('terrorism');
    expect(result.labels).toEqual(['terrorism', 'separatism', 'extremism']);
    const withoutTerrorism = classify(SCO_2001, [...all(EXTREMISM, 'holds'), ...all(SEPARATISM, 'holds')]);
    expect(withoutTerrorism.result).toBe('separatism');
  });

  it('refuses findings on unknown elements, repeated elements, or a finding without evidence', () => {
    expect(() => classify(SCO_2001, [f('terrorism.ideology-of-violence', 'holds')])).toThrow(Invalid);
    expect(() =>
      classify(SCO_2001, [f('terrorism.conduct', 'holds'), f('terrorism.conduct', 'unknown')]),
    ).toThrow(/second finding/);
    const bare: Finding = { element: 'terrorism.conduct', value: 'holds', evidence: [], derived: null };
    expect(findingFaults(SCO_2001, [bare])).toEqual([
      { field: 'findings.0', problem: 'terrorism.conduct holds without evidence' },
    ]);
    expect(() => classify(SCO_2001, [bare])).toThrow(/without evidence/);
    expect(findingFaults(SCO_2001, [{ ...bare, value: 'unknown' }])).toEqual([]);
  });
});

describe('prefillFromGtd', () => {
  const row = { crit1: 1, crit2: 1, crit3: 1, doubtterr: 0, alternative: null, eventid: '201701010001' };

  it('informs conduct (crit3) and purpose (crit2), marked as derived, citing the record', () => {
    const findings = prefillFromGtd(row);
    expect(findings.map((x) => [x.element, x.value, x.derived])).toEqual([
      [GTD_PREFILL.conduct, 'holds', 'gtd'],
      [GTD_PREFILL.purpose, 'holds', 'gtd'],
    ]);
    expect(findings[0]?.evidence).toEqual([{ kind: 'source', ref: 'gtd:201701010001', note: 'crit3 = 1' }]);
    expect(findings[1]?.note).toContain('crit1 = 1');
  });

  it('leaves prosecution unknown, so GTD alone never meets the general limb', () => {
    const result = classify(SCO_2001, prefillFromGtd(row));
    expect(result.result).toBe('insufficient-information');
    expect(result.definitions[0]?.limbs[1]?.unknown).toEqual([GTD_PREFILL.prosecution]);
  });

  it('names derived findings as caveats once an analyst completes the limb', () => {
    const result = classify(SCO_2001, [...prefillFromGtd(row), f(GTD_PREFILL.prosecution, 'holds')]);
    expect(result.result).toBe('terrorism');
    expect(result.caveats.map((c) => [c.kind, c.element])).toEqual([
      ['derived-finding', GTD_PREFILL.conduct],
      ['derived-finding', GTD_PREFILL.purpose],
    ]);
  });

  it('does not carry over crit2 = 0 or crit3 = 0 as failing: the Convention is wider there', () => {
    const findings = prefillFromGtd({ ...row, crit2: 0, crit3: 0 });
    expect(findings.map((x) => x.value)).toEqual(['unknown', 'unknown']);
    expect(findings[1]?.note).toContain('public security');
  });

  it('crit1 alone never decides the purpose', () => {
    expect(prefillFromGtd({ ...row, crit1: 1, crit2: 0 })[1]?.value).toBe('unknown');
    expect(prefillFromGtd({ ...row, crit1: 0, crit2: 1 })[1]?.value).toBe('holds');
  });

  it('makes everything unknown when GTD doubts it is terrorism, giving the reason', () => {
    const findings = prefillFromGtd({ ...row, doubtterr: 1, alternative: 1 });
    expect(findings.map((x) => x.value)).toEqual(['unknown', 'unknown']);
    for (const x of findings) expect(x.note).toContain('Insurgency/Guerilla Action');
  });

  it('applies the mappings when doubt was not recorded, and says so', () => {
    const findings = prefillFromGtd({ ...row, doubtterr: -9 });
    expect(findings.map((x) => x.value)).toEqual(['holds', 'holds']);
    expect(findings[0]?.note).toContain('doubtterr not recorded');
  });
});

describe('disagreement', () => {
  const assessment = (analyst: string, findings: Finding[]): Assessment => ({
    analyst,
    subject: 'incident--1',
    set: 'sco-2001',
    version: 1,
    findings,
  });

  it('groups each element’s findings by analyst and says whether the results differ', () => {
    const report = disagreement(SCO_2001, [
      assessment('rats-2', [...all(GENERAL, 'holds')]),
      assessment('rats-1', [f('terrorism.conduct', 'holds'), f('terrorism.purpose', 'does-not-hold')]),
      assessment('rats-3', all(GENERAL, 'holds')),
    ]);
    expect(report.results).toEqual([
      { analyst: 'rats-1', result: 'insufficient-information', labels: [] },
      { analyst: 'rats-2', result: 'terrorism', labels: ['terrorism'] },
      { analyst: 'rats-3', result: 'terrorism', labels: ['terrorism'] },
    ]);
    expect(report.resultsDiffer).toBe(true);
    const purpose = report.elements.find((e) => e.element === 'terrorism.purpose');
    expect(purpose).toEqual({
      element: 'terrorism.purpose',
      definition: 'terrorism',
      findings: [
        { value: 'holds', analysts: ['rats-2', 'rats-3'] },
        { value: 'does-not-hold', analysts: ['rats-1'] },
      ],
      differ: true,
    });
    expect(report.elements.find((e) => e.element === 'terrorism.conduct')?.differ).toBe(false);
  });

  it('refuses assessments of other subjects or sets, and repeated analysts', () => {
    const one = assessment('rats-1', []);
    expect(() => disagreement(SCO_2001, [])).toThrow(Invalid);
    expect(() => disagreement(SCO_2001, [one, { ...assessment('rats-2', []), subject: 'x' }])).toThrow(
      /subject/,
    );
    expect(() => disagreement(SCO_2001, [{ ...one, version: 2 }])).toThrow(/v2/);
    expect(() => disagreement(SCO_2001, [one, one])).toThrow(/twice/);
  });
});

// ---- properties, over generated definition sets and findings ----

const valueArb = fc.constantFrom<FindingValue>('holds', 'does-not-hold', 'unknown');

/** A definition with 1–4 elements (some unconfirmed) and 1–3 limbs over them. */
const definitionArb = (label: Label): fc.Arbitrary<Definition> =>
  fc.integer({ min: 1, max: 4 }).chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `${label}.e${i}`);
    return fc
      .tuple(fc.array(fc.subarray(ids, { minLength: 1 }), { minLength: 1, maxLength: 3 }), fc.subarray(ids))
      .map(([limbs, unconfirmed]) =>
        definition(label, Object.fromEntries(limbs.map((allOf, i) => [`limb-${i}`, allOf])), unconfirmed),
      );
  });

const setArb: fc.Arbitrary<DefinitionSet> = fc
  .subarray([...LABELS], { minLength: 1 })
  .chain((labels) => fc.tuple(...labels.map(definitionArb)))
  .map((definitions) => set('generated', definitions));

const elementsOf = (s: DefinitionSet) => s.definitions.flatMap((d) => d.elements.map((e) => e.id));

/** Findings on some of the set's elements (a missing one is unknown), in a shuffled order. */
const caseArb = fc.oneof(setArb, fc.constant(SCO_2001)).chain((s) => {
  const elements = elementsOf(s);
  return fc
    .array(fc.option(valueArb), { minLength: elements.length, maxLength: elements.length })
    .chain((values) => {
      const findings = elements.flatMap((e, i) => {
        const value = values[i];
        return value ? [f(e, value)] : [];
      });
      return fc
        .shuffledSubarray(findings, { minLength: findings.length })
        .map((shuffled) => ({ set: s, findings: shuffled }));
    });
});

const valueIn = (findings: Finding[], element: string): FindingValue =>
  findings.find((x) => x.element === element)?.value ?? 'unknown';
const limbsOf = (s: DefinitionSet, label: Label) =>
  s.definitions.find((d) => d.label === label)?.structure.anyOf ?? [];

describe('properties of classify', () => {
  it('labels a definition (terrorism included) only when every element of one of its limbs holds, and always then', () => {
    fc.assert(
      fc.property(caseArb, ({ set: s, findings }) => {
        const { labels, result } = classify(s, findings);
        for (const label of LABELS) {
          const someLimbHolds = limbsOf(s, label).some((limb) =>
            limb.allOf.every((e) => valueIn(findings, e) === 'holds'),
          );
          expect(labels.includes(label)).toBe(someLimbHolds);
        }
        if (result === 'terrorism') expect(labels[0]).toBe('terrorism');
      }),
    );
  });

  it('is monotonic: turning an unknown into holds never unmeets a met definition', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ set: s, findings }, pick) => {
        const open = elementsOf(s).filter((e) => valueIn(findings, e) === 'unknown');
        fc.pre(open.length > 0);
        const element = open[pick % open.length] as string;
        const before = classify(s, findings);
        const after = classify(s, [...findings.filter((x) => x.element !== element), f(element, 'holds')]);
        for (const label of before.labels) expect(after.labels).toContain(label);
      }),
    );
  });

  it('says none exactly when every limb of every definition has a failing element', () => {
    fc.assert(
      fc.property(caseArb, ({ set: s, findings }) => {
        const allFail = s.definitions.every((d) =>
          d.structure.anyOf.every((limb) => limb.allOf.some((e) => valueIn(findings, e) === 'does-not-hold')),
        );
        expect(classify(s, findings).result === 'none').toBe(allFail);
      }),
    );
  });

  it('says insufficient information exactly when nothing is met and not everything is ruled out', () => {
    fc.assert(
      fc.property(caseArb, ({ set: s, findings }) => {
        const c = classify(s, findings);
        const insufficient = c.labels.length === 0 && c.definitions.some((d) => d.status === 'undetermined');
        expect(c.result === 'insufficient-information').toBe(insufficient);
      }),
    );
  });

  it('does not depend on the order of the findings', () => {
    fc.assert(
      fc.property(caseArb, ({ set: s, findings }) => {
        expect(classify(s, [...findings].reverse())).toEqual(classify(s, findings));
      }),
    );
  });

  it('names a caveat for every unconfirmed element of a met limb', () => {
    fc.assert(
      fc.property(caseArb, ({ set: s, findings }) => {
        const c = classify(s, findings);
        for (const d of s.definitions) {
          if (!c.labels.includes(d.label)) continue;
          const metLimbs = d.structure.anyOf.filter((l) =>
            l.allOf.every((e) => valueIn(findings, e) === 'holds'),
          );
          const unconfirmed = d.elements.filter((e) => !e.confirmed).map((e) => e.id);
          for (const limb of metLimbs) {
            for (const e of limb.allOf.filter((x) => unconfirmed.includes(x))) {
              expect(c.caveats).toContainEqual(
                expect.objectContaining({ kind: 'unconfirmed-element', limb: limb.id, element: e }),
              );
            }
          }
        }
      }),
    );
  });
});

describe('properties of the GTD prefill and of disagreement', () => {
  const flagArb = fc.constantFrom(0, 1, -9, null);
  const rowArb = fc.record({
    crit1: flagArb,
    crit2: flagArb,
    crit3: flagArb,
    doubtterr: flagArb,
    alternative: fc.constantFrom(1, 2, 3, 4, 5, -9, null),
  });

  it('never sets the prosecution element, marks every finding as derived, and never labels alone', () => {
    fc.assert(
      fc.property(rowArb, (row) => {
        const findings = prefillFromGtd(row);
        expect(findings.some((x) => x.element === GTD_PREFILL.prosecution)).toBe(false);
        for (const x of findings) {
          expect(x.derived).toBe('gtd');
          expect([GTD_PREFILL.conduct, GTD_PREFILL.purpose]).toContain(x.element);
          if (row.doubtterr === 1) expect(x.value).toBe('unknown');
        }
        expect(classify(SCO_2001, findings).labels).toEqual([]);
      }),
    );
  });

  it('reports the same disagreement whatever the order of the assessments', () => {
    const assessmentsArb = fc.uniqueArray(
      fc.record({
        analyst: fc.constantFrom('a', 'b', 'c', 'd'),
        values: fc.array(fc.option(valueArb), { minLength: GENERAL.length, maxLength: GENERAL.length }),
      }),
      { selector: (a) => a.analyst, minLength: 1 },
    );
    fc.assert(
      fc.property(assessmentsArb, (drawn) => {
        const assessments = drawn.map(({ analyst, values }) => ({
          analyst,
          subject: 'incident--1',
          set: 'sco-2001',
          version: 1,
          findings: GENERAL.flatMap((e, i) => {
            const value = values[i];
            return value ? [f(e, value)] : [];
          }),
        }));
        const report = disagreement(SCO_2001, assessments);
        expect(disagreement(SCO_2001, [...assessments].reverse())).toEqual(report);
        for (const e of report.elements) expect(e.differ).toBe(e.findings.length > 1);
        const distinct = new Set(report.results.map((r) => `${r.result}|${r.labels.join()}`));
        expect(report.resultsDiffer).toBe(distinct.size > 1);
      }),
    );
  });
});
