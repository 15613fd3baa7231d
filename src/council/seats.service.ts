import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Invalid, NotFound } from '../errors.ts';
import { isIsoDate } from '../registry/registry.rules.ts';
import { bodyExists } from './decisions.repository.ts';
import { type Rights, rightsFault, roster, type Seat } from './seats.rules.ts';

const DEFAULT_DATA_DIR = resolve(import.meta.dirname, '../../data');
const loaded = new Map<string, Rights>();

/** The rights file of a data folder, read and checked once. */
export function councilRights(dataDir = DEFAULT_DATA_DIR): Rights {
  const known = loaded.get(dataDir);
  if (known) return known;
  const raw = JSON.parse(readFileSync(join(dataDir, 'council-rights.json'), 'utf8')) as unknown;
  const fault = rightsFault(raw);
  if (fault) throw new Invalid('data/council-rights.json', fault);
  loaded.set(dataDir, raw as Rights);
  return raw as Rights;
}

/** The seats of a body on a date: each state's status then, and the rights it gives there. */
export async function seatsOf(
  db: Kysely<DB>,
  bodyId: string,
  date: string,
  rights: Rights = councilRights(),
): Promise<Seat[]> {
  if (!isIsoDate(date)) throw new Invalid('at', `expected a date YYYY-MM-DD, got "${date}"`);
  if (!(await bodyExists(db, bodyId))) throw new NotFound('body', bodyId);
  const statuses = await db
    .selectFrom('state_statuses')
    .select(['state_code as state', 'status'])
    .where('from_date', '<=', date)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', date)]))
    .execute();
  return roster(rights, bodyId, statuses);
}
