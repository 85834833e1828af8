// All SQL of electronic supervision's evaluation: rules, supervised subjects and the findings they raise.
// The statements run on every case event are prepared once (core/db/prepared-query.ts).
import { sql, type Insertable, type OnConflictBuilder } from 'kysely';
import { dialectOf, type Database, type DbExecutor } from '../../core/db/database.ts';
import { insertMany, jsonRows, jsonRowsWhereIn, preparedQuery } from '../../core/db/prepared-query.ts';
import type { SupervisionFindingActionsTable, SupervisionFindingsTable, SupervisionRuleRow, SupervisionSubjectRow, SupervisionSubjectsTable } from './supervision.tables.ts';

const selectRulesOfSubjectType = preparedQuery((db, values: { subjectType: string }) => db.selectFrom('supervision_rules').selectAll().where('subject_type', '=', values.subjectType));

/** Every rule (general and per scope) watching subjects of a type. */
export async function findRulesOfSubjectType(db: DbExecutor, subjectType: string): Promise<SupervisionRuleRow[]> {
  return (await selectRulesOfSubjectType(db, { subjectType })).rows;
}

/** Every rule, general ones first, for the rules page. */
export function findAllRules(db: DbExecutor): Promise<SupervisionRuleRow[]> {
  return db.selectFrom('supervision_rules').selectAll().orderBy('code').orderBy('scope_key').execute();
}

/** One rule by id, or undefined. */
export function findRuleById(db: DbExecutor, id: string): Promise<SupervisionRuleRow | undefined> {
  return db.selectFrom('supervision_rules').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The rule of a code for a scope ('' for the general one), or undefined. */
export function findRuleByCode(db: DbExecutor, code: string, scopeKey: string): Promise<SupervisionRuleRow | undefined> {
  return db.selectFrom('supervision_rules').selectAll().where('code', '=', code).where('scope_key', '=', scopeKey).executeTakeFirst();
}

/** Inserts a rule unless one with its code and scope exists; true when inserted. */
export async function insertRuleIfAbsent(db: DbExecutor, row: SupervisionRuleRow): Promise<boolean> {
  const inserted = await db.insertInto('supervision_rules').values(row).onConflict((conflict) => conflict.columns(['code', 'scope_key']).doNothing()).returning('id').executeTakeFirst();
  return inserted !== undefined;
}

/** Changes a rule's thresholds and switch. */
export async function updateRule(db: DbExecutor, id: string, changes: Pick<SupervisionRuleRow, 'settings_json' | 'enabled' | 'updated_at' | 'updated_by'>): Promise<void> {
  await db.updateTable('supervision_rules').set(changes).where('id', '=', id).execute();
}

/** Deletes a rule (only per-scope overrides are ever deleted). */
export async function deleteRule(db: DbExecutor, id: string): Promise<void> {
  await db.deleteFrom('supervision_rules').where('id', '=', id).execute();
}

// Locking the subject's row first makes evaluations of one subject take turns: PostgreSQL holds the row lock
// to COMMIT; SQLite runs one write transaction at a time (BEGIN IMMEDIATE, one connection per process), so a
// plain read inside it is as good. Whatever an evaluation reads after this is current.
const selectSubjectForUpdate = preparedQuery((db, values: { subjectType: string; subjectId: string }) =>
  db.selectFrom('supervision_subjects').selectAll().where('subject_type', '=', values.subjectType).where('subject_id', '=', values.subjectId).forUpdate(),
);
const selectSubject = preparedQuery((db, values: { subjectType: string; subjectId: string }) =>
  db.selectFrom('supervision_subjects').selectAll().where('subject_type', '=', values.subjectType).where('subject_id', '=', values.subjectId),
);

/** Locks a subject's row for this transaction and returns it as it now stands; undefined when not watched. */
export async function lockSubject(db: DbExecutor, subjectType: string, subjectId: string): Promise<SupervisionSubjectRow | undefined> {
  const query = dialectOf(db) === 'postgres' ? selectSubjectForUpdate : selectSubject;
  return (await query(db, { subjectType, subjectId })).rows[0];
}

// PostgreSQL: a subject not watched yet has no row to lock, so two evaluations of its first events on two nodes
// could each read it and write in either order: the older state last. They take turns on a transaction-level
// advisory lock on the subject's key instead (in key order, as rows are locked), then look for the row again: one
// written by the evaluation they waited for is there now, and locked. SQLite runs one transaction at a time.
async function lockKeysOfUnwatched(db: DbExecutor, subjectType: string, subjectIds: readonly string[]): Promise<void> {
  const keys = JSON.stringify(subjectIds.map((id) => `${subjectType}|${id}`));
  await sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from json_array_elements_text(${keys}::json) as k order by k`.execute(db);
}

/** lockSubject for an event's evaluation: a subject not watched yet is locked by its key (lockKeysOfUnwatched). */
export async function lockSubjectOrItsKey(db: DbExecutor, subjectType: string, subjectId: string): Promise<SupervisionSubjectRow | undefined> {
  const row = await lockSubject(db, subjectType, subjectId);
  if (row || dialectOf(db) !== 'postgres') return row;
  await lockKeysOfUnwatched(db, subjectType, [subjectId]);
  return lockSubject(db, subjectType, subjectId);
}

/** lockSubjects for events' evaluation: subjects not watched yet are locked by their keys (lockKeysOfUnwatched). */
export async function lockSubjectsOrTheirKeys(db: DbExecutor, subjectType: string, subjectIds: readonly string[]): Promise<SupervisionSubjectRow[]> {
  const rows = await lockSubjects(db, subjectType, subjectIds);
  if (rows.length === subjectIds.length || dialectOf(db) !== 'postgres') return rows;
  const watched = new Set(rows.map((row) => row.subject_id));
  const unwatched = subjectIds.filter((id) => !watched.has(id));
  await lockKeysOfUnwatched(db, subjectType, unwatched);
  return [...rows, ...(await lockSubjects(db, subjectType, unwatched))];
}

// An existing subject row takes the new row's values (both upserts below).
function replaceSubject(conflict: OnConflictBuilder<Database, 'supervision_subjects'>) {
  return conflict.columns(['subject_type', 'subject_id']).doUpdateSet({
    unit_id: (eb) => eb.ref('excluded.unit_id'),
    scope_key: (eb) => eb.ref('excluded.scope_key'),
    label: (eb) => eb.ref('excluded.label'),
    deadlines_json: (eb) => eb.ref('excluded.deadlines_json'),
    next_check_on: (eb) => eb.ref('excluded.next_check_on'),
    evaluated_at: (eb) => eb.ref('excluded.evaluated_at'),
  });
}

// A row already there is left as it is (insertSubjectsIfAbsent).
function keepSubject(conflict: OnConflictBuilder<Database, 'supervision_subjects'>) {
  return conflict.columns(['subject_type', 'subject_id']).doNothing();
}

function insertSubjectRow(db: DbExecutor, row: SupervisionSubjectRow) {
  return db
    .insertInto('supervision_subjects')
    .values({ subject_type: row.subject_type, subject_id: row.subject_id, unit_id: row.unit_id, scope_key: row.scope_key, label: row.label, deadlines_json: row.deadlines_json, next_check_on: row.next_check_on, evaluated_at: row.evaluated_at });
}

const SUBJECT_COLUMNS = ['subject_type', 'subject_id', 'unit_id', 'scope_key', 'label', 'deadlines_json', 'next_check_on', 'evaluated_at'] as const;

// On PostgreSQL many rows travel as one JSON parameter (jsonRows): a page of a thousand takes one round trip.
function insertSubjectRecords(db: DbExecutor, rows: string) {
  return db.insertInto('supervision_subjects').columns([...SUBJECT_COLUMNS]).expression(jsonRows<SupervisionSubjectRow>(rows, 'r', SUBJECT_COLUMNS));
}

const upsertSubjectRow = preparedQuery((db, row: SupervisionSubjectRow) => insertSubjectRow(db, row).onConflict(replaceSubject));
const upsertSubjectRecords = preparedQuery((db, values: { rows: string }) => insertSubjectRecords(db, values.rows).onConflict(replaceSubject));
const insertSubjectRowIfAbsent = preparedQuery((db, row: SupervisionSubjectRow) => insertSubjectRow(db, row).onConflict(keepSubject));
const insertSubjectRecordsIfAbsent = preparedQuery((db, values: { rows: string }) => insertSubjectRecords(db, values.rows).onConflict(keepSubject));

/** Locks many subjects' rows of one type (see lockSubject) and returns those that are watched. */
export function lockSubjects(db: DbExecutor, subjectType: string, subjectIds: readonly string[]): Promise<SupervisionSubjectRow[]> {
  const query = db.selectFrom('supervision_subjects').selectAll().where('subject_type', '=', subjectType).where('subject_id', 'in', [...subjectIds]);
  return (dialectOf(db) === 'postgres' ? query.forUpdate() : query).execute();
}

/** Locks the rows of one type's subjects with ids from `firstId` to `lastId` (see lockSubject): a range of the key, for a page in id order. */
export function lockSubjectsBetween(db: DbExecutor, subjectType: string, firstId: string, lastId: string): Promise<SupervisionSubjectRow[]> {
  const query = db.selectFrom('supervision_subjects').selectAll().where('subject_type', '=', subjectType).where('subject_id', '>=', firstId).where('subject_id', '<=', lastId);
  return (dialectOf(db) === 'postgres' ? query.forUpdate() : query).execute();
}

/** Stores many subjects (see saveSubject): one statement on PostgreSQL, the prepared single-row upsert on SQLite. */
export async function saveSubjects(db: DbExecutor, rows: readonly SupervisionSubjectRow[]): Promise<void> {
  await insertMany(db, rows, { one: upsertSubjectRow, many: async (tx, page) => (await upsertSubjectRecords(tx, { rows: JSON.stringify(page) })).rows, rowsPerStatement: 5000 });
}

/** Stores many subjects that had no row when this transaction looked; a row written since by someone else stays. */
export async function insertSubjectsIfAbsent(db: DbExecutor, rows: readonly SupervisionSubjectRow[]): Promise<void> {
  await insertMany(db, rows, { one: insertSubjectRowIfAbsent, many: async (tx, page) => (await insertSubjectRecordsIfAbsent(tx, { rows: JSON.stringify(page) })).rows, rowsPerStatement: 5000 });
}

/**
 * PostgreSQL: refreshes the planner's statistics of the watched subjects. A first re-evaluation fills the table
 * from empty, and without statistics the planner takes a page's lookup of a thousand subjects for most of the
 * table and scans it whole: the pass grows quadratic until autovacuum happens to analyse the table (at two
 * million cases that lookup alone took 41 s instead of 6). Once analysed, the statistics say subjects are unique
 * by id, which stays true as the table grows. SQLite looks a key list up by the primary key whatever it knows.
 */
export async function analyzeSubjects(db: DbExecutor): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`analyze supervision_subjects`.execute(db);
}

/** Stores a subject's deadlines and the next day it must be looked at. */
export async function saveSubject(db: DbExecutor, row: Insertable<SupervisionSubjectsTable> & SupervisionSubjectRow): Promise<void> {
  await upsertSubjectRow(db, row);
}

const deleteSubjectRow = preparedQuery((db, values: { subjectType: string; subjectId: string }) =>
  db.deleteFrom('supervision_subjects').where('subject_type', '=', values.subjectType).where('subject_id', '=', values.subjectId),
);

/** Stops watching a subject (it has no running deadline any more); its findings stay. */
export async function deleteSubject(db: DbExecutor, subjectType: string, subjectId: string): Promise<void> {
  await deleteSubjectRow(db, { subjectType, subjectId });
}

/** A page of watched subjects of every type but one, in key order after (type, id), for re-evaluating them. */
export function findSubjectsAfter(db: DbExecutor, exceptType: string, after: { type: string; id: string }, limit: number): Promise<SupervisionSubjectRow[]> {
  return db
    .selectFrom('supervision_subjects')
    .selectAll()
    .where('subject_type', '!=', exceptType)
    .where((eb) => eb.or([eb('subject_type', '>', after.type), eb.and([eb('subject_type', '=', after.type), eb('subject_id', '>', after.id)])]))
    .orderBy('subject_type')
    .orderBy('subject_id')
    .limit(limit)
    .execute();
}

/** Subjects whose next check day has come, soonest first (through the next_check_on index). */
export function findSubjectsDue(db: DbExecutor, today: string, limit: number): Promise<Array<Pick<SupervisionSubjectRow, 'subject_type' | 'subject_id'>>> {
  return db.selectFrom('supervision_subjects').select(['subject_type', 'subject_id']).where('next_check_on', '<=', today).orderBy('next_check_on').limit(limit).execute();
}

export interface SubjectFindingRow {
  id: string;
  subject_id: string;
  finding_key: string;
  category: string;
  deadline_key: string | null;
  resolved_at: string | null;
}

const selectFindingsOfSubject = preparedQuery((db, values: { subjectType: string; subjectId: string }) =>
  db.selectFrom('supervision_findings').select(['id', 'subject_id', 'finding_key', 'category', 'deadline_key', 'resolved_at']).where('subject_type', '=', values.subjectType).where('subject_id', '=', values.subjectId),
);

/** The keys and state of every finding a subject has had. */
export async function findFindingsOfSubject(db: DbExecutor, subjectType: string, subjectId: string): Promise<SubjectFindingRow[]> {
  return (await selectFindingsOfSubject(db, { subjectType, subjectId })).rows;
}

/** The findings of many subjects of one type, for evaluating them in a batch. */
export function findFindingsOfSubjects(db: DbExecutor, subjectType: string, subjectIds: readonly string[]): Promise<SubjectFindingRow[]> {
  return db.selectFrom('supervision_findings').select(['id', 'subject_id', 'finding_key', 'category', 'deadline_key', 'resolved_at']).where('subject_type', '=', subjectType).where('subject_id', 'in', [...subjectIds]).execute();
}

const insertFindingRow = preparedQuery((db, row: SupervisionFindingsTable) =>
  db
    .insertInto('supervision_findings')
    .values({
      id: row.id, finding_key: row.finding_key, category: row.category, rule_code: row.rule_code, level: row.level, subject_type: row.subject_type, subject_id: row.subject_id,
      subject_label: row.subject_label, unit_id: row.unit_id, deadline_key: row.deadline_key, due_on: row.due_on, detail: row.detail, raised_at: row.raised_at, raised_on: row.raised_on,
      resolved_at: row.resolved_at, status: row.status, updated_at: row.updated_at,
    })
    .onConflict((conflict) => conflict.column('finding_key').doNothing())
    .returning('id'),
);

/** Inserts a finding unless its key is already on record (raised by another node or an earlier try); true when inserted. */
export async function insertFindingIfNew(db: DbExecutor, row: SupervisionFindingsTable): Promise<boolean> {
  return (await insertFindingRow(db, row)).rows.length > 0;
}

/** Inserts the findings whose keys are not on record yet, in multi-row statements; returns the ids of those inserted. */
export async function insertFindingsIfNew(db: DbExecutor, rows: readonly SupervisionFindingsTable[]): Promise<Set<string>> {
  const inserted = await insertMany(db, rows, {
    one: insertFindingRow,
    many: (tx, chunk) => tx.insertInto('supervision_findings').values(chunk).onConflict((conflict) => conflict.column('finding_key').doNothing()).returning('id').execute(),
    rowsPerStatement: 50, // 17 columns
  });
  return new Set(inserted.map((row) => row.id));
}

export const FINDING_COLUMNS = ['id', 'finding_key', 'category', 'rule_code', 'level', 'subject_type', 'subject_id', 'subject_label', 'unit_id', 'deadline_key', 'due_on', 'detail', 'raised_at', 'raised_on', 'resolved_at', 'status', 'updated_at'] as const;
export const ACTION_COLUMNS = ['id', 'finding_id', 'action', 'actor_user_id', 'actor_name', 'actor_unit_id', 'note', 'occurred_at'] as const;

// PostgreSQL: the findings and their first history entries in one statement (one round trip), the rows as two
// JSON parameters (jsonRows); an entry goes in only when its finding did. Every column of both tables is text.
const insertFindingsWithEntries = preparedQuery((db, values: { findings: string; entries: string }) =>
  db
    .with('raised', (qb) =>
      qb
        .insertInto('supervision_findings')
        .columns([...FINDING_COLUMNS])
        .expression(jsonRows<SupervisionFindingsTable>(values.findings, 'r', FINDING_COLUMNS))
        .onConflict((conflict) => conflict.column('finding_key').doNothing())
        .returning('id'),
    )
    .with('entries', (qb) =>
      qb
        .insertInto('supervision_finding_actions')
        .columns([...ACTION_COLUMNS])
        .expression(jsonRowsWhereIn<SupervisionFindingActionsTable>(values.entries, 'a', ACTION_COLUMNS, 'finding_id', sql`select id from raised`)),
    )
    .selectFrom('raised')
    .select('id'),
);

/**
 * Inserts findings whose key is not on record yet, each with the first entry of its history (`entries`, by
 * finding id); returns the ids inserted. One statement on PostgreSQL; on SQLite, where a statement costs no round
 * trip, the findings and then the entries of those inserted.
 */
export async function insertFindingsWithFirstEntries(db: DbExecutor, findings: readonly SupervisionFindingsTable[], entries: readonly SupervisionFindingActionsTable[]): Promise<Set<string>> {
  if (findings.length === 0) return new Set();
  if (dialectOf(db) === 'postgres') {
    const { rows } = await insertFindingsWithEntries(db, { findings: JSON.stringify(findings), entries: JSON.stringify(entries) });
    return new Set(rows.map((row) => row.id));
  }
  const inserted = await insertFindingsIfNew(db, findings);
  await insertFindingActions(db, entries.filter((entry) => inserted.has(entry.finding_id)));
  return inserted;
}

/** Appends entries to findings' histories in multi-row statements. */
export async function insertFindingActions(db: DbExecutor, rows: readonly SupervisionFindingActionsTable[]): Promise<void> {
  await insertMany(db, rows, { one: insertActionRow, many: (tx, chunk) => tx.insertInto('supervision_finding_actions').values(chunk).execute(), rowsPerStatement: 100 });
}

const resolveFindingRow = preparedQuery((db, values: { id: string; now: string }) =>
  db.updateTable('supervision_findings').set({ resolved_at: values.now, updated_at: values.now }).where('id', '=', values.id).where('resolved_at', 'is', null),
);

/** Marks a finding's condition as no longer standing; the finding and its handling stay on record. */
export async function markFindingResolved(db: DbExecutor, id: string, now: string): Promise<void> {
  await resolveFindingRow(db, { id, now });
}

const insertActionRow = preparedQuery((db, row: SupervisionFindingActionsTable) =>
  db.insertInto('supervision_finding_actions').values({
    id: row.id, finding_id: row.finding_id, action: row.action, actor_user_id: row.actor_user_id, actor_name: row.actor_name, actor_unit_id: row.actor_unit_id, note: row.note, occurred_at: row.occurred_at,
  }),
);

/** Appends one entry to a finding's history. */
export async function insertFindingAction(db: DbExecutor, row: SupervisionFindingActionsTable): Promise<void> {
  await insertActionRow(db, row);
}

/** The unit a supervising office watches (its own part of the organisation), or undefined when it is no office. */
export function findSupervisedUnitOfOffice(db: DbExecutor, officeUnitId: string): Promise<{ supervised_unit_id: string; path: string } | undefined> {
  return db
    .selectFrom('supervision_offices')
    .innerJoin('units', 'units.id', 'supervision_offices.supervised_unit_id')
    .select(['supervision_offices.supervised_unit_id', 'units.path'])
    .where('supervision_offices.office_unit_id', '=', officeUnitId)
    .executeTakeFirst();
}

/** Registers a unit as the supervising office of another unit and everything below it (idempotent). */
export async function saveSupervisionOffice(db: DbExecutor, row: { office_unit_id: string; supervised_unit_id: string; created_at: string }): Promise<void> {
  await db.insertInto('supervision_offices').values(row).onConflict((conflict) => conflict.column('office_unit_id').doUpdateSet({ supervised_unit_id: row.supervised_unit_id })).execute();
}

/** Every supervising office with the unit it watches, by office name. */
export function findSupervisionOffices(db: DbExecutor) {
  return db
    .selectFrom('supervision_offices')
    .innerJoin('units as office', 'office.id', 'supervision_offices.office_unit_id')
    .innerJoin('units as supervised', 'supervised.id', 'supervision_offices.supervised_unit_id')
    .select(['supervision_offices.office_unit_id', 'supervision_offices.supervised_unit_id', 'supervision_offices.created_at', 'office.name as office_name', 'supervised.name as supervised_name'])
    .orderBy('office.path')
    .execute();
}

/** Ends a unit's role as a supervising office; false when it had none. */
export async function deleteSupervisionOffice(db: DbExecutor, officeUnitId: string): Promise<boolean> {
  const result = await db.deleteFrom('supervision_offices').where('office_unit_id', '=', officeUnitId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Counts findings, for the sweep's tests and the benchmark. */
export async function countFindings(db: DbExecutor): Promise<number> {
  const row = await db.selectFrom('supervision_findings').select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}
