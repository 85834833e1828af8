// Forward-only migrations for both databases. Core and every module contribute named migrations; names start
// with a timestamp, so one sorted list is the order on every installation.
import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './database.ts';

export type MigrationSet = Record<string, Migration>;

/** Applies every pending migration in name order; throws with the failing migration's name. */
export async function migrateToLatest(db: Db, sets: MigrationSet[]): Promise<string[]> {
  const all: MigrationSet = {};
  for (const set of sets) {
    for (const [name, migration] of Object.entries(set)) {
      if (all[name]) throw new Error(`Two migrations share the name ${name}`);
      all[name] = migration;
    }
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => all },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((item) => item.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
  return (result.results ?? []).filter((item) => item.status === 'Success').map((item) => item.migrationName);
}
