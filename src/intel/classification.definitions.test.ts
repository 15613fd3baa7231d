import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Invalid, NotFound } from '../errors.ts';
import {
  findDefinitionSet,
  readConventionDefinitions,
  validateConventionDefinitions,
} from './classification.definitions.ts';
import { GTD_PREFILL } from './classification.rules.ts';

const DATA = resolve(import.meta.dirname, '../../data');
const raw = (): unknown[] =>
  JSON.parse(readFileSync(resolve(DATA, 'convention-definitions.json'), 'utf8')) as unknown[];
const documentIds = () =>
  new Set(
    (JSON.parse(readFileSync(resolve(DATA, 'documents.json'), 'utf8')) as { id: string }[]).map((d) => d.id),
  );

/** A deep copy of the data file with one change made by `edit`. */
// biome-ignore lint/suspicious/noExplicitAny: edits reach into the raw JSON on purpose
const edited = (edit: (sets: any[]) => void): unknown[] => {
  const sets = raw();
  edit(sets);
  return sets;
};

describe('data/convention-definitions.json', () => {
  const sets = readConventionDefinitions(DATA);

  it('validates, with the 2001, 2009 and 2017 sets and their definitions', () => {
    expect(sets.map((s) => [s.id, s.version, s.definitions.map((d) => d.label)])).toEqual([
      ['sco-2001', 1, ['terrorism', 'separatism', 'extremism']],
      ['sco-2009', 1, ['terrorism']],
      ['sco-2017', 1, ['extremism']],
    ]);
  });

  it('names a document of documents.json as each set’s instrument', () => {
    const ids = documentIds();
    for (const s of sets) {
      expect('document' in s.instrument && ids.has(s.instrument.document)).toBe(true);
    }
  });

  it('has every element a limb references, and every element in some limb', () => {
    for (const s of sets) {
      for (const d of s.definitions) {
        const ids = d.elements.map((e) => e.id);
        const used = d.structure.anyOf.flatMap((l) => l.allOf);
        for (const id of used) expect(ids).toContain(id);
        for (const id of ids) expect(used).toContain(id);
      }
    }
  });

  it('has the 2001 terrorism limbs: the treaty limb, and the general limb of three elements', () => {
    const terrorism = findDefinitionSet(sets, 'sco-2001').definitions.find((d) => d.label === 'terrorism');
    expect(terrorism?.structure.anyOf.map((l) => [l.id, l.allOf])).toEqual([
      ['treaty', ['terrorism.treaty-offence']],
      ['general', [GTD_PREFILL.conduct, GTD_PREFILL.purpose, GTD_PREFILL.prosecution]],
    ]);
    expect(terrorism?.elements.every((e) => e.confirmed)).toBe(true);
  });

  it('marks what was not retrieved or comes from a summary as unconfirmed, with a note', () => {
    const unconfirmed = sets.flatMap((s) =>
      s.definitions.flatMap((d) => d.elements.filter((e) => !e.confirmed).map((e) => [s.id, e] as const)),
    );
    expect(unconfirmed.map(([s, e]) => `${s}:${e.id}`)).toEqual([
      'sco-2001:separatism.violent',
      'sco-2001:separatism.prosecuted',
      'sco-2001:extremism.defined-aim',
      'sco-2001:extremism.violent',
      'sco-2001:extremism.prosecuted',
      'sco-2017:extremism.conflicts',
      'sco-2017:extremism.unconstitutional-means',
      'sco-2017:extremism.listed-form',
    ]);
    for (const [, e] of unconfirmed) expect(e.note).toBeTruthy();
    const separatism = sets[0]?.definitions[1];
    expect(separatism?.elements[0]).toMatchObject({
      id: 'separatism.territorial-integrity',
      confirmed: true,
    });
    expect(separatism?.note).toContain('could not be retrieved');
    const from2017 = sets[2]?.definitions[0]?.elements ?? [];
    for (const e of from2017) expect(e.wording).toBe('summary');
  });

  it('gives every label and limb in English, Russian and Chinese', () => {
    for (const s of sets) {
      for (const d of s.definitions) {
        for (const item of [...d.elements, ...d.structure.anyOf]) {
          expect(Object.keys(item.label).sort()).toEqual(['en', 'ru', 'zh']);
        }
        for (const e of d.elements) expect(Object.keys(e.text).sort()).toEqual(['en', 'ru', 'zh']);
      }
    }
  });
});

describe('validateConventionDefinitions', () => {
  it('accepts the data file as it is', () => {
    expect(() => validateConventionDefinitions(raw(), documentIds())).not.toThrow();
  });

  it('throws naming the set and the element when a limb references an element that does not exist', () => {
    const broken = edited((sets) => {
      sets[0].definitions[0].structure.anyOf[1].allOf.push('terrorism.motive');
    });
    expect(() => validateConventionDefinitions(broken)).toThrow(Invalid);
    expect(() => validateConventionDefinitions(broken)).toThrow(
      'set 0 (sco-2001), field definitions.0.structure.anyOf.1.allOf.3: unknown element terrorism.motive in limb general',
    );
  });

  it('throws for any element removed from a definition that a limb still uses', () => {
    const setsWithIds = (raw() as { id: string; definitions: { elements: { id: string }[] }[] }[]).flatMap(
      (s, i) => s.definitions.flatMap((d, j) => d.elements.map((e, k) => ({ set: s.id, i, j, k, id: e.id }))),
    );
    fc.assert(
      fc.property(fc.constantFrom(...setsWithIds), ({ set, i, j, k, id }) => {
        const broken = edited((sets) => {
          sets[i].definitions[j].elements.splice(k, 1);
        });
        let message = '';
        try {
          validateConventionDefinitions(broken);
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message).toContain(`(${set})`);
        expect(message).toContain(id);
      }),
      { numRuns: setsWithIds.length * 2 },
    );
  });

  it('throws naming the set and field on a schema fault', () => {
    const broken = edited((sets) => {
      sets[1].definitions[0].elements[0].confirmed = 'yes';
    });
    expect(() => validateConventionDefinitions(broken)).toThrow(
      /set 1 \(sco-2009\), field definitions\.0\.elements\.0\.confirmed/,
    );
    const extra = edited((sets) => {
      sets[2].definitions[0].elements[0].source = ['rusemb'];
    });
    expect(() => validateConventionDefinitions(extra)).toThrow(/elements\.0\.source: is not a known field/);
  });

  it('refuses repeated elements or versions, misnamed elements, confirmed summaries and unknown documents', () => {
    const duplicate = edited((sets) => {
      sets[0].definitions[0].elements.push(sets[0].definitions[0].elements[0]);
    });
    expect(() => validateConventionDefinitions(duplicate)).toThrow(/terrorism\.treaty-offence appears twice/);
    const version = edited((sets) => {
      sets.push(sets[1]);
    });
    expect(() => validateConventionDefinitions(version)).toThrow(/sco-2009 v1 appears twice/);
    const misnamed = edited((sets) => {
      sets[0].definitions[1].elements[0].id = 'terrorism.territory';
      sets[0].definitions[1].structure.anyOf[0].allOf[0] = 'terrorism.territory';
    });
    expect(() => validateConventionDefinitions(misnamed)).toThrow(/must start with separatism\./);
    const confirmedSummary = edited((sets) => {
      sets[2].definitions[0].elements[0].confirmed = true;
    });
    expect(() => validateConventionDefinitions(confirmedSummary)).toThrow(
      /confirmed but its wording is summary/,
    );
    const unknownDocument = edited((sets) => {
      sets[0].instrument.document = 'shanghai-convention-2002';
    });
    expect(() => validateConventionDefinitions(unknownDocument, documentIds())).toThrow(
      /unknown document shanghai-convention-2002/,
    );
  });

  it('finds a set by id, at a version or at its latest', () => {
    const later = edited((sets) => {
      sets.push({ ...sets[1], version: 2 });
    });
    const sets = validateConventionDefinitions(later);
    expect(findDefinitionSet(sets, 'sco-2009').version).toBe(2);
    expect(findDefinitionSet(sets, 'sco-2009', 1).version).toBe(1);
    expect(() => findDefinitionSet(sets, 'sco-2009', 3)).toThrow(NotFound);
  });
});
