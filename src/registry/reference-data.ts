import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { Invalid } from '../errors.ts';
import { REFERENCE_FILES, type ReferenceData } from './reference-data.schema.ts';

/** The reference data, validated, with a digest of its files (changes whenever a file does). */
export interface LoadedReferenceData {
  data: ReferenceData;
  digest: string;
}

type FileName = keyof typeof REFERENCE_FILES;
const FILE_NAMES = Object.keys(REFERENCE_FILES) as FileName[];

/** Reads and validates every file of `dataDir`; throws `Invalid` naming file, record and field. */
export function readReferenceData(dataDir: string): LoadedReferenceData {
  const hash = createHash('sha256');
  const raw: Partial<Record<FileName, unknown>> = {};
  for (const name of FILE_NAMES) {
    const file = `${name}.json`;
    let text: string;
    try {
      text = readFileSync(join(dataDir, file), 'utf8');
    } catch {
      throw new Invalid(`data/${file}`, 'file is missing or unreadable');
    }
    hash.update(file).update('\0').update(text).update('\0');
    try {
      raw[name] = JSON.parse(text);
    } catch (error) {
      throw new Invalid(`data/${file}`, `not valid JSON (${(error as Error).message})`);
    }
  }
  return { data: validateReferenceData(raw), digest: hash.digest('hex') };
}

/** Checks each record against its schema, then the references between files. Pure. */
export function validateReferenceData(raw: Partial<Record<FileName, unknown>>): ReferenceData {
  for (const name of FILE_NAMES) {
    const records = raw[name];
    if (!Array.isArray(records)) throw new Invalid(`data/${name}.json`, 'expected an array of records');
    records.forEach((record, index) => {
      const fault = firstFault(REFERENCE_FILES[name], record);
      if (fault) {
        throw new Invalid(
          `data/${name}.json`,
          `record ${recordLabel(record, index)}, field ${fault.field}: ${fault.message}`,
          {
            record: index,
            recordField: fault.field,
          },
        );
      }
    });
  }
  const data = raw as ReferenceData;
  checkReferences(data);
  return data;
}

/** The most telling schema fault of a record: its field as a dotted path, and the problem. */
function firstFault(schema: TSchema, record: unknown): { field: string; message: string } | undefined {
  const faults = Value.Errors(schema, record).filter((f) => f.keyword !== 'boolean');
  const fault = faults.find((f) => f.keyword !== 'additionalProperties') ?? faults[0];
  if (!fault) return undefined;
  const path = fault.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const extra = (fault.params as { additionalProperties?: string[] }).additionalProperties?.[0];
  if (fault.keyword === 'additionalProperties' && extra) {
    return { field: path ? `${path}.${extra}` : extra, message: 'is not a known field' };
  }
  return { field: path || '(record)', message: fault.message };
}

function recordLabel(record: unknown, index: number): string {
  const key = (record as { id?: unknown; code?: unknown } | null) ?? {};
  const id = typeof key.id === 'string' ? key.id : typeof key.code === 'string' ? key.code : undefined;
  return id ? `${index} (${id})` : String(index);
}

function unique(file: FileName, ids: string[]): Set<string> {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id))
      throw new Invalid(`data/${file}.json`, `record ${index} (${id}), field id: duplicate id`);
    seen.add(id);
  });
  return seen;
}

/** Cross-file rules: unique ids, known codes and ids, periods in order and not overlapping. */
function checkReferences(data: ReferenceData): void {
  const states = unique(
    'states',
    data.states.map((s) => s.code),
  );
  const bodies = unique(
    'bodies',
    data.bodies.map((b) => b.id),
  );
  const documents = unique(
    'documents',
    data.documents.map((d) => d.id),
  );
  unique(
    'summits',
    data.summits.map((s) => s.id),
  );
  unique(
    'people',
    data.people.map((p) => p.id),
  );
  const fail = (file: FileName, index: number, id: string, field: string, problem: string): never => {
    throw new Invalid(`data/${file}.json`, `record ${index} (${id}), field ${field}: ${problem}`);
  };

  data.states.forEach((state, index) => {
    const periods = [...state.statuses].sort((a, b) => a.from.localeCompare(b.from));
    periods.forEach((period, i) => {
      if (period.to !== null && period.to <= period.from) {
        fail('states', index, state.code, `statuses.${i}.to`, `must be after from (${period.from})`);
      }
      const next = periods[i + 1];
      if (next && (period.to === null || period.to > next.from)) {
        fail('states', index, state.code, 'statuses', `periods from ${period.from} and ${next.from} overlap`);
      }
    });
  });
  const seenDocumentAt = new Map<string, string>();
  data.summits.forEach((summit, index) => {
    if (summit.end < summit.start) fail('summits', index, summit.id, 'end', 'is before start');
    if (!states.has(summit.host)) fail('summits', index, summit.id, 'host', `unknown state ${summit.host}`);
    if (!states.has(summit.chair))
      fail('summits', index, summit.id, 'chair', `unknown state ${summit.chair}`);
    summit.documents.forEach((doc, i) => {
      if (!documents.has(doc)) fail('summits', index, summit.id, `documents.${i}`, `unknown document ${doc}`);
      const other = seenDocumentAt.get(doc);
      if (other) fail('summits', index, summit.id, `documents.${i}`, `${doc} is already listed at ${other}`);
      seenDocumentAt.set(doc, summit.id);
    });
  });
  data.documents.forEach((doc, index) => {
    if (doc.body !== null && !bodies.has(doc.body))
      fail('documents', index, doc.id, 'body', `unknown body ${doc.body}`);
    doc.parties.forEach((code, i) => {
      if (!states.has(code)) fail('documents', index, doc.id, `parties.${i}`, `unknown state ${code}`);
    });
  });
  data.people.forEach((person, index) => {
    if (person.country !== null && !states.has(person.country)) {
      fail('people', index, person.id, 'country', `unknown state ${person.country}`);
    }
  });
}
