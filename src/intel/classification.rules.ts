import { Invalid } from '../errors.ts';
import {
  type Assessment,
  type Caveat,
  type Classification,
  type Definition,
  type DefinitionReasons,
  type DefinitionSet,
  type Disagreement,
  type Evidence,
  FINDING_VALUES,
  type Finding,
  type FindingValue,
  LABELS,
  type LimbReasons,
  type Status,
} from './classification.types.ts';

/**
 * Classification under the Shanghai Convention (and the 2009 and 2017 conventions), computed from
 * an analyst's findings on the definitional elements and never typed in (DESIGN invariant 5):
 * - a limb is met when every element it lists holds, ruled out when one of them does not hold,
 *   undetermined otherwise; a missing finding counts as `unknown`;
 * - a definition is met when one of its limbs is met, ruled out when every limb is ruled out;
 * - the result lists every met definition (`labels`). The primary `result` is the first of them in
 *   the order of Art. 1(1) of the 2001 Convention: terrorism, separatism, extremism. That order is
 *   the Convention's own, terrorism is the gravest of the three and the one that engages RATS's
 *   mandate and the treaty obligations, and a fixed order keeps the result independent of the data
 *   file's order. Nothing is lost: the other met labels stay in `labels`;
 * - `none` when every definition of the set is ruled out; `insufficient-information` when nothing is
 *   met and something is undetermined.
 */

/** A problem with a set of findings, naming the finding (`findings.<i>`) at fault. */
export interface FindingFault {
  field: string;
  problem: string;
}

/**
 * What is wrong with findings against a set: elements the set does not have (another set or version),
 * two findings on one element, a `holds` or `does-not-hold` without evidence (no label without its
 * reasons), or evidence with an empty reference. Empty when the findings can be classified.
 */
export function findingFaults(set: DefinitionSet, findings: readonly Finding[]): FindingFault[] {
  const known = new Set(set.definitions.flatMap((d) => d.elements.map((e) => e.id)));
  const seen = new Set<string>();
  const faults: FindingFault[] = [];
  findings.forEach((finding, i) => {
    const field = `findings.${i}`;
    if (!known.has(finding.element)) {
      faults.push({ field, problem: `${finding.element} is not an element of ${set.id} v${set.version}` });
    } else if (seen.has(finding.element)) {
      faults.push({ field, problem: `a second finding on ${finding.element}` });
    }
    seen.add(finding.element);
    if (finding.value !== 'unknown' && finding.evidence.length === 0) {
      faults.push({ field, problem: `${finding.element} ${finding.value} without evidence` });
    }
    finding.evidence.forEach((evidence, j) => {
      if (evidence.ref.trim() === '') faults.push({ field: `${field}.evidence.${j}`, problem: 'empty ref' });
    });
  });
  return faults;
}

/** Classifies a subject from its findings; throws `Invalid` on the first of `findingFaults`. */
export function classify(set: DefinitionSet, findings: readonly Finding[]): Classification {
  const fault = findingFaults(set, findings)[0];
  if (fault) throw new Invalid(fault.field, fault.problem);
  const byElement = new Map(findings.map((f) => [f.element, f]));
  const findingOn = (element: string): FindingValue => byElement.get(element)?.value ?? 'unknown';

  const ordered = LABELS.flatMap((label) => set.definitions.filter((d) => d.label === label));
  const definitions = ordered.map((definition) => reasonsFor(definition, findingOn));
  const labels = definitions.filter((d) => d.status === 'met').map((d) => d.label);
  const result =
    labels[0] ?? (definitions.every((d) => d.status === 'ruled-out') ? 'none' : 'insufficient-information');
  const caveats = ordered.flatMap((definition, i) =>
    caveatsFor(definition, definitions[i] as DefinitionReasons, byElement),
  );
  return { set: set.id, version: set.version, result, labels, definitions, caveats };
}

function reasonsFor(definition: Definition, findingOn: (element: string) => FindingValue): DefinitionReasons {
  const limbs = definition.structure.anyOf.map((limb): LimbReasons => {
    const holds = limb.allOf.filter((e) => findingOn(e) === 'holds');
    const fails = limb.allOf.filter((e) => findingOn(e) === 'does-not-hold');
    const unknown = limb.allOf.filter((e) => findingOn(e) === 'unknown');
    const status: Status = fails.length > 0 ? 'ruled-out' : unknown.length === 0 ? 'met' : 'undetermined';
    return { limb: limb.id, status, holds, fails, unknown };
  });
  const status: Status = limbs.some((l) => l.status === 'met')
    ? 'met'
    : limbs.every((l) => l.status === 'ruled-out')
      ? 'ruled-out'
      : 'undetermined';
  return { label: definition.label, status, limbs };
}

/**
 * The caveats of one definition's conclusion. A met definition rests on every element of its met
 * limbs; a ruled-out one on the failing elements of its limbs. Each such element that is unconfirmed,
 * or whose finding was derived (GTD), is named. An undetermined definition concludes nothing.
 */
function caveatsFor(
  definition: Definition,
  reasons: DefinitionReasons,
  byElement: ReadonlyMap<string, Finding>,
): Caveat[] {
  if (reasons.status === 'undetermined') return [];
  const elements = new Map(definition.elements.map((e) => [e.id, e]));
  return reasons.limbs.flatMap((limb) => {
    const basis = reasons.status === 'met' ? (limb.status === 'met' ? limb.holds : []) : limb.fails;
    return basis.flatMap((id) => {
      const caveats: Caveat[] = [];
      const element = elements.get(id);
      const finding = byElement.get(id);
      const at = { definition: definition.label, limb: limb.limb, element: id };
      if (element && !element.confirmed) {
        caveats.push({
          kind: 'unconfirmed-element',
          ...at,
          note: element.note ?? `The wording of ${id} is not confirmed against the treaty text.`,
        });
      }
      if (finding?.derived) {
        caveats.push({
          kind: 'derived-finding',
          ...at,
          note: `Derived from ${finding.derived.toUpperCase()}, not entered by an analyst: an aid to check.`,
        });
      }
      return caveats;
    });
  });
}

/**
 * Several analysts' assessments of one subject under one set: for each element, the distinct findings
 * and who made each (a missing finding counts as `unknown`), and whether their results differ.
 * Throws `Invalid` when the assessments are of different subjects, sets or versions, or repeat an analyst.
 */
export function disagreement(set: DefinitionSet, assessments: readonly Assessment[]): Disagreement {
  const first = assessments[0];
  if (!first) throw new Invalid('assessments', 'at least one assessment is needed');
  const analysts = new Set<string>();
  assessments.forEach((a, i) => {
    if (a.subject !== first.subject) {
      throw new Invalid(`assessments.${i}.subject`, `${a.subject} is not ${first.subject}`);
    }
    if (a.set !== set.id || a.version !== set.version) {
      throw new Invalid(`assessments.${i}.set`, `${a.set} v${a.version} is not ${set.id} v${set.version}`);
    }
    if (analysts.has(a.analyst)) throw new Invalid(`assessments.${i}.analyst`, `${a.analyst} appears twice`);
    analysts.add(a.analyst);
  });
  const sorted = [...assessments].sort((a, b) =>
    a.analyst < b.analyst ? -1 : a.analyst > b.analyst ? 1 : 0,
  );
  const results = sorted.map((a) => {
    const { result, labels } = classify(set, a.findings);
    return { analyst: a.analyst, result, labels };
  });
  const elements = set.definitions.flatMap((definition) =>
    definition.elements.map((element) => {
      const findings = FINDING_VALUES.map((value) => ({
        value,
        analysts: sorted
          .filter((a) => (a.findings.find((f) => f.element === element.id)?.value ?? 'unknown') === value)
          .map((a) => a.analyst),
      })).filter((group) => group.analysts.length > 0);
      return { element: element.id, definition: definition.label, findings, differ: findings.length > 1 };
    }),
  );
  const resultKeys = new Set(results.map((r) => `${r.result}|${r.labels.join(',')}`));
  return {
    subject: first.subject,
    set: set.id,
    version: set.version,
    elements,
    results,
    resultsDiffer: resultKeys.size > 1,
  };
}

/** The elements of the 2001 general limb that a GTD record informs (and the one it never does). */
export const GTD_PREFILL = {
  set: 'sco-2001',
  conduct: 'terrorism.conduct',
  purpose: 'terrorism.purpose',
  prosecution: 'terrorism.prosecution',
} as const;

/**
 * A GTD record's inclusion criteria, as the GTD export codes them: 1 yes, 0 no; -9 or null not
 * recorded. `alternative` is the GTD code of the doubt's reason; `eventid` is cited as evidence.
 */
export interface GtdCriteria {
  crit1: number | null;
  crit2: number | null;
  crit3: number | null;
  doubtterr: number | null;
  alternative: number | null;
  eventid?: string;
}

/** GTD `alternative` codes (code 5 appears only in later codebooks). */
const GTD_ALTERNATIVES: Record<number, string> = {
  1: 'Insurgency/Guerilla Action',
  2: 'Other Crime Type',
  3: 'Inter/Intra-Group Conflict',
  4: 'Lack of Intentionality',
  5: 'State Actors',
};

/**
 * Findings for the 2001 general limb prefilled from a GTD record, marked `derived: 'gtd'`: analyst
 * aids, not conclusions. An analyst's own finding on the same element replaces them, and the result
 * names them as caveats. The mappings and why:
 * - purpose ← crit2. crit2 = 1 (intent to coerce, intimidate or send a message to an audience wider
 *   than the victims) matches intimidating a population or forcing authorities to act, so `holds`.
 *   crit2 = 0 leaves it `unknown`: the Convention's purpose also covers violating public security,
 *   which GTD does not code, and GTD's "no evidence" is not evidence of absence.
 * - crit1 (a political, economic, religious or social goal) is cited with the purpose finding but
 *   never decides it: the Convention's purpose needs no such goal, and a goal without intimidation
 *   or coercion does not make the purpose.
 * - conduct ← crit3. crit3 = 1 (outside legitimate warfare: beyond what humanitarian law permits,
 *   e.g. deliberately targeting civilians), together with GTD's baseline of intentional violence or
 *   its immediate threat, informs the civilian or non-combatant part of the conduct, so `holds`, with
 *   a note that GTD does not record whether the act was meant to kill or seriously injure.
 *   crit3 = 0 leaves it `unknown`: the conduct also covers major damage to a material facility.
 * - prosecution: never set. GTD records nothing about prosecution under national law, so it stays
 *   `unknown` and GTD alone can never meet the general limb. The treaty limb is not touched either.
 * - doubtterr = 1: GTD's own coders doubted the incident is terrorism, so both findings become
 *   `unknown`, with the reason (`alternative`). doubtterr = -9 or null: the mappings apply, noted.
 */
export function prefillFromGtd(row: GtdCriteria): Finding[] {
  const ref = row.eventid ? `gtd:${row.eventid}` : 'gtd';
  const cite = (note: string): Evidence[] => [{ kind: 'source', ref, note }];
  const flag = (value: number | null) => (value === 1 ? 1 : value === 0 ? 0 : null);
  const crit1 = flag(row.crit1);
  const crit2 = flag(row.crit2);
  const crit3 = flag(row.crit3);

  const goal =
    crit1 === 1
      ? ' crit1 = 1: a political, economic, religious or social goal (supporting; the Convention does not require one).'
      : crit1 === 0
        ? ' crit1 = 0: no political, economic, religious or social goal (the Convention does not require one).'
        : '';
  const purpose: Finding =
    crit2 === 1
      ? {
          element: GTD_PREFILL.purpose,
          value: 'holds',
          evidence: cite(`crit2 = 1${crit1 === null ? '' : `, crit1 = ${crit1}`}`),
          derived: 'gtd',
          note: `GTD crit2 = 1: intent to coerce, intimidate or convey a message to an audience wider than the immediate victims. Check that it was intimidation or coercion and not only a message.${goal}`,
        }
      : {
          element: GTD_PREFILL.purpose,
          value: 'unknown',
          evidence: cite(`crit2 = ${crit2 ?? 'not recorded'}`),
          derived: 'gtd',
          note: `${crit2 === 0 ? 'GTD crit2 = 0: no evidence of intent to coerce or intimidate a wider audience; the Convention also covers violating public security, which GTD does not code.' : 'GTD crit2 is not recorded.'}${goal}`,
        };
  const conduct: Finding =
    crit3 === 1
      ? {
          element: GTD_PREFILL.conduct,
          value: 'holds',
          evidence: cite('crit3 = 1'),
          derived: 'gtd',
          note: 'GTD crit3 = 1: outside legitimate warfare (e.g. deliberately targeting civilians or non-combatants), and GTD includes only intentional violence or its immediate threat. GTD does not record whether the act was meant to kill or seriously injure, or to cause major damage: check.',
        }
      : {
          element: GTD_PREFILL.conduct,
          value: 'unknown',
          evidence: cite(`crit3 = ${crit3 ?? 'not recorded'}`),
          derived: 'gtd',
          note:
            crit3 === 0
              ? 'GTD crit3 = 0: within the context of legitimate warfare; the conduct may still be major damage to a material facility.'
              : 'GTD crit3 is not recorded.',
        };

  if (row.doubtterr === 1) {
    const reason = row.alternative === null ? undefined : GTD_ALTERNATIVES[row.alternative];
    const why = `GTD coders doubted that this incident is terrorism (doubtterr = 1${reason ? `, alternative: ${reason}` : ''}), so the criteria are not carried over.`;
    return [conduct, purpose].map((f) => ({ ...f, value: 'unknown', note: `${why} ${f.note}` }));
  }
  if (row.doubtterr !== 0) {
    const unrecorded =
      'GTD did not record whether its coders doubted this is terrorism (doubtterr not recorded).';
    return [conduct, purpose].map((f) => ({ ...f, note: `${f.note} ${unrecorded}` }));
  }
  return [conduct, purpose];
}
