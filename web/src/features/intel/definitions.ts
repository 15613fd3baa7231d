import type { DefinitionSet, I18nFull } from './types.ts';

/**
 * Lookups into the conventions' definition sets: the title of a set, the label of an element or a
 * limb (in the three languages), so assessments, which carry ids, read as words.
 */
export interface DefinitionIndex {
  set(id: string, version: number): DefinitionSet | undefined;
  element(id: string): I18nFull | undefined;
  limb(definition: string, limb: string): I18nFull | undefined;
}

export function indexDefinitions(sets: readonly DefinitionSet[]): DefinitionIndex {
  const elements = new Map<string, I18nFull>();
  const limbs = new Map<string, I18nFull>();
  for (const set of sets) {
    for (const definition of set.definitions) {
      for (const element of definition.elements) elements.set(element.id, element.label);
      for (const limb of definition.structure.anyOf) limbs.set(`${definition.label}.${limb.id}`, limb.label);
    }
  }
  return {
    set: (id, version) => sets.find((s) => s.id === id && s.version === version),
    element: (id) => elements.get(id),
    limb: (definition, limb) => limbs.get(`${definition}.${limb}`),
  };
}
