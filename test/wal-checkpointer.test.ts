// The SQLite server copies its write-ahead log into the database file from a worker thread
// (core/db/wal-checkpointer.ts): written pages reach the file without a checkpoint on the committing
// connection, shutting down waits for the worker, and the database stays whole. SQLite only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { sql } from 'kysely';
import { openDatabase } from '../src/core/db/database.ts';
import { testDialect } from './test-database.ts';

const sqliteOnly = { skip: testDialect() !== 'sqlite' };

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  for (let waited = 0; waited < timeoutMs; waited += 10) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return condition();
}

test('sqlite: a worker thread copies committed pages into the database file, and closing waits for it', sqliteOnly, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-wal-'));
  const file = path.join(dataDir, 'zhengtong.sqlite');
  const errors: string[] = [];
  try {
    const handle = openDatabase({ sqlitePath: file, walCheckpoints: { intervalMs: 5, onError: (message) => errors.push(message) } });
    await sql`create table notes (id integer primary key, body text not null)`.execute(handle.db);
    const before = fs.statSync(file).size;
    // About 2 MB in 200 transactions, far below the committing connection's own checkpoint mark (10,000 pages).
    for (let batch = 0; batch < 200; batch += 1) {
      await handle.db.transaction().execute(async (tx) => {
        for (let row = 0; row < 10; row += 1) await sql`insert into notes (body) values (${'记'.repeat(300)})`.execute(tx);
      });
    }
    assert.ok(await waitFor(() => fs.statSync(file).size > before + 1_500_000, 5000), `database file ${fs.statSync(file).size} bytes, was ${before}`);
    await handle.close();
    // The worker's connection closed first, so the last close checkpointed the rest and removed the WAL.
    assert.equal(fs.existsSync(`${file}-wal`), false);
    const reopened = new DatabaseSync(file);
    assert.deepEqual({ ...(reopened.prepare('select count(*) as count from notes').get() as object) }, { count: 2000 });
    assert.equal((reopened.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    reopened.close();
    assert.deepEqual(errors, []);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('sqlite: without the worker the pages wait in the WAL for the committing connection', sqliteOnly, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-wal-'));
  const file = path.join(dataDir, 'zhengtong.sqlite');
  try {
    const handle = openDatabase({ sqlitePath: file });
    await sql`create table notes (id integer primary key, body text not null)`.execute(handle.db);
    const before = fs.statSync(file).size;
    await handle.db.transaction().execute(async (tx) => {
      for (let row = 0; row < 2000; row += 1) await sql`insert into notes (body) values (${'记'.repeat(300)})`.execute(tx);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(fs.statSync(file).size, before);
    await handle.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
