// All SQL on cases, their events, tasks, materials, case-number counters and application drafts.
import { sql, type Insertable, type Updateable } from 'kysely';
import { escapeLike, type DataScope } from '../../core/auth/data-scope.ts';
import { dialectOf, type DbExecutor } from '../../core/db/database.ts';
import { preparedQuery } from '../../core/db/prepared-query.ts';
import { toCount } from '../../core/db/values.ts';
import type { ApplicationDraftsTable, CaseEventRow, CaseMaterialsTable, CaseRow, CasesTable, CaseStatus, CaseTaskRow, CaseTasksTable } from './services.tables.ts';

/** The next number in a case-number sequence (per unit and day); safe under concurrent submissions. */
export async function nextCaseSequence(db: DbExecutor, scope: string): Promise<number> {
  const row = await db
    .insertInto('case_number_counters')
    .values({ scope, last_value: 1 })
    .onConflict((conflict) => conflict.column('scope').doUpdateSet({ last_value: sql<number>`case_number_counters.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return toCount(row.last_value);
}

/** Inserts a case. */
export async function insertCase(db: DbExecutor, row: Insertable<CasesTable>): Promise<void> {
  await db.insertInto('cases').values(row).execute();
}

export type CaseWithUnits = CaseRow & { unit_name: string; unit_path: string; intake_unit_name: string; intake_unit_path: string; item_name: string };

function selectCaseWithUnits(db: DbExecutor) {
  return db
    .selectFrom('cases')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .innerJoin('units as intake', 'intake.id', 'cases.intake_unit_id')
    .innerJoin('service_items', 'service_items.id', 'cases.item_id')
    .selectAll('cases')
    .select(['units.name as unit_name', 'units.path as unit_path', 'intake.name as intake_unit_name', 'intake.path as intake_unit_path', 'service_items.name as item_name']);
}

// The statements of every case transition are prepared once (see core/db/prepared-query.ts).
const selectCaseById = preparedQuery((db, values: { id: string }) => selectCaseWithUnits(db).where('cases.id', '=', values.id));
const selectCaseEvents = preparedQuery((db, values: { caseId: string }) => db.selectFrom('case_events').selectAll().where('case_id', '=', values.caseId).orderBy('seq'));
// Open tasks are named by a literal status, never a bound one: SQLite re-plans a statement each time it binds a value
// that could decide whether a partial index applies (those over open tasks), which tripled these lookups' cost.
const selectOpenTasks = preparedQuery((db, values: { caseId: string }) => db.selectFrom('case_tasks').selectAll().where('case_id', '=', values.caseId).where('status', '=', sql.lit('open')).orderBy('opened_at'));
const insertCaseEvent = preparedQuery((db, row: CaseEventRow) => db.insertInto('case_events').values({
  id: row.id, case_id: row.case_id, seq: row.seq, type: row.type, step_key: row.step_key, actor_kind: row.actor_kind, actor_user_id: row.actor_user_id,
  actor_name: row.actor_name, actor_unit_id: row.actor_unit_id, occurred_at: row.occurred_at, occurred_on: row.occurred_on, detail: row.detail,
}));
const insertTask = preparedQuery((db, row: NewTask) => db.insertInto('case_tasks').values({
  id: row.id, case_id: row.case_id, step_key: row.step_key, kind: row.kind, unit_id: row.unit_id, permission: row.permission, status: row.status, opened_at: row.opened_at, due_on: row.due_on, time_state: row.time_state,
}));

/** One case with its units' names, or undefined. */
export async function findCaseById(db: DbExecutor, id: string): Promise<CaseWithUnits | undefined> {
  return (await selectCaseById(db, { id })).rows[0];
}

/** One case by its number, or undefined. */
export function findCaseByNumber(db: DbExecutor, caseNumber: string): Promise<CaseWithUnits | undefined> {
  return selectCaseWithUnits(db).where('cases.case_number', '=', caseNumber).executeTakeFirst();
}

/** The case an applicant already submitted with this idempotency key, or undefined. */
export function findCaseBySubmissionKey(db: DbExecutor, applicantUserId: string, key: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('cases').select('id').where('applicant_user_id', '=', applicantUserId).where('submission_key', '=', key).executeTakeFirst();
}

/** Updates a case only if it is still at `expectedVersion`, bumping the version; false when someone was first. */
export async function updateCaseAtVersion(db: DbExecutor, id: string, expectedVersion: number, changes: Updateable<CasesTable>): Promise<boolean> {
  const columns = Object.keys(changes).filter((column) => column !== 'version') as Array<keyof CasesTable>;
  const result = await updateCaseStatementFor(columns)(db, { ...changes, id, expectedVersion, nextVersion: expectedVersion + 1 });
  return Number(result.numAffectedRows) === 1;
}

/** One prepared statement per set of columns: a transition kind changes the same columns each time (at most 500 kept). */
function statementPerColumns<C extends string, S>(prepare: (columns: readonly C[]) => S): (columns: readonly C[]) => S {
  const statements = new Map<string, S>();
  return (columns) => {
    const key = columns.join(',');
    let statement = statements.get(key);
    if (!statement) {
      statement = prepare(columns);
      if (statements.size < 500) statements.set(key, statement);
    }
    return statement;
  };
}

const updateCaseStatementFor = statementPerColumns((columns: ReadonlyArray<keyof CasesTable>) =>
  preparedQuery((db, values: Updateable<CasesTable> & { id: string; expectedVersion: number; nextVersion: number }) =>
    db
      .updateTable('cases')
      .set({ ...Object.fromEntries(columns.map((column) => [column, values[column]])), version: values.nextVersion })
      .where('id', '=', values.id)
      .where('version', '=', values.expectedVersion),
  ),
);

const updateTaskStatementFor = statementPerColumns((columns: ReadonlyArray<keyof CaseTasksTable>) =>
  preparedQuery((db, values: Updateable<CaseTasksTable> & { id: string }) =>
    db
      .updateTable('case_tasks')
      .set(Object.fromEntries(columns.map((column) => [column, values[column]])))
      .where('id', '=', values.id),
  ),
);

/** Updates derived columns of a case (its clock) without touching the version. */
export async function updateCaseClock(db: DbExecutor, id: string, changes: Pick<Updateable<CasesTable>, 'case_deadline' | 'step_deadline' | 'time_state' | 'remaining_days' | 'next_check_on' | 'ended_on' | 'ended_late' | 'used_days'>): Promise<void> {
  await db.updateTable('cases').set(changes).where('id', '=', id).execute();
}

/** Appends events to a case's history. */
export async function insertCaseEvents(db: DbExecutor, rows: readonly CaseEventRow[]): Promise<void> {
  for (const row of rows) await insertCaseEvent(db, row);
}

/** A case's whole history, oldest first. */
export async function findCaseEvents(db: DbExecutor, caseId: string): Promise<CaseEventRow[]> {
  return (await selectCaseEvents(db, { caseId })).rows;
}

/** The highest event number of a case (0 when none). */
export async function findLastEventSeq(db: DbExecutor, caseId: string): Promise<number> {
  const row = await db.selectFrom('case_events').select((eb) => eb.fn.max('seq').as('last')).where('case_id', '=', caseId).executeTakeFirst();
  return toCount(row?.last ?? 0);
}

/** A task as it is opened: the closing columns come later. */
export type NewTask = Pick<CaseTaskRow, 'id' | 'case_id' | 'step_key' | 'kind' | 'unit_id' | 'permission' | 'status' | 'opened_at' | 'due_on' | 'time_state'>;

/** Opens tasks. */
export async function insertTasks(db: DbExecutor, rows: readonly NewTask[]): Promise<void> {
  for (const row of rows) await insertTask(db, row);
}

/** The open tasks of a case. */
export async function findOpenTasks(db: DbExecutor, caseId: string): Promise<CaseTaskRow[]> {
  return (await selectOpenTasks(db, { caseId })).rows;
}

/** Every task of a case, oldest first. */
export function findTasksOfCase(db: DbExecutor, caseId: string) {
  return db.selectFrom('case_tasks').innerJoin('units', 'units.id', 'case_tasks.unit_id').selectAll('case_tasks').select('units.name as unit_name').where('case_id', '=', caseId).orderBy('opened_at').execute();
}

/** Gives every open task of a case the case's current due date and time state. */
export async function updateOpenTaskTiming(db: DbExecutor, caseId: string, timing: { due_on: string; time_state: string }): Promise<void> {
  await db.updateTable('case_tasks').set(timing).where('case_id', '=', caseId).where('status', '=', sql.lit('open')).execute();
}

/** Changes tasks by id. */
export async function updateTasks(db: DbExecutor, ids: readonly string[], changes: Updateable<CaseTasksTable>): Promise<void> {
  const columns = (Object.keys(changes) as Array<keyof CaseTasksTable>).filter((column) => changes[column] !== undefined);
  if (ids.length === 0 || columns.length === 0) return;
  // A transition closes or touches one task, a countersign a few: one prepared statement per task.
  const update = updateTaskStatementFor(columns);
  for (const id of ids) await update(db, { ...changes, id });
}

/** Records materials of a case. */
export async function insertMaterials(db: DbExecutor, rows: Insertable<CaseMaterialsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('case_materials').values(rows).execute();
}

/** A case's materials with their files' names and sizes. */
export function findMaterials(db: DbExecutor, caseId: string) {
  return db
    .selectFrom('case_materials')
    .leftJoin('files', 'files.id', 'case_materials.file_id')
    .selectAll('case_materials')
    .select(['files.original_name as file_name', 'files.size as file_size', 'files.mime_type as file_type'])
    .where('case_materials.case_id', '=', caseId)
    .orderBy('case_materials.round')
    .orderBy('case_materials.created_at')
    .execute();
}

export interface QueueFilter {
  unitIds: readonly string[];
  permissions: readonly string[];
  q?: string | undefined;
  timeState?: string | undefined;
}

/**
 * Open tasks waiting for the given units and permissions, the most urgent first. The order and the
 * time-state filter come from the task's own columns (partial indexes case_tasks_open_due and case_tasks_open_time), so a page costs the
 * same with a hundred or a hundred thousand open cases; the case and item are joined for the page only.
 */
export async function findQueue(db: DbExecutor, filter: QueueFilter, page: number, pageSize: number) {
  if (filter.unitIds.length === 0 || filter.permissions.length === 0) return { items: [], total: 0 };
  let query = db
    .selectFrom('case_tasks')
    .where('case_tasks.unit_id', 'in', [...filter.unitIds])
    // A literal, so that both databases see the partial indexes over open tasks apply (migration 202611231545).
    .where('case_tasks.status', '=', sql.lit('open'))
    .where('case_tasks.permission', 'in', [...filter.permissions]);
  if (filter.timeState) query = query.where('case_tasks.time_state', '=', filter.timeState);
  if (filter.q) {
    const text = filter.q;
    const upper = text.toUpperCase();
    query = query.where((eb) =>
      eb.exists(
        eb.selectFrom('cases').innerJoin('service_items', 'service_items.id', 'cases.item_id').select('cases.id').whereRef('cases.id', '=', 'case_tasks.case_id')
          .where((inner) => inner.or([inner('cases.case_number', 'like', `%${escapeLike(upper)}%`), inner('cases.applicant_name', 'like', `%${escapeLike(text)}%`), inner('service_items.name', 'like', `%${escapeLike(text)}%`)])),
      ),
    );
  }
  const [tasks, count] = await Promise.all([
    query.select(['case_tasks.id', 'case_tasks.case_id', 'case_tasks.kind', 'case_tasks.step_key', 'case_tasks.opened_at']).orderBy('case_tasks.due_on').orderBy('case_tasks.opened_at').orderBy('case_tasks.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    db.selectFrom(query.select('case_tasks.id').limit(COUNT_LIMIT + 1).as('matches')).select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
  const caseIds = [...new Set(tasks.map((task) => task.case_id))];
  const cases = caseIds.length === 0 ? [] : await db
    .selectFrom('cases')
    .innerJoin('service_items', 'service_items.id', 'cases.item_id')
    .select(['cases.id', 'cases.case_number', 'cases.status', 'cases.applicant_name', 'cases.channel', 'cases.case_deadline', 'cases.step_deadline', 'cases.time_state', 'cases.remaining_days', 'cases.submitted_at', 'cases.case_kind', 'cases.version', 'service_items.name as item_name'])
    .where('cases.id', 'in', caseIds)
    .execute();
  const byId = new Map(cases.map((row) => [row.id, row]));
  const items = tasks.flatMap((task) => {
    const row = byId.get(task.case_id);
    return row ? [{ ...row, task_id: task.id, task_kind: task.kind, step_key: task.step_key, opened_at: task.opened_at }] : [];
  });
  return { items, total: Math.min(toCount(count.total), COUNT_LIMIT), totalCapped: toCount(count.total) > COUNT_LIMIT };
}

export interface CaseFilter {
  q?: string | undefined;
  itemId?: string | undefined;
  unitId?: string | undefined;
  status?: CaseStatus | undefined;
  timeState?: string | undefined;
  channel?: string | undefined;
  submittedFrom?: string | undefined;
  submittedTo?: string | undefined;
}

/** Counting stops here: beyond it a list says "10,000+" instead of scanning every match. */
export const COUNT_LIMIT = 10_000;

/** Looks like (the start of) a case number rather than a name. */
const CASE_NUMBER_PREFIX = /^[0-9A-Za-z][0-9A-Za-z-]{2,}$/;

/**
 * A page of cases within a data scope, newest first. `scopeColumn` says which unit a unit scope
 * means: the deciding unit, or for a service hall the unit that received the case. The search text
 * matches the start of a case number, or else the start of the applicant's name, so every query is
 * an index range; the count reads the cases table alone and stops at COUNT_LIMIT.
 */
export async function findCases(db: DbExecutor, scope: DataScope, scopeColumn: 'unit' | 'intake', filter: CaseFilter, page: number, pageSize: number) {
  const unitColumn = scopeColumn === 'intake' ? 'cases.intake_unit_id' : 'cases.unit_id';
  let matches = db.selectFrom('cases');
  if (scope.kind === 'unit') matches = matches.where(unitColumn, '=', scope.unitId);
  if (scope.kind === 'self') matches = matches.where('cases.handler_user_id', '=', scope.userId);
  if (scope.kind === 'unit_and_below') {
    const below = db.selectFrom('units').select('units.id').where('units.path', 'like', `${escapeLike(scope.unitPath)}%`);
    matches = matches.where(unitColumn, 'in', below);
  }
  if (filter.itemId) matches = matches.where('cases.item_id', '=', filter.itemId);
  if (filter.unitId) matches = matches.where('cases.unit_id', '=', filter.unitId);
  if (filter.status) matches = matches.where('cases.status', '=', filter.status);
  if (filter.timeState) matches = matches.where('cases.time_state', '=', filter.timeState);
  if (filter.channel) matches = matches.where('cases.channel', '=', filter.channel as CaseRow['channel']);
  if (filter.submittedFrom) matches = matches.where('cases.submitted_at', '>=', filter.submittedFrom);
  if (filter.submittedTo) matches = matches.where('cases.submitted_at', '<', filter.submittedTo);
  if (filter.q) {
    const text = CASE_NUMBER_PREFIX.test(filter.q) ? filter.q.toUpperCase() : filter.q;
    const column = sql.ref(CASE_NUMBER_PREFIX.test(filter.q) ? 'cases.case_number' : 'cases.applicant_name');
    // Byte order on both databases (see migration 202611231515): every string starting with `text` lies in [text, text + U+10FFFF).
    const compared = dialectOf(db) === 'postgres' ? sql`${column} collate "C"` : column;
    matches = matches.where(sql<boolean>`${compared} >= ${text} and ${compared} < ${`${text}\u{10FFFF}`}`);
  }
  const [ids, count] = await Promise.all([
    matches.select('cases.id').orderBy('cases.submitted_at', 'desc').orderBy('cases.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    db.selectFrom(matches.select('cases.id').limit(COUNT_LIMIT + 1).as('found')).select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
  const rows = ids.length === 0 ? [] : await selectCaseWithUnits(db).where('cases.id', 'in', ids.map((row) => row.id)).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.flatMap((row) => byId.get(row.id) ?? []);
  const total = toCount(count.total);
  return { items, total: Math.min(total, COUNT_LIMIT), totalCapped: total > COUNT_LIMIT };
}

/** An applicant's own cases, newest first. */
export async function findCasesOfApplicant(db: DbExecutor, applicantUserId: string, page: number, pageSize: number) {
  const query = selectCaseWithUnits(db).where('cases.applicant_user_id', '=', applicantUserId);
  const [items, count] = await Promise.all([
    query.orderBy('cases.submitted_at', 'desc').orderBy('cases.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(count.total) };
}

/** Saves an application draft (insert or replace by id). */
export async function saveDraft(db: DbExecutor, row: Insertable<ApplicationDraftsTable>): Promise<void> {
  await db
    .insertInto('application_drafts')
    .values(row)
    .onConflict((conflict) => conflict.column('id').doUpdateSet({ form_data: row.form_data, materials: row.materials, updated_at: row.updated_at }))
    .execute();
}

/** One of a user's drafts, or undefined. */
export function findDraft(db: DbExecutor, userId: string, id: string) {
  return db.selectFrom('application_drafts').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

/** A user's drafts with their items' names, newest first. */
export function findDraftsOfUser(db: DbExecutor, userId: string) {
  return db
    .selectFrom('application_drafts')
    .innerJoin('service_items', 'service_items.id', 'application_drafts.item_id')
    .selectAll('application_drafts')
    .select('service_items.name as item_name')
    .where('application_drafts.user_id', '=', userId)
    .orderBy('application_drafts.updated_at', 'desc')
    .execute();
}

/** Deletes a draft once it has been submitted (the case keeps what was submitted). */
export async function deleteDraft(db: DbExecutor, userId: string, id: string): Promise<void> {
  await db.deleteFrom('application_drafts').where('id', '=', id).where('user_id', '=', userId).execute();
}

/** Open cases whose derived time state changes on or before `today`, soonest first (uses the next_check_on index). */
export function findCasesDueForCheck(db: DbExecutor, today: string, limit: number) {
  return db
    .selectFrom('cases')
    .select(['id', 'item_version_id', 'promised_days', 'statutory_days', 'time_state', 'case_number', 'item_id', 'unit_id'])
    .where('next_check_on', '<=', today)
    .where('status', 'in', ['submitted', 'supplementing', 'in_progress', 'suspended'])
    .orderBy('next_check_on')
    .limit(limit)
    .execute();
}

/** Files the applicant submitted for earlier cases, newest first, for reuse in a new application. */
export function findReusableMaterials(db: DbExecutor, applicantUserId: string, limit: number) {
  return db
    .selectFrom('case_materials')
    .innerJoin('cases', 'cases.id', 'case_materials.case_id')
    .innerJoin('service_items', 'service_items.id', 'cases.item_id')
    .leftJoin('files', 'files.id', 'case_materials.file_id')
    .select(['case_materials.file_id', 'case_materials.material_key', 'case_materials.name', 'files.original_name as file_name', 'cases.case_number', 'service_items.name as item_name', 'case_materials.created_at'])
    .where('cases.applicant_user_id', '=', applicantUserId)
    .where('case_materials.file_id', 'is not', null)
    .orderBy('case_materials.created_at', 'desc')
    .limit(limit)
    .execute();
}

/** What is reported upward of a case: its identity, item, unit, dates and state. */
export function findCaseReportFacts(db: DbExecutor, caseId: string) {
  return db
    .selectFrom('cases')
    .innerJoin('service_items', 'service_items.id', 'cases.item_id')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .select([
      'cases.id', 'cases.case_number', 'cases.channel', 'cases.status', 'cases.outcome', 'cases.applicant_kind', 'cases.submitted_at', 'cases.accepted_at', 'cases.decided_at', 'cases.concluded_at',
      'cases.case_deadline', 'cases.time_state', 'cases.promised_days', 'cases.statutory_days', 'service_items.implementation_code', 'service_items.name as item_name', 'units.name as unit_name', 'units.credit_code as unit_credit_code',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
}

/** One of an applicant's own cases (its number and unit), or undefined when the case is not theirs. */
export function findCaseOfApplicant(db: DbExecutor, caseId: string, userId: string): Promise<{ id: string; case_number: string; unit_id: string } | undefined> {
  return db.selectFrom('cases').select(['id', 'case_number', 'unit_id']).where('id', '=', caseId).where('applicant_user_id', '=', userId).executeTakeFirst();
}
