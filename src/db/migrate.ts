import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import * as registry from './migrations/0001_registry.ts';
import * as identity from './migrations/0002_identity.ts';
import * as council from './migrations/0003_council.ts';
import * as treatyLife from './migrations/0004_treaty_life.ts';
import * as meetings from './migrations/0005_meetings.ts';
import * as councilDocuments from './migrations/0006_council_documents.ts';
import * as intel from './migrations/0007_intel.ts';
import * as assessments from './migrations/0008_assessments.ts';
import * as taxii from './migrations/0009_taxii.ts';
import * as partners from './migrations/0010_partners.ts';
import * as events from './migrations/0011_events.ts';
import * as measures from './migrations/0012_measures.ts';
import * as bulletins from './migrations/0013_bulletins.ts';
import * as implementation from './migrations/0014_implementation.ts';
import * as rollups from './migrations/0015_rollups.ts';
import * as withoutRowid from './migrations/0016_without_rowid.ts';
import type { DB } from './schema.ts';

/** Every migration, in order; the same list runs on SQLite and PostgreSQL. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_registry': registry,
  '0002_identity': identity,
  '0003_council': council,
  '0004_treaty_life': treatyLife,
  '0005_meetings': meetings,
  '0006_council_documents': councilDocuments,
  '0007_intel': intel,
  '0008_assessments': assessments,
  '0009_taxii': taxii,
  '0010_partners': partners,
  '0011_events': events,
  '0012_measures': measures,
  '0013_bulletins': bulletins,
  '0014_implementation': implementation,
  '0015_rollups': rollups,
  '0016_without_rowid': withoutRowid,
};

/** Brings the schema to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<DB>, schema?: string): Promise<string[]> {
  // With a PostgreSQL schema named, the migrator's own tables are looked for there: otherwise a
  // migration table in any other schema of the database would be taken for this one's.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).map((r) => r.migrationName);
}
