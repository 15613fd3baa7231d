import { join } from 'node:path';
import { loadLaws, readLaws } from '../assessment/conventions.data.ts';
import { loadMeasures, readMeasures } from '../assessment/measures.data.ts';
import type { Config } from '../config.ts';
import { loadInstruments, readInstruments } from '../council/treaty.service.ts';
import type { Database } from '../db/kysely.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { syncOrganizations } from '../identity/organizations.service.ts';
import { readPartners } from '../intel/partners/partners.data.ts';
import { syncPartners } from '../intel/partners/partners.service.ts';
import { type SeedResult, seedReferenceData } from '../registry/reference-data.service.ts';
import { readReferenceData } from '../registry/reference-data.ts';

/**
 * Brings a database to what the program needs: the newest schema, the reference data of
 * `data/` (loaded only when it changed, unless forced), the documents' instruments of
 * ratification, and the organizations made from it.
 */
export async function prepareDatabase(
  database: Database,
  config: Pick<Config, 'dataDir'>,
  options: { force?: boolean; dataDir?: string } = {},
): Promise<SeedResult & { organizationsCreated: number }> {
  await migrateToLatest(database.db, database.options.pgSchema);
  const loaded = readReferenceData(options.dataDir ?? config.dataDir);
  const result = await seedReferenceData(database.db, loaded, { force: options.force ?? false });
  const dataDir = options.dataDir ?? config.dataDir;
  await loadInstruments(database.db, readInstruments(join(dataDir, 'instruments.json')));
  await loadMeasures(database.db, readMeasures(dataDir), { force: options.force ?? false });
  const organizationsCreated = await syncOrganizations(database.db, new Date());
  await syncPartners(database.db, readPartners(dataDir), new Date());
  await loadLaws(database.db, readLaws(join(dataDir, 'implementing-laws.json')));
  return { ...result, organizationsCreated };
}
