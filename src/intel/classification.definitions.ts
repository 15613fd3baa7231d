import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Static, Type as T, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { Invalid, NotFound } from '../errors.ts';
import { FullDate, I18nText, I18nTextFull, oneOf, Slug } from '../registry/reference-data.schema.ts';
import { type DefinitionSet, LABELS, WORDINGS } from './classification.types.ts';

/**
 * The definition sets of `data/convention-definitions.json`: their TypeBox schema, and a loader that
 * checks every set against it and then the references inside each set (every element a limb names
 * exists in that definition), so a bad edit names its set, field and element and nothing is used.
 */

const FILE = 'data/convention-definitions.json';

/** A key of a source in the fact sheet (`sco-facts`), e.g. `docslib_conv`. */
const SourceKey = T.String({ pattern: '^[a-z0-9_]+$', description: 'key of a source in sco-facts' });
const Sources = T.Array(SourceKey, { minItems: 1 });
/** `<label>.<name>`, e.g. `terrorism.purpose`. */
const ElementId = T.String({ pattern: '^[a-z]+\\.[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 120 });

export const ElementRecord = T.Object(
  {
    id: ElementId,
    label: I18nTextFull,
    text: I18nText,
    confirmed: T.Boolean(),
    wording: oneOf(WORDINGS),
    sources: Sources,
    note: T.Optional(T.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);

export const LimbRecord = T.Object(
  { id: Slug, label: I18nTextFull, allOf: T.Array(ElementId, { minItems: 1 }) },
  { additionalProperties: false },
);

export const DefinitionRecord = T.Object(
  {
    label: oneOf(LABELS),
    article: T.Union([T.String({ minLength: 1 }), T.Null()]),
    note: T.Optional(T.String({ minLength: 1 })),
    elements: T.Array(ElementRecord, { minItems: 1 }),
    structure: T.Object({ anyOf: T.Array(LimbRecord, { minItems: 1 }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const DefinitionSetRecord = T.Object(
  {
    id: Slug,
    version: T.Integer({ minimum: 1 }),
    title: I18nTextFull,
    instrument: T.Union([
      T.Object({ document: Slug }, { additionalProperties: false }),
      T.Object({ name: I18nText }, { additionalProperties: false }),
    ]),
    signed: FullDate,
    sources: Sources,
    note: T.Optional(T.String({ minLength: 1 })),
    definitions: T.Array(DefinitionRecord, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type DefinitionSetRecord = Static<typeof DefinitionSetRecord>;

/** The schema's type is the rules' type: this fails to compile if the two drift apart. */
const asDefinitionSet = (record: DefinitionSetRecord): DefinitionSet => record;

/**
 * Reads and validates the definition sets of `dataDir`. Instruments are checked against the ids of
 * `documents.json` in the same folder. Throws `Invalid` naming the set and the field.
 */
export function readConventionDefinitions(dataDir: string): DefinitionSet[] {
  const parse = (file: string): unknown => {
    let text: string;
    try {
      text = readFileSync(join(dataDir, file), 'utf8');
    } catch {
      throw new Invalid(`data/${file}`, 'file is missing or unreadable');
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Invalid(`data/${file}`, `not valid JSON (${(error as Error).message})`);
    }
  };
  const documents = parse('documents.json');
  const ids = Array.isArray(documents) ? documents.map((d: { id?: unknown }) => String(d?.id)) : [];
  return validateConventionDefinitions(parse('convention-definitions.json'), new Set(ids));
}

/**
 * Checks the parsed file: each set against the schema, then unique set versions, definitions,
 * elements and limbs; elements named `<label>.*` of their definition; each limb's elements present
 * in its definition; each element used by a limb; confirmed wording only from the treaty text; and,
 * when `documents` is given, the instrument's document. Pure.
 */
export function validateConventionDefinitions(
  raw: unknown,
  documents?: ReadonlySet<string>,
): DefinitionSet[] {
  if (!Array.isArray(raw)) throw new Invalid(FILE, 'expected an array of definition sets');
  raw.forEach((record, index) => {
    const fault = firstFault(DefinitionSetRecord, record);
    if (fault) throw setFault(index, record, fault.field, fault.message);
  });
  const sets = (raw as DefinitionSetRecord[]).map(asDefinitionSet);
  const versions = new Set<string>();
  sets.forEach((set, index) => {
    const key = `${set.id} v${set.version}`;
    if (versions.has(key)) throw setFault(index, set, 'version', `${key} appears twice`);
    versions.add(key);
    if (documents && 'document' in set.instrument && !documents.has(set.instrument.document)) {
      throw setFault(index, set, 'instrument.document', `unknown document ${set.instrument.document}`);
    }
    checkDefinitions(index, set);
  });
  return sets;
}

function checkDefinitions(index: number, set: DefinitionSet): void {
  const fail = (field: string, problem: string) => setFault(index, set, field, problem);
  const labels = new Set<string>();
  const elementIds = new Set<string>();
  set.definitions.forEach((definition, d) => {
    const at = `definitions.${d}`;
    if (labels.has(definition.label)) throw fail(`${at}.label`, `${definition.label} is defined twice`);
    labels.add(definition.label);
    const own = new Set<string>();
    definition.elements.forEach((element, e) => {
      const field = `${at}.elements.${e}`;
      if (elementIds.has(element.id)) throw fail(`${field}.id`, `element ${element.id} appears twice`);
      if (!element.id.startsWith(`${definition.label}.`)) {
        throw fail(`${field}.id`, `element ${element.id} must start with ${definition.label}.`);
      }
      if (element.confirmed && element.wording !== 'treaty-text') {
        throw fail(
          `${field}.confirmed`,
          `element ${element.id} is confirmed but its wording is ${element.wording}`,
        );
      }
      elementIds.add(element.id);
      own.add(element.id);
    });
    const used = new Set<string>();
    const limbIds = new Set<string>();
    definition.structure.anyOf.forEach((limb, l) => {
      const field = `${at}.structure.anyOf.${l}`;
      if (limbIds.has(limb.id)) throw fail(`${field}.id`, `limb ${limb.id} appears twice`);
      limbIds.add(limb.id);
      limb.allOf.forEach((id, i) => {
        if (!own.has(id)) throw fail(`${field}.allOf.${i}`, `unknown element ${id} in limb ${limb.id}`);
        if (limb.allOf.indexOf(id) !== i) {
          throw fail(`${field}.allOf.${i}`, `element ${id} is listed twice in limb ${limb.id}`);
        }
        used.add(id);
      });
    });
    definition.elements.forEach((element, e) => {
      if (!used.has(element.id)) {
        throw fail(`${at}.elements.${e}`, `element ${element.id} is used by no limb`);
      }
    });
  });
}

/** The set `id` at `version`, or at its highest version when none is given; `NotFound` otherwise. */
export function findDefinitionSet(
  sets: readonly DefinitionSet[],
  id: string,
  version?: number,
): DefinitionSet {
  const matching = sets.filter((s) => s.id === id && (version === undefined || s.version === version));
  const found = matching.reduce<DefinitionSet | undefined>(
    (best, s) => (best === undefined || s.version > best.version ? s : best),
    undefined,
  );
  if (!found) throw new NotFound('definition set', version === undefined ? id : `${id} v${version}`);
  return found;
}

/** The most telling schema fault of a set: its field as a dotted path, and the problem. */
function firstFault(schema: TSchema, record: unknown): { field: string; message: string } | undefined {
  const faults = Value.Errors(schema, record).filter((f) => f.keyword !== 'boolean');
  const fault =
    faults.find((f) => !['additionalProperties', 'anyOf', 'const'].includes(f.keyword)) ?? faults[0];
  if (!fault) return undefined;
  const path = fault.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const extra = (fault.params as { additionalProperties?: string[] }).additionalProperties?.[0];
  if (fault.keyword === 'additionalProperties' && extra) {
    return { field: path ? `${path}.${extra}` : extra, message: 'is not a known field' };
  }
  return { field: path || '(record)', message: fault.message };
}

function setFault(index: number, record: unknown, field: string, problem: string): Invalid {
  const id = (record as { id?: unknown } | null)?.id;
  const label = typeof id === 'string' ? `${index} (${id})` : String(index);
  return new Invalid(FILE, `set ${label}, field ${field}: ${problem}`, { record: index, recordField: field });
}
