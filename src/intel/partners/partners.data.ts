import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Static, Type as T } from 'typebox';
import { Value } from 'typebox/value';
import { Invalid } from '../../errors.ts';
import { I18nTextFull, oneOf, Slug } from '../../registry/reference-data.schema.ts';
import { PARTNER_KINDS } from './partners.rules.ts';

/**
 * `data/partners.json`: the partner centers the platform starts with, with their names in three
 * languages, their seat where a source gives it, and the provenance of each record. A bad record
 * is refused with its index and field, and nothing is loaded.
 */

const FILE = 'partners.json';

const Description = T.Object(
  { en: T.Optional(T.String()), ru: T.Optional(T.String()), zh: T.Optional(T.String()) },
  { additionalProperties: false },
);

export const PartnerRecord = T.Object(
  {
    id: Slug,
    name: I18nTextFull,
    kind: oneOf(PARTNER_KINDS),
    seat: T.Union([T.String({ minLength: 1 }), T.Null()]),
    website: T.Union([T.String({ pattern: '^https?://' }), T.Null()]),
    description: Description,
    sources: T.Array(T.String({ minLength: 1 }), { minItems: 1 }),
    confidence: oneOf(['confirmed', 'partial', 'inferred', 'unconfirmed'] as const),
    notes: T.Optional(T.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);
export type PartnerRecord = Static<typeof PartnerRecord>;

/** Reads and checks `partners.json` in `dataDir`; a missing file means no reference partners. */
export function readPartners(dataDir: string): PartnerRecord[] {
  let textContent: string;
  try {
    textContent = readFileSync(join(dataDir, FILE), 'utf8');
  } catch {
    return [];
  }
  let records: unknown;
  try {
    records = JSON.parse(textContent);
  } catch (error) {
    throw new Invalid(`data/${FILE}`, `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(records)) throw new Invalid(`data/${FILE}`, 'expected an array of records');
  records.forEach((record, index) => {
    const fault = Value.Errors(PartnerRecord, record)[0];
    if (fault) {
      const field = fault.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'record';
      throw new Invalid(`data/${FILE}`, `record ${index}, field ${field}: ${fault.message}`);
    }
  });
  const ids = new Set<string>();
  for (const record of records as PartnerRecord[]) {
    if (ids.has(record.id)) throw new Invalid(`data/${FILE}`, `record ${record.id} appears twice`);
    ids.add(record.id);
  }
  return records as PartnerRecord[];
}
