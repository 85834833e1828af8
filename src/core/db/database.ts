// The Kysely database handle for both dialects. Each module adds its tables to `Database` by declaration merging
// (`declare module '../../core/db/database.ts' { interface Database { … } }`), so core never imports modules.
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { GroupCommitSqliteDialect } from './group-commit-driver.ts';
import { openNodeSqlite } from './node-sqlite-adapter.ts';
import { poolWithNamedStatements } from './pg-named-statements.ts';
import { startWalCheckpointer, type WalCheckpointerOptions } from './wal-checkpointer.ts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
/** A transaction or the database itself: repositories accept either, services pass the transaction. */
export type DbExecutor = Kysely<Database> | Transaction<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** For SQLite: the file path (backup needs it). */
  sqlitePath: string | undefined;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (count(*), sums) and numeric as strings; the platform's numbers stay below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

/**
 * Opens the embedded SQLite file or, when a URL is given, a PostgreSQL pool. A long-running server asks for
 * `walCheckpoints` on SQLite: its WAL is then copied into the file by a worker thread (wal-checkpointer.ts).
 */
export function openDatabase(options: { databaseUrl?: string | undefined; sqlitePath: string; poolSize?: number; walCheckpoints?: WalCheckpointerOptions }): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection the server closes (restart, failover, admin termination) is dropped from the pool and
    // replaced on next use; without a listener, pg would throw it as an unhandled 'error' event and end the process.
    pool.on('error', (error) => {
      process.emitWarning(`PostgreSQL idle connection lost: ${error.message}`, { code: 'ZT_PG_IDLE_ERROR' });
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: poolWithNamedStatements(pool) }) });
    return { db, dialect: 'postgres', sqlitePath: undefined, close: () => db.destroy() };
  }
  fs.mkdirSync(path.dirname(options.sqlitePath), { recursive: true });
  const database = openNodeSqlite(options.sqlitePath);
  const checkpointer = options.walCheckpoints ? startWalCheckpointer(options.sqlitePath, options.walCheckpoints) : undefined;
  const db = new Kysely<Database>({ dialect: new GroupCommitSqliteDialect(database) });
  return {
    db,
    dialect: 'sqlite',
    sqlitePath: options.sqlitePath,
    async close() {
      // The worker's connection goes first, so that closing the last one checkpoints and removes the WAL.
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/** Tells which dialect a Kysely instance (or transaction) speaks, for the rare statement that differs. */
export function dialectOf(db: DbExecutor): Dialect {
  const adapterName = db.getExecutor().adapter.constructor.name;
  return adapterName.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

/** Runs `work` in one transaction; the one way services change data. */
export function inTransaction<T>(db: Db, work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}

/** Checks that the database answers, for /readyz. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * Brings the query planner's statistics up to date. `all` after migrations (a new index has none, and
 * SQLite would guess, e.g. sort a unit's whole case list instead of reading an index in order); `changed`
 * periodically, where SQLite re-analyses only the tables that grew or shrank a lot and PostgreSQL's
 * autovacuum already does the same.
 */
export async function refreshPlannerStatistics(db: Db, scope: 'all' | 'changed'): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    if (scope === 'all') await sql`analyze`.execute(db);
    return;
  }
  await sql.raw(scope === 'all' ? 'analyze' : 'pragma optimize').execute(db);
}
