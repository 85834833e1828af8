// Fresh, migrated databases for tests. The test runner sets ZT_TEST_DB=sqlite|postgres (and, for PostgreSQL,
// ZT_TEST_PG_URL pointing at a throwaway cluster); every test gets its own database and leaves nothing behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/core/db/database.ts';
import { migrateToLatest, type MigrationSet } from '../src/core/db/migrate.ts';

export type TestDialect = 'sqlite' | 'postgres';

/** The database the current test run targets. */
export function testDialect(): TestDialect {
  return process.env['ZT_TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
}

export interface TestDatabase {
  /** Set for PostgreSQL: the URL of this test's own database. */
  databaseUrl: string | undefined;
  sqlitePath: string;
  dataDir: string;
  /** Opens a handle (a test may open several, like several app nodes). */
  open(): DatabaseHandle;
  /** Drops the database and removes the data folder. */
  destroy(): Promise<void>;
}

/** Creates an empty database (and a data folder) for one test. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-test-'));
  const sqlitePath = path.join(dataDir, 'zhengtong.sqlite');
  let databaseUrl: string | undefined;
  let drop: () => Promise<void> = async () => {};
  if (testDialect() === 'postgres') {
    const adminUrl = process.env['ZT_TEST_PG_URL'];
    if (!adminUrl) throw new Error('ZT_TEST_DB=postgres needs ZT_TEST_PG_URL (the test runner starts a cluster and sets it)');
    const name = `zt_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    drop = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      // pool.end() resolves before its connections have gone; wait for them so the drop terminates nobody.
      for (let waited = 0; waited < 5000; waited += 50) {
        const { rows } = await client.query('select count(*)::int as open from pg_stat_activity where datname = $1', [name]);
        if (rows[0].open === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
  return {
    databaseUrl,
    sqlitePath,
    dataDir,
    open: () => openDatabase({ databaseUrl, sqlitePath, poolSize: 4 }),
    destroy: async () => {
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh database migrated with the given sets, opened; `close` closes and destroys it. */
export async function createMigratedDatabase(sets: MigrationSet[]): Promise<DatabaseHandle & { testDatabase: TestDatabase }> {
  const testDatabase = await createTestDatabase();
  const handle = testDatabase.open();
  await migrateToLatest(handle.db, sets);
  return {
    ...handle,
    testDatabase,
    close: async () => {
      await handle.close();
      await testDatabase.destroy();
    },
  };
}

/** Runs `work` on a fresh database migrated with `sets`, and destroys the database afterwards. */
export async function withMigratedDatabase(sets: MigrationSet[], work: (handle: DatabaseHandle & { testDatabase: TestDatabase }) => Promise<void>): Promise<void> {
  const handle = await createMigratedDatabase(sets);
  try {
    await work(handle);
  } finally {
    await handle.close();
  }
}

/** A clock a test moves by hand, for code that takes `clock: () => Date`. */
export function manualClock(start = Date.now()): { clock: () => Date; advance(milliseconds: number): void } {
  let now = start;
  return { clock: () => new Date(now), advance: (milliseconds) => void (now += milliseconds) };
}
