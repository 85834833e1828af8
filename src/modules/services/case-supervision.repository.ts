// What electronic supervision reads of cases: their facts (deadlines, stamps), their records (events and
// materials), and the check a write concluded from a case read earlier makes of it (caseStillAtStamp). The rest
// of the cases' SQL is in cases.repository.ts.
import { sql, type RawBuilder } from 'kysely';
import type { DbExecutor } from '../../core/db/database.ts';
import { preparedQuery } from '../../core/db/prepared-query.ts';
import type { CaseStatus } from './services.tables.ts';

export interface CaseSupervisionFactsRow {
  id: string;
  case_number: string;
  item_id: string;
  unit_id: string;
  status: CaseStatus;
  current_step_key: string | null;
  case_deadline: string | null;
  step_deadline: string | null;
  step_opened_at: string | null;
  item_version_id: string;
  channel: string;
  created_at: string;
  submitted_at: string;
  version: number;
}

function selectCaseSupervisionFacts(db: DbExecutor) {
  return db
    .selectFrom('cases')
    .select(['cases.id', 'cases.case_number', 'cases.item_id', 'cases.unit_id', 'cases.status', 'cases.current_step_key', 'cases.case_deadline', 'cases.step_deadline', 'cases.item_version_id', 'cases.channel', 'cases.created_at', 'cases.submitted_at', 'cases.version'])
    .select((eb) =>
      eb
        .selectFrom('case_tasks')
        .select((inner) => inner.fn.min('case_tasks.opened_at').as('opened'))
        .whereRef('case_tasks.case_id', '=', 'cases.id')
        .whereRef('case_tasks.step_key', '=', 'cases.current_step_key')
        .where('case_tasks.status', '=', sql.lit('open'))
        .as('step_opened_at'),
    );
}

/** What supervision watches of many cases (those that exist), in one statement. */
export async function findCaseSupervisionFactsOf(db: DbExecutor, ids: readonly string[]): Promise<CaseSupervisionFactsRow[]> {
  if (ids.length === 0) return [];
  return (await selectCaseSupervisionFacts(db).where('cases.id', 'in', [...ids]).execute()) as CaseSupervisionFactsRow[];
}

/**
 * What the supervised deadlines of the cases with ids from `firstId` to `lastId` follow (a case's version moves
 * with every transition, its clock columns with a refresh). A range of the primary key, not a list of ids: a
 * page of a thousand costs no thousand parameters to send and plan.
 */
export function findCaseSupervisionStampsBetween(db: DbExecutor, firstId: string, lastId: string): Promise<Array<Pick<CaseSupervisionFactsRow, 'id' | 'version' | 'case_deadline' | 'step_deadline'>>> {
  return db.selectFrom('cases').select(['id', 'version', 'case_deadline', 'step_deadline']).where('id', '>=', firstId).where('id', '<=', lastId).execute();
}

/**
 * PostgreSQL: a subquery for a statement that writes what was concluded from a case read earlier: it selects the
 * case when the newest version of its row is still at `stamp` (case-supervision.ts: stampOf, version and clock
 * columns), and share-locks it to the end of the statement's transaction. A transition committed since the read
 * fails it, even one committed after the statement began (a locking read sees the newest row version), and one
 * not committed yet waits for the lock, so none can commit past it until the write is done.
 */
export function caseStillAtStamp(caseId: string, stamp: string): RawBuilder<unknown> {
  return sql`select id from cases where id = ${caseId} and version::text || '|' || coalesce(case_deadline, '') || '|' || coalesce(step_deadline, '') = ${stamp} for share`;
}

/** A page of still-running cases in id order after `afterId`, for re-evaluating every case from scratch. */
export async function findRunningCaseSupervisionFacts(db: DbExecutor, afterId: string, limit: number): Promise<CaseSupervisionFactsRow[]> {
  return (await selectCaseSupervisionFacts(db)
    .where('cases.id', '>', afterId)
    .where('cases.status', 'in', ['submitted', 'supplementing', 'in_progress', 'suspended'])
    .orderBy('cases.id')
    .limit(limit)
    .execute()) as CaseSupervisionFactsRow[];
}

export interface CaseRecordRow {
  kind: 'event' | 'material';
  seq: number | null;
  /** The event's type, or the material's key. */
  type: string;
  step_key: string | null;
  actor_user_id: string | null;
  at: string;
  detail: string | null;
}

// A case's events and materials in one statement: supervision reads both after every case event, and on
// PostgreSQL each statement is a round trip.
function selectRecordOfCase(db: DbExecutor, caseId: string) {
  return db
    .selectFrom('case_events')
    .select([sql<string>`'event'`.as('kind'), sql<number | null>`seq`.as('seq'), 'type', 'step_key', 'actor_user_id', 'occurred_at as at', 'detail'])
    .where('case_id', '=', caseId)
    .unionAll(
      db
        .selectFrom('case_materials')
        .select([sql<string>`'material'`.as('kind'), sql<number | null>`null`.as('seq'), 'material_key as type', sql<string | null>`null`.as('step_key'), sql<string | null>`null`.as('actor_user_id'), 'created_at as at', sql<string | null>`null`.as('detail')])
        .where('case_id', '=', caseId),
    );
}

// The case's facts beside each of its events and materials (alone, once, when it has neither): what supervision's
// subscriber reads of a case after each of its events, in one statement.
const selectCaseSupervisionFactsWithRecord = preparedQuery((db, values: { id: string }) =>
  db
    .selectFrom(selectCaseSupervisionFacts(db).where('cases.id', '=', values.id).as('c'))
    .leftJoin(selectRecordOfCase(db, values.id).as('r'), (join) => join.onTrue())
    .selectAll('c')
    .select(['r.kind', 'r.seq', 'r.type', 'r.step_key', 'r.actor_user_id', 'r.at', 'r.detail']),
);

type FactsWithRecordRow = CaseSupervisionFactsRow & Omit<CaseRecordRow, 'kind'> & { kind: CaseRecordRow['kind'] | null };

function factsWithRecordOf(rows: readonly FactsWithRecordRow[]): { facts: CaseSupervisionFactsRow; record: CaseRecordRows } | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const { kind: _kind, seq: _seq, type: _type, step_key: _stepKey, actor_user_id: _actor, at: _at, detail: _detail, ...facts } = first;
  const record = rows.flatMap(({ kind, seq, type, step_key, actor_user_id, at, detail }) => (kind ? [{ kind, seq, type, step_key, actor_user_id, at, detail }] : []));
  return { facts, record: splitRecord(record) };
}

/** What supervision watches of one case and its record (as findCaseSupervisionFactsOf and findCaseRecords do of many) in one statement; undefined when there is no such case. */
export async function findCaseSupervisionFactsWithRecord(db: DbExecutor, id: string): Promise<{ facts: CaseSupervisionFactsRow; record: CaseRecordRows } | undefined> {
  return factsWithRecordOf((await selectCaseSupervisionFactsWithRecord(db, { id })).rows as FactsWithRecordRow[]);
}

/**
 * findCaseSupervisionFactsWithRecord with one more value read in the same statement: `alongside(caseId)`, a scalar
 * subquery of the caller's as text (supervision's watched row of the case), so that both take one round trip.
 */
export function caseSupervisionFactsWithRecordAnd(alongside: (caseId: string) => RawBuilder<string | null>): (db: DbExecutor, id: string) => Promise<{ facts: CaseSupervisionFactsRow; record: CaseRecordRows; alongside: string | null } | undefined> {
  const select = preparedQuery((db, values: { id: string }) =>
    db
      .selectFrom(selectCaseSupervisionFacts(db).where('cases.id', '=', values.id).as('c'))
      .leftJoin(selectRecordOfCase(db, values.id).as('r'), (join) => join.onTrue())
      .selectAll('c')
      .select(['r.kind', 'r.seq', 'r.type', 'r.step_key', 'r.actor_user_id', 'r.at', 'r.detail', alongside(values.id).as('alongside')]),
  );
  return async (db, id) => {
    const rows = (await select(db, { id })).rows as Array<FactsWithRecordRow & { alongside: string | null }>;
    const read = factsWithRecordOf(rows.map(({ alongside: _alongside, ...row }) => row));
    return read && { ...read, alongside: rows[0]!.alongside };
  };
}

export interface CaseRecordRows {
  events: CaseRecordRow[];
  materials: CaseRecordRow[];
}

function splitRecord(rows: readonly CaseRecordRow[]): CaseRecordRows {
  return { events: rows.filter((row) => row.kind === 'event').sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)), materials: rows.filter((row) => row.kind === 'material') };
}

/** The events and materials of many cases in one statement, by case id (a case with neither is absent). */
export async function findCaseRecords(db: DbExecutor, caseIds: readonly string[]): Promise<Map<string, CaseRecordRows>> {
  if (caseIds.length === 0) return new Map();
  const ids = [...caseIds];
  const rows = await db
    .selectFrom('case_events')
    .select(['case_id', sql<string>`'event'`.as('kind'), sql<number | null>`seq`.as('seq'), 'type', 'step_key', 'actor_user_id', 'occurred_at as at', 'detail'])
    .where('case_id', 'in', ids)
    .unionAll(
      db
        .selectFrom('case_materials')
        .select(['case_id', sql<string>`'material'`.as('kind'), sql<number | null>`null`.as('seq'), 'material_key as type', sql<string | null>`null`.as('step_key'), sql<string | null>`null`.as('actor_user_id'), 'created_at as at', sql<string | null>`null`.as('detail')])
        .where('case_id', 'in', ids),
    )
    .execute();
  const byCase = new Map<string, CaseRecordRow[]>();
  for (const row of rows as Array<CaseRecordRow & { case_id: string }>) {
    const list = byCase.get(row.case_id) ?? [];
    list.push(row);
    byCase.set(row.case_id, list);
  }
  return new Map([...byCase].map(([caseId, list]) => [caseId, splitRecord(list)]));
}
