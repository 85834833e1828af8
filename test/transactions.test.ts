// Transactions under concurrency, on both databases: on SQLite they commit in groups (core/db/group-commit-driver.ts),
// which must never show: each transaction commits or rolls back alone, a lone statement never reads or joins
// uncommitted work, and nothing returns before it is durable. Also prepared queries (core/db/prepared-query.ts), which
// PostgreSQL keeps as named statements (core/db/pg-named-statements.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { coreMigrations } from '../src/core/db/migrations/index.ts';
import type { Db } from '../src/core/db/database.ts';
import { preparedQuery } from '../src/core/db/prepared-query.ts';
import { createMigratedDatabase, testDialect } from './test-database.ts';

async function withNotesTable(work: (handle: Awaited<ReturnType<typeof createMigratedDatabase>>) => Promise<void>): Promise<void> {
  const handle = await createMigratedDatabase([coreMigrations]);
  try {
    await sql`create table notes (id integer primary key, body text not null)`.execute(handle.db);
    await work(handle);
  } finally {
    await handle.close();
  }
}

const notesOf = (handle: { db: Db }) => sql<{ id: number; body: string }>`select id, body from notes order by id`.execute(handle.db).then((result) => result.rows);

test(`${testDialect()}: concurrent transactions each commit, and a failing one takes only its own writes back`, async () => {
  await withNotesTable(async (handle) => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, index) =>
        handle.db.transaction().execute(async (tx) => {
          await sql`insert into notes (id, body) values (${index}, ${`note ${index}`})`.execute(tx);
          await sql`insert into notes (id, body) values (${1000 + index}, ${'second'})`.execute(tx);
          if (index % 7 === 3) throw new Error(`refused ${index}`);
          return index;
        }),
      ),
    );
    const refused = outcomes.flatMap((outcome, index) => (outcome.status === 'rejected' ? [index] : []));
    assert.deepEqual(refused, [3, 10, 17, 24, 31, 38]);
    const rows = await notesOf(handle);
    assert.equal(rows.length, (40 - refused.length) * 2);
    for (const index of refused) assert.ok(!rows.some((row) => row.id === index || row.id === 1000 + index));
  });
});

test(`${testDialect()}: a transaction that breaks a constraint leaves the others of its moment untouched`, async () => {
  await withNotesTable(async (handle) => {
    await sql`insert into notes (id, body) values (1, 'first')`.execute(handle.db);
    const [duplicate, fine] = await Promise.allSettled([
      handle.db.transaction().execute((tx) => sql`insert into notes (id, body) values (1, 'again')`.execute(tx)),
      handle.db.transaction().execute((tx) => sql`insert into notes (id, body) values (2, 'second')`.execute(tx)),
    ]);
    assert.equal(duplicate.status, 'rejected');
    assert.equal(fine.status, 'fulfilled');
    assert.deepEqual((await notesOf(handle)).map((row) => row.body), ['first', 'second']);
  });
});

test(`${testDialect()}: the first of a burst of transactions can fail alone, and so can any after it`, async () => {
  await withNotesTable(async (handle) => {
    // On SQLite the first transaction opens the group without a savepoint; its failure must end only itself.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        handle.db.transaction().execute(async (tx) => {
          await sql`insert into notes (id, body) values (${index}, ${'burst'})`.execute(tx);
          if (index === 0 || index === 1 || index === 6) throw new Error(`refused ${index}`);
        }),
      ),
    );
    assert.deepEqual(outcomes.map((outcome) => outcome.status === 'fulfilled'), [false, false, true, true, true, true, false, true, true, true]);
    assert.deepEqual((await notesOf(handle)).map((row) => row.id), [2, 3, 4, 5, 7, 8, 9]);
    await handle.db.transaction().execute((tx) => sql`insert into notes (id, body) values (20, 'after')`.execute(tx));
    assert.equal((await notesOf(handle)).length, 8);
  });
});

test(`${testDialect()}: once a transaction returns, another connection (another process) sees it`, async () => {
  await withNotesTable(async (handle) => {
    const other = handle.testDatabase.open();
    try {
      await Promise.all(Array.from({ length: 10 }, (_, index) => handle.db.transaction().execute((tx) => sql`insert into notes (id, body) values (${index}, ${'x'})`.execute(tx))));
      const seen = await sql<{ count: number }>`select count(*) as count from notes`.execute(other.db);
      assert.equal(Number(seen.rows[0]?.count), 10);
    } finally {
      await other.close();
    }
  });
});

test(`${testDialect()}: a statement outside a transaction neither reads nor joins work still to commit`, async () => {
  await withNotesTable(async (handle) => {
    const transactions = Array.from({ length: 5 }, (_, index) => handle.db.transaction().execute((tx) => sql`insert into notes (id, body) values (${index}, ${'in a transaction'})`.execute(tx)));
    // Issued while the transactions are queued: it runs between them, and what it reads is committed.
    const lone = sql`insert into notes (id, body) values (100, 'alone')`.execute(handle.db);
    await Promise.all([...transactions, lone]);
    const other = handle.testDatabase.open();
    try {
      const seen = await sql<{ count: number }>`select count(*) as count from notes`.execute(other.db);
      assert.equal(Number(seen.rows[0]?.count), 6);
    } finally {
      await other.close();
    }
  });
});

test(`${testDialect()}: a prepared query binds each call's values and keeps the query's own constants`, async () => {
  await withNotesTable(async (handle) => {
    const insertNote = preparedQuery((db, note: { id: number; body: string }) => db.insertInto('notes' as never).values({ id: note.id, body: note.body } as never));
    const findLong = preparedQuery((db, values: { from: number }) => db.selectFrom('notes' as never).select(['id' as never, 'body' as never]).where('id' as never, '>=', values.from as never).where('body' as never, '<>', 'skip' as never).orderBy('id' as never).limit(2));
    for (const [id, body] of [[1, 'one'], [2, 'skip'], [3, 'three'], [4, 'four']] as const) await insertNote(handle.db, { id, body });
    await handle.db.transaction().execute((tx) => insertNote(tx, { id: 5, body: 'five' }));
    assert.deepEqual((await findLong(handle.db, { from: 2 })).rows.map((row) => ({ ...(row as object) })), [{ id: 3, body: 'three' }, { id: 4, body: 'four' }]);
    assert.deepEqual((await findLong(handle.db, { from: 4 })).rows.map((row) => ({ ...(row as object) })), [{ id: 4, body: 'four' }, { id: 5, body: 'five' }]);
    const misuse = preparedQuery((db, values: { body: string }) => db.insertInto('notes' as never).values({ id: 9, body: sql`${`[${values.body}]`}` } as never));
    await assert.rejects(misuse(handle.db, { body: 'x' }), /only as whole parameters/);
  });
});

test('postgres: a prepared query is a named statement on the server, prepared once per connection', { skip: testDialect() !== 'postgres' }, async () => {
  await withNotesTable(async (handle) => {
    const findNote = preparedQuery((db, values: { id: number }) => db.selectFrom('notes' as never).select('body' as never).where('id' as never, '=', values.id as never));
    await sql`insert into notes (id, body) values (1, 'one'), (2, 'two')`.execute(handle.db);
    const statements = await handle.db.transaction().execute(async (tx) => {
      assert.equal((await findNote(tx, { id: 1 })).rows.length, 1);
      assert.deepEqual((await findNote(tx, { id: 2 })).rows.map((row) => ({ ...(row as object) })), [{ body: 'two' }]);
      await sql`select body from notes where id = ${1}`.execute(tx);
      // The same connection: what it has prepared, by name.
      return (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(tx)).rows;
    });
    const named = statements.filter((statement) => statement.statement.includes('"notes"'));
    assert.equal(named.length, 1, JSON.stringify(statements));
    assert.match(named[0]!.name, /^zt_[\w-]{22}$/);
  });
});

test('postgres: a column added under a prepared query fails it once at most, then it is prepared afresh', { skip: testDialect() !== 'postgres' }, async () => {
  await withNotesTable(async (handle) => {
    const allNotes = preparedQuery((db, values: { from: number }) => db.selectFrom('notes' as never).selectAll().where('id' as never, '>=', values.from as never));
    await sql`insert into notes (id, body) values (1, 'one')`.execute(handle.db);
    for (let run = 0; run < 3; run += 1) await allNotes(handle.db, { from: 0 });
    await sql`alter table notes add column extra text default 'x'`.execute(handle.db);
    const outcomes: string[] = [];
    for (let run = 0; run < 3; run += 1) {
      outcomes.push(await allNotes(handle.db, { from: 0 }).then((result) => JSON.stringify(result.rows), (error: Error) => error.message));
    }
    const failures = outcomes.filter((outcome) => !outcome.startsWith('['));
    assert.ok(failures.length <= 1, outcomes.join(' | '));
    assert.deepEqual(outcomes.at(-1), JSON.stringify([{ id: 1, body: 'one', extra: 'x' }]));
  });
});

test('sqlite: concurrent transactions share commits, and the database stays whole', { skip: testDialect() !== 'sqlite' }, async () => {
  await withNotesTable(async (handle) => {
    // The WAL's commit frames count the commits: forty transactions queued together need far fewer.
    await sql`pragma wal_checkpoint(truncate)`.execute(handle.db);
    await Promise.all(Array.from({ length: 40 }, (_, index) => handle.db.transaction().execute((tx) => sql`insert into notes (id, body) values (${index}, ${'x'})`.execute(tx))));
    const { rows } = await sql<{ log: number }>`pragma wal_checkpoint(passive)`.execute(handle.db);
    assert.ok(Number(rows[0]?.log) < 40, `WAL frames written: ${rows[0]?.log}`);
    const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(handle.db);
    assert.equal(check.rows[0]?.integrity_check, 'ok');
  });
});
