// Measures hash-chained audit appends per second beside plain inserts into the same SQLite database in the
// same run, and sign-ins per second through HTTP. Prints figures; asserts nothing.
//   npm run bench            (embedded SQLite)
//   BENCH_PG_URL=postgres://… npm run bench   (also on PostgreSQL)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/core/db/database.ts';
import { migrateToLatest } from '../src/core/db/migrate.ts';
import { coreMigrations } from '../src/core/db/migrations/index.ts';
import { recordAudit } from '../src/core/audit/audit.service.ts';
import { systemActor } from '../src/core/auth/actor.ts';
import { newId, toTimestamp } from '../src/core/db/values.ts';
import { loadConfig } from '../src/config.ts';
import { createPlatform } from '../src/platform.ts';
import { DEMO_PASSWORD } from '../src/modules/identity/index.ts';

const RECORDS = Number(process.env['BENCH_RECORDS'] ?? 20_000);
const SIGN_INS = Number(process.env['BENCH_SIGN_INS'] ?? 200);

function rate(count: number, milliseconds: number): string {
  return `${Math.round((count / milliseconds) * 1000).toLocaleString('en')} /s`;
}

async function timeIt(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function benchAudit(label: string, handle: DatabaseHandle): Promise<void> {
  const { db } = handle;
  await migrateToLatest(db, [coreMigrations]);
  await sql`create table bench_plain (id text primary key, occurred_at text not null, action text not null, detail text)`.execute(db);
  const actor = { ...systemActor('bench'), ip: '127.0.0.1', userAgent: 'bench' };

  // One transaction per record: what a use case does.
  const plainEach = await timeIt(async () => {
    for (let index = 0; index < RECORDS; index += 1) {
      await db.transaction().execute((tx) => tx.insertInto('bench_plain' as never).values({ id: newId(), occurred_at: toTimestamp(Date.now()), action: 'bench.plain', detail: `record ${index}` } as never).execute());
    }
  });
  const chainedEach = await timeIt(async () => {
    for (let index = 0; index < RECORDS; index += 1) {
      await db.transaction().execute((tx) => recordAudit(tx, actor, { action: 'bench.chained', subjectType: 'bench', subjectId: String(index), after: { index } }));
    }
  });
  // Batches of 100 per transaction: what a bulk import does.
  const plainBatched = await timeIt(async () => {
    for (let batch = 0; batch < RECORDS / 100; batch += 1) {
      await db.transaction().execute(async (tx) => {
        for (let index = 0; index < 100; index += 1) await tx.insertInto('bench_plain' as never).values({ id: newId(), occurred_at: toTimestamp(Date.now()), action: 'bench.plain', detail: `batch ${batch}` } as never).execute();
      });
    }
  });
  const chainedBatched = await timeIt(async () => {
    for (let batch = 0; batch < RECORDS / 100; batch += 1) {
      await db.transaction().execute(async (tx) => {
        for (let index = 0; index < 100; index += 1) await recordAudit(tx, actor, { action: 'bench.chained', subjectType: 'bench', subjectId: String(index) });
      });
    }
  });
  console.log(`\n[${label}] ${RECORDS.toLocaleString('en')} records each`);
  console.log(`  plain insert, 1 per transaction        ${rate(RECORDS, plainEach)}`);
  console.log(`  audit append (hash chain), 1 per tx    ${rate(RECORDS, chainedEach)}   (${(chainedEach / plainEach).toFixed(2)}× the plain time)`);
  console.log(`  plain insert, 100 per transaction      ${rate(RECORDS, plainBatched)}`);
  console.log(`  audit append, 100 per transaction      ${rate(RECORDS, chainedBatched)}   (${(chainedBatched / plainBatched).toFixed(2)}× the plain time)`);
}

async function benchSignIns(label: string, databaseUrl: string | undefined, dataDir: string): Promise<void> {
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', WORKERS: 'false', SIGN_IN_RATE_PER_MINUTE: '100000' });
  const platform = await createPlatform(config);
  const base = await platform.listen();
  try {
    const sequential = await timeIt(async () => {
      for (let index = 0; index < SIGN_INS; index += 1) {
        const response = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zhang.wei', password: DEMO_PASSWORD }) });
        if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
      }
    });
    const concurrent = await timeIt(async () => {
      const parallel = 8;
      await Promise.all(
        Array.from({ length: parallel }, async () => {
          for (let index = 0; index < SIGN_INS / parallel; index += 1) {
            const response = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'li.na', password: DEMO_PASSWORD }) });
            if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
          }
        }),
      );
    });
    console.log(`\n[${label}] ${SIGN_INS} password sign-ins over HTTP (argon2id m=19 MiB t=2, session row + audit record each)`);
    console.log(`  one client                             ${rate(SIGN_INS, sequential)}`);
    console.log(`  8 concurrent clients                   ${rate(SIGN_INS, concurrent)}`);
  } finally {
    await platform.close();
  }
}

async function main(): Promise<void> {
  console.log(`Zhengtong benchmark — ${os.cpus().length} cores, Node ${process.version}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-bench-'));
  try {
    await benchAudit('SQLite (WAL, synchronous=NORMAL)', openDatabase({ sqlitePath: path.join(dir, 'audit.sqlite') }));
    await benchSignIns('SQLite', undefined, path.join(dir, 'sign-in'));
    const pgUrl = process.env['BENCH_PG_URL'];
    if (pgUrl) {
      await benchAudit('PostgreSQL', openDatabase({ databaseUrl: pgUrl, sqlitePath: '' }));
      await benchSignIns('PostgreSQL', pgUrl, path.join(dir, 'sign-in-pg'));
    } else {
      console.log('\n(Set BENCH_PG_URL to an empty PostgreSQL database to measure PostgreSQL too.)');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
