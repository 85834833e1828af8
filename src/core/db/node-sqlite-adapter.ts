// Adapts Node's built-in node:sqlite to the small better-sqlite3-shaped interface Kysely's SqliteDialect expects,
// so the embedded database needs no native build.
import { DatabaseSync, type StatementSync, type SQLInputValue } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

const STATEMENT_CACHE_SIZE = 200;

/** node:sqlite binds only null, numbers, bigints, strings and bytes; map the rest the one way the platform stores them. */
function toSqliteValue(value: unknown): SQLInputValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string') return value;
  if (value instanceof Uint8Array) return value;
  return JSON.stringify(value);
}

class CachedStatement implements SqliteStatement {
  readonly reader: boolean;
  readonly #statement: StatementSync;

  constructor(statement: StatementSync) {
    this.#statement = statement;
    this.reader = statement.columns().length > 0;
  }

  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.#statement.all(...parameters.map(toSqliteValue));
  }

  run(parameters: ReadonlyArray<unknown>): { changes: number | bigint; lastInsertRowid: number | bigint } {
    return this.#statement.run(...parameters.map(toSqliteValue));
  }

  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.#statement.iterate(...parameters.map(toSqliteValue)) as IterableIterator<unknown>;
  }
}

/** Opens (creating if needed) a SQLite file with WAL, foreign keys and a busy timeout, wrapped for Kysely. */
export function openNodeSqlite(filename: string): SqliteDatabase & { raw: DatabaseSync } {
  const raw = new DatabaseSync(filename, { timeout: 5000 });
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA synchronous = NORMAL');
  raw.exec('PRAGMA foreign_keys = ON');
  raw.exec('PRAGMA busy_timeout = 5000');
  // A savepoint keeps the original of every page it changes, to roll back to; beyond 64 KB SQLite writes them
  // to a temporary file. Transactions that share a group commit each run in a savepoint (group-commit-driver.ts),
  // and kept in memory their copies cost a third less per case transition (bench/cases.bench.ts).
  raw.exec('PRAGMA temp_store = MEMORY');
  // SQLite's default page cache is 2 MB; a county's database outgrows it within months, and then every
  // index update rereads its pages from the operating system. 64 MB keeps the hot indexes in memory.
  raw.exec(`PRAGMA cache_size = -${Number(process.env['ZT_SQLITE_CACHE_KB'] ?? 65_536)}`);
  // The WAL is copied into the database file (and synced) every 10,000 pages (40 MB) instead of SQLite's
  // 1,000: pages every transaction touches (the newest index leaves, the audit chain's head) are then
  // written once per checkpoint instead of ten times, which measured 15–30% more case transitions per
  // second (bench/cases.bench.ts). A crash replays at most that much WAL on the next open. The server leaves
  // this copy to a worker thread instead (wal-checkpointer.ts) and keeps a higher mark here as a fallback.
  raw.exec('PRAGMA wal_autocheckpoint = 10000');
  const cache = new Map<string, CachedStatement>();
  return {
    raw,
    close: () => raw.close(),
    prepare(sql: string): SqliteStatement {
      // Oldest-first eviction: the hot statements are prepared again at most once per 200 distinct others.
      let statement = cache.get(sql);
      if (!statement) {
        statement = new CachedStatement(raw.prepare(sql));
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
