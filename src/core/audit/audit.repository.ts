// All SQL of the audit trail: append (serialised, hash-chained), list with filters, walk for verification.
import { sql, type Selectable } from 'kysely';
import { dialectOf, type DbExecutor } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import { toCount } from '../db/values.ts';
import { GENESIS_HASH, hashAuditRecord, type ChainedFields } from './audit.chain.ts';

export interface AuditLogTable extends ChainedFields {
  hash: string;
}

declare module '../db/database.ts' {
  interface Database {
    audit_log: AuditLogTable;
  }
}

export type AuditRow = Selectable<AuditLogTable>;

// Any constant works as long as it is the same everywhere: it names the lock that serialises chain appends.
const AUDIT_CHAIN_LOCK = 7_201_126;

/** Appends one record at the head of the chain. Must run inside the caller's transaction. */
export async function appendAuditRecord(tx: DbExecutor, fields: Omit<ChainedFields, 'seq' | 'prev_hash'>): Promise<AuditRow> {
  // On PostgreSQL the chain's lock is taken and its head read in one round trip (migration 202612070900).
  const head = (await (dialectOf(tx) === 'postgres' ? lockChainAndSelectHead(tx, {}) : selectChainHead(tx, {}))).rows[0];
  const chained: ChainedFields = { ...fields, seq: (head?.seq ?? 0) + 1, prev_hash: head?.hash ?? GENESIS_HASH };
  const row = { ...chained, hash: hashAuditRecord(chained) };
  await insertAuditRow(tx, row);
  return row;
}

// Every use case appends a record: its two statements are prepared once (see core/db/prepared-query.ts). The limit
// is a literal: bound, it made SQLite's read of the head four times slower (bench/cases.bench.ts).
const selectChainHead = preparedQuery((db) => db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(sql.lit(1)));
const lockChainAndSelectHead = preparedQuery((db) => db.selectFrom(sql<{ seq: number; hash: string }>`audit_chain_head(${sql.lit(AUDIT_CHAIN_LOCK)})`.as('head')).selectAll());
const insertAuditRow = preparedQuery((db, row: AuditRow) => db.insertInto('audit_log').values({
  seq: row.seq, id: row.id, occurred_at: row.occurred_at, actor_id: row.actor_id, actor_name: row.actor_name, unit_id: row.unit_id, action: row.action, subject_type: row.subject_type,
  subject_id: row.subject_id, outcome: row.outcome, before_json: row.before_json, after_json: row.after_json, detail: row.detail, ip: row.ip, user_agent: row.user_agent, prev_hash: row.prev_hash, hash: row.hash,
}));

export interface AuditFilter {
  action?: string | undefined;
  /** Only records of actors of this unit (a supervising office's own log). */
  unitId?: string | undefined;
  actor?: string | undefined;
  outcome?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** A page of audit records, newest first. */
export async function findAuditRecords(db: DbExecutor, filter: AuditFilter, page: number, pageSize: number): Promise<{ items: AuditRow[]; total: number }> {
  let query = db.selectFrom('audit_log');
  if (filter.action) query = query.where('action', 'like', `${filter.action}%`);
  if (filter.unitId) query = query.where('unit_id', '=', filter.unitId);
  if (filter.actor) query = query.where((eb) => eb.or([eb('actor_name', '=', filter.actor!), eb('actor_id', '=', filter.actor!)]));
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  const [items, count] = await Promise.all([
    query.selectAll().orderBy('seq', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(count.total) };
}

/** Records in seq order after `afterSeq`, a batch at a time, for verification. */
export function findAuditBatch(db: DbExecutor, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq', 'asc').limit(limit).execute();
}
