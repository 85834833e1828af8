// All SQL of the transactional outbox. Rows are written in the caller's transaction and delivered after commit by
// dispatchers on any node. A claim marks rows 'sending' and, while they are, `next_attempt_at` holds the lease
// expiry; `attempts` is incremented by the claim and is the fencing token that keeps a node whose lease
// expired from recording a result over the attempt of the node that reclaimed the row.
import { sql, type Selectable } from 'kysely';
import { dialectOf, type Db, type DbExecutor } from '../db/database.ts';
import { insertMany, jsonRows, preparedQuery } from '../db/prepared-query.ts';
import { toCount } from '../db/values.ts';

export const OUTBOX_CHANNELS = ['email', 'sms', 'event'] as const;
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];
/** pending: waits for its first attempt; failed: waits for a retry; dead: gave up; sending: held under a lease. */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxTable {
  id: string;
  channel: OutboxChannel;
  /** Event topic (`case.accepted`) or, for mail and SMS, what the message is about (`identity.passwordReset`). */
  topic: string;
  recipient: string | null;
  subject: string | null;
  body: string | null;
  payload_json: string | null;
  unit_id: string | null;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

declare module '../db/database.ts' {
  interface Database {
    outbox: OutboxTable;
  }
}

export type OutboxRow = Selectable<OutboxTable>;

const MAX_ERROR_LENGTH = 4000;
const DUE_STATUSES: OutboxStatus[] = ['pending', 'failed'];
const RETRYABLE_STATUSES: OutboxStatus[] = ['pending', 'failed', 'dead'];

function boundError(message: string): string {
  const text = message || 'unknown error';
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/** Inserts many outbox rows in multi-row statements (in the caller's transaction). */
export async function insertOutboxMessages(tx: DbExecutor, rows: readonly OutboxRow[]): Promise<void> {
  await insertMany(tx, rows, { one: insertOutboxRow, many: (db, chunk) => db.insertInto('outbox').values(chunk).execute(), rowsPerStatement: 60 }); // 14 columns
}

/** Inserts one outbox row (in the caller's transaction). */
export async function insertOutboxMessage(tx: DbExecutor, row: OutboxRow): Promise<void> {
  await insertOutboxRow(tx, row);
}

// Most transitions publish an event: the insert is prepared once (see core/db/prepared-query.ts).
const insertOutboxRow = preparedQuery((db, row: OutboxRow) => db.insertInto('outbox').values({
  id: row.id, channel: row.channel, topic: row.topic, recipient: row.recipient, subject: row.subject, body: row.body, payload_json: row.payload_json, unit_id: row.unit_id,
  status: row.status, attempts: row.attempts, next_attempt_at: row.next_attempt_at, last_error: row.last_error, created_at: row.created_at, sent_at: row.sent_at,
}));

/** The outbox row with this id, or undefined. */
export function findOutboxMessageById(db: DbExecutor, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface OutboxClaim {
  now: string;
  leaseUntil: string;
  limit: number;
}

/**
 * Takes up to `limit` due rows (pending or failed, next_attempt_at ≤ now) for this node: status sending, lease set.
 * One statement: on PostgreSQL the due rows are picked `for update skip locked`, so nodes claiming at once take
 * different rows without waiting for each other; SQLite runs one writer at a time.
 */
export async function claimDueOutboxMessages(db: Db, claim: OutboxClaim): Promise<OutboxRow[]> {
  const lease = { status: 'sending' as const, attempts: sql<number>`attempts + 1`, next_attempt_at: claim.leaseUntil };
  const onPostgres = dialectOf(db) === 'postgres';
  return db
    .updateTable('outbox')
    .set(lease)
    .where('status', 'in', DUE_STATUSES)
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('outbox')
        .select('id')
        .where('status', 'in', DUE_STATUSES)
        .where('next_attempt_at', '<=', claim.now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(claim.limit);
      return onPostgres ? due.forUpdate().skipLocked() : due;
    })
    .returningAll()
    .execute();
}

export interface OutboxAttempt {
  id: string;
  /** The attempts value the claim returned. */
  attempts: number;
}

async function finishAttempt(db: DbExecutor, attempt: OutboxAttempt, changes: Partial<OutboxTable>): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set(changes)
    .where('id', '=', attempt.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', attempt.attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records delivery; false when this node had lost the row to a reclaim. */
export function markOutboxSent(db: DbExecutor, attempt: OutboxAttempt, now: string): Promise<boolean> {
  return finishAttempt(db, attempt, { status: 'sent', sent_at: now, last_error: null });
}

/**
 * Records the delivery of many claimed rows at `now`; returns the ids recorded (a row this node had lost to a
 * reclaim is not). One statement on PostgreSQL, the attempts as one JSON parameter; one per row on SQLite, where
 * a statement costs no round trip.
 */
export async function markOutboxManySent(db: DbExecutor, attempts: readonly OutboxAttempt[], now: string): Promise<Set<string>> {
  if (attempts.length === 0) return new Set();
  if (dialectOf(db) !== 'postgres') {
    const recorded = new Set<string>();
    for (const attempt of attempts) if (await markOutboxSent(db, attempt, now)) recorded.add(attempt.id);
    return recorded;
  }
  const { rows } = await updateSentRows(db, { attempts: JSON.stringify(attempts), now });
  return new Set(rows.map((row) => row.id));
}

const updateSentRows = preparedQuery((db, values: { attempts: string; now: string }) =>
  db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: values.now, last_error: null })
    .where('status', '=', 'sending')
    .where(sql<boolean>`(id, attempts) in (${jsonRows(values.attempts, 'a', ['id', 'attempts'], ['attempts'])})`)
    .returning('id'),
);

/** Records a failed attempt and when to try again. */
export function markOutboxForRetry(db: DbExecutor, attempt: OutboxAttempt, nextAttemptAt: string, error: string): Promise<boolean> {
  return finishAttempt(db, attempt, { status: 'failed', next_attempt_at: nextAttemptAt, last_error: boundError(error) });
}

/** Gives the row up after its last attempt. */
export function markOutboxDead(db: DbExecutor, attempt: OutboxAttempt, error: string): Promise<boolean> {
  return finishAttempt(db, attempt, { status: 'dead', last_error: boundError(error) });
}

/** Hands back a claimed row this node will not attempt after all (its batch ran long): due now, the claim undone. */
export async function releaseOutboxClaim(db: DbExecutor, attempt: OutboxAttempt, now: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: sql<OutboxStatus>`case when attempts > 1 then 'failed' else 'pending' end`,
      attempts: sql<number>`attempts - 1`,
      next_attempt_at: now,
    })
    .where('id', '=', attempt.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', attempt.attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Puts 'sending' rows whose lease expired (their node died mid-delivery) back as failed, or dead when out of attempts. */
export async function reclaimExpiredOutboxLeases(db: DbExecutor, now: string, maxAttempts: number): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: sql<OutboxStatus>`case when attempts >= ${maxAttempts} then 'dead' else 'failed' end`,
      next_attempt_at: now,
      last_error: 'The lease expired during delivery (the node sending it stopped); it may or may not have been delivered',
    })
    .where('status', '=', 'sending')
    .where('next_attempt_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface OutboxFilter {
  status?: OutboxStatus | undefined;
  channel?: OutboxChannel | undefined;
}

/** A page of outbox rows, newest first. */
export async function findOutboxPage(db: DbExecutor, filter: OutboxFilter, page: number, pageSize: number): Promise<{ items: OutboxRow[]; total: number }> {
  let query = db.selectFrom('outbox');
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  const [items, count] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(count.total) };
}

/** Makes a pending, failed or dead row due now (attempts are kept); undefined when no such row exists. */
export function retryOutboxMessageNow(tx: DbExecutor, id: string, now: string): Promise<OutboxRow | undefined> {
  return tx
    .updateTable('outbox')
    .set({ status: 'pending', next_attempt_at: now })
    .where('id', '=', id)
    .where('status', 'in', RETRYABLE_STATUSES)
    .returningAll()
    .executeTakeFirst();
}
