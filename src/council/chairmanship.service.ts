import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Invalid } from '../errors.ts';
import { isIsoDate } from '../registry/registry.rules.ts';
import { chairOn, predictNext, RUSSIAN_NAMES, termFaults } from './chairmanship.rules.ts';
import { type ChairTermRecord, chairmanshipFaults } from './chairmanship.schema.ts';
import { membersOn } from './decisions.repository.ts';

/**
 * Who chairs the Council of Heads of State on a date, from `data/chairmanship.json`, and who is
 * next by the Russian alphabetical rotation among the member states of that date.
 */

const loaded = new Map<string, ChairTermRecord[]>();

/** Reads and validates the chairmanship file once per folder; a bad file names record and field. */
export function chairmanshipTerms(dataDir: string): ChairTermRecord[] {
  const known = loaded.get(dataDir);
  if (known) return known;
  const raw = JSON.parse(readFileSync(join(dataDir, 'chairmanship.json'), 'utf8')) as unknown;
  const faults = [
    ...chairmanshipFaults(raw),
    ...(Array.isArray(raw) ? termFaults(raw as ChairTermRecord[]) : []),
  ];
  if (faults.length > 0) throw new Invalid('data/chairmanship.json', faults[0] as string);
  loaded.set(dataDir, raw as ChairTermRecord[]);
  return raw as ChairTermRecord[];
}

export async function chairmanshipOn(db: Kysely<DB>, dataDir: string, at: string) {
  if (!isIsoDate(at)) throw new Invalid('at', `expected a date YYYY-MM-DD, got "${at}"`);
  const terms = chairmanshipTerms(dataDir);
  const members = (await membersOn(db, at)).map((code) => ({ code, nameRu: RUSSIAN_NAMES[code] ?? code }));
  const next = predictNext(terms, members, at);
  return { at, chair: chairOn(terms, at), next: next ? { state: next.code } : null, terms };
}
