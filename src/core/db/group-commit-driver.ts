// Kysely driver for the embedded SQLite database with group commit.
//
// SQLite has one writer, and most of a small transaction's cost is its COMMIT: every page it dirtied goes to
// the WAL, and every thousand pages a checkpoint copies them into the database file and syncs it. When
// requests arrive together, the transactions queued behind the one running share a single COMMIT: each runs
// inside a savepoint of one outer transaction (the first needs none), in turn, exactly as if alone; the outer transaction commits as
// soon as nobody is queued (or the group is full), and only then does each member's `transaction().execute()`
// return. Pages that every transaction touches (the audit chain's head, the newest events, the outbox) are
// then written once per group instead of once per transaction. A member that fails rolls back to its own
// savepoint and leaves the others untouched; if the COMMIT itself fails, every member gets the error, so
// nothing is ever acknowledged before it is durable. A lone request commits at once, as before.
import type { DatabaseSync } from 'node:sqlite';
import { CompiledQuery, SelectQueryNode, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult, type SqliteDatabase } from 'kysely';

/** Transactions committed together at most; keeps the wait of the first one short under a steady stream. */
const MAX_GROUP = 32;
const MEMBER = 'zt_group_member';

/** A first-come-first-served lock handed straight to the next waiter. */
class HandOverMutex {
  #locked = false;
  readonly #waiting: Array<() => void> = [];

  get locked(): boolean {
    return this.#locked;
  }

  lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  unlock(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#locked = false;
  }
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** One use of the single connection: a transaction or a lone statement. */
class MemberConnection implements DatabaseConnection {
  inTransaction = false;
  /** False for the member that opened the group's outer transaction: it rolls back by ending the group. */
  inSavepoint = false;
  /** Set once the member committed its savepoint and let the next one in; its COMMIT is still to come. */
  handedOver = false;
  readonly #driver: GroupCommitSqliteDriver;

  constructor(driver: GroupCommitSqliteDriver) {
    this.#driver = driver;
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    return Promise.resolve(this.#driver.run<R>(this, compiledQuery));
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiledQuery.query)) throw new Error('SQLite streams select queries only');
    this.#driver.commitGroupBefore(this);
    for (const row of this.#driver.database.prepare(compiledQuery.sql).iterate(compiledQuery.parameters)) yield { rows: [row as R] };
  }
}

export class GroupCommitSqliteDriver implements Driver {
  readonly database: SqliteDatabase & { raw: DatabaseSync };
  readonly #mutex = new HandOverMutex();
  /** The members of the open outer transaction waiting for its COMMIT; null when none is open. */
  #group: Waiter[] | null = null;
  #flushScheduled = false;

  constructor(database: SqliteDatabase & { raw: DatabaseSync }) {
    this.database = database;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return new MemberConnection(this);
  }

  async beginTransaction(connection: MemberConnection): Promise<void> {
    if (this.#group && this.#group.length >= MAX_GROUP) this.#commitGroup();
    if (this.#group) {
      this.database.raw.exec(`savepoint ${MEMBER}`);
      connection.inSavepoint = true;
    } else {
      // Immediate: the group takes the write lock up front (waiting out another process through the busy
      // timeout) instead of failing when a read turns into a write. The group's first member needs no
      // savepoint (it would roll back the whole, still empty, group): a savepoint copies every page before
      // its first change, which is most of a small transaction's work, and alone a transaction is always first.
      this.database.raw.exec('begin immediate');
      this.#group = [];
    }
    connection.inTransaction = true;
  }

  async commitTransaction(connection: MemberConnection): Promise<void> {
    if (connection.inSavepoint) this.database.raw.exec(`release ${MEMBER}`);
    connection.inTransaction = false;
    const group = this.#group as Waiter[];
    const committed = new Promise<void>((resolve, reject) => group.push({ resolve, reject }));
    connection.handedOver = true;
    this.#mutex.unlock();
    this.#scheduleCommit();
    await committed;
  }

  async rollbackTransaction(connection: MemberConnection): Promise<void> {
    // A member whose group failed to commit was rolled back with it (and no longer holds the connection).
    if (connection.handedOver) return;
    connection.inTransaction = false;
    if (this.database.raw.isTransaction && connection.inSavepoint) {
      this.database.raw.exec(`rollback to ${MEMBER}`);
      this.database.raw.exec(`release ${MEMBER}`);
    } else if (this.database.raw.isTransaction) {
      // The group's first member: nobody joined it yet, so the group ends with it.
      this.database.raw.exec('rollback');
      this.#group = null;
      return;
    } else {
      // SQLite rolled the whole outer transaction back itself (an I/O error, a full disk): the members before
      // this one are lost too, and are told so.
      this.#failGroup(new Error('SQLite rolled back the transaction group'));
    }
    this.#scheduleCommit();
  }

  async releaseConnection(connection: MemberConnection): Promise<void> {
    if (!connection.handedOver) this.#mutex.unlock();
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoted(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${quoted(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${quoted(name)}`));
  }

  async destroy(): Promise<void> {
    this.#commitGroup();
    this.database.close();
  }

  /** Runs one statement; outside a transaction it first commits the open group, so it neither joins it nor reads its uncommitted rows. */
  run<R>(connection: MemberConnection, compiledQuery: CompiledQuery): QueryResult<R> {
    this.commitGroupBefore(connection);
    const statement = this.database.prepare(compiledQuery.sql);
    if (statement.reader) return { rows: statement.all(compiledQuery.parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(compiledQuery.parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  commitGroupBefore(connection: MemberConnection): void {
    if (!connection.inTransaction && this.#group) this.#commitGroup();
  }

  /** Commits once the connection is free: whoever holds it now schedules again when it is done. */
  #scheduleCommit(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      this.#flushScheduled = false;
      if (!this.#mutex.locked) this.#commitGroup();
    });
  }

  #commitGroup(): void {
    const members = this.#group;
    if (!members) return;
    try {
      this.database.raw.exec('commit');
    } catch (error) {
      this.#failGroup(error);
      return;
    }
    this.#group = null;
    for (const member of members) member.resolve();
  }

  #failGroup(error: unknown): void {
    const members = this.#group ?? [];
    this.#group = null;
    if (this.database.raw.isTransaction) this.database.raw.exec('rollback');
    for (const member of members) member.reject(error);
  }
}

function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** SQLite's dialect with the group-commit driver. */
export class GroupCommitSqliteDialect extends SqliteDialect {
  readonly #database: SqliteDatabase & { raw: DatabaseSync };

  constructor(database: SqliteDatabase & { raw: DatabaseSync }) {
    super({ database });
    this.#database = database;
  }

  override createDriver(): Driver {
    return new GroupCommitSqliteDriver(this.#database);
  }
}
