import { type Static, Type as T } from 'typebox';
import { Value } from 'typebox/value';

/**
 * Schema of `data/chairmanship.json`: the terms of the chairmanship of the Council of Heads of
 * State, one record per chair, in order. Provenance fields follow the other reference data files.
 */

const FullDate = T.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });

export const ChairTermRecord = T.Object(
  {
    state: T.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code of the chairing state' }),
    from: FullDate,
    /** Exclusive: the day after the last day of the summit that closed the term; null while current. */
    to: T.Union([FullDate, T.Null()]),
    /** Id in summits.json of the summit that closed the term; null while the term is current. */
    summit: T.Union([T.String({ pattern: '^chs-[0-9]{4}$' }), T.Null()]),
    how: T.Union([T.Literal('rotation'), T.Literal('exception')], {
      description: 'rotation: next in Russian alphabetical order after the previous chair',
    }),
    notes: T.Optional(T.String({ minLength: 1 })),
    sources: T.Array(T.String({ pattern: '^https?://' }), { minItems: 1 }),
    confidence: T.Union([
      T.Literal('confirmed'),
      T.Literal('partial'),
      T.Literal('inferred'),
      T.Literal('unconfirmed'),
    ]),
  },
  { additionalProperties: false },
);
export type ChairTermRecord = Static<typeof ChairTermRecord>;

/**
 * Checks the parsed file against the schema and returns one message per faulty record, naming
 * the record (index, state, first day) and the field, so a bad edit is found without a debugger.
 */
export function chairmanshipFaults(raw: unknown): string[] {
  if (!Array.isArray(raw)) return ['data/chairmanship.json: expected an array of terms'];
  const faults: string[] = [];
  raw.forEach((record: unknown, index) => {
    const errors = Value.Errors(ChairTermRecord, record).filter((e) => e.keyword !== 'boolean');
    const error = errors.find((e) => e.keyword !== 'additionalProperties') ?? errors[0];
    if (!error) return;
    const fields = record as { state?: unknown; from?: unknown } | null;
    const label = `${index} (${String(fields?.state ?? '?')} from ${String(fields?.from ?? '?')})`;
    const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const params = error.params as { additionalProperties?: string[]; requiredProperties?: string[] };
    const named = params.additionalProperties?.[0] ?? params.requiredProperties?.[0];
    const field = [path, named].filter(Boolean).join('.') || '(record)';
    const message =
      error.keyword === 'additionalProperties'
        ? 'is not a known field'
        : error.keyword === 'required'
          ? 'is missing'
          : error.message;
    faults.push(`data/chairmanship.json: record ${label}, field ${field}: ${message}`);
  });
  return faults;
}
