// All SQL on cases, their events, tasks, materials, case-number counters and application drafts.
import { sql, type Insertable, type Updateable } from 'kysely';
import { escapeLike, scopeCondition, type DataScope } from '../../core/auth/data-scope.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { toCount } from '../../core/db/values.ts';
import type { ApplicationDraftsTable, CaseEventsTable, CaseMaterialsTable, CaseRow, CasesTable, CaseStatus, CaseTasksTable } from './services.tables.ts';

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

/** One case with its units' names, or undefined. */
export function findCaseById(db: DbExecutor, id: string): Promise<CaseWithUnits | undefined> {
  return selectCaseWithUnits(db).where('cases.id', '=', id).executeTakeFirst();
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
  const result = await db
    .updateTable('cases')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Updates derived columns of a case (its clock) without touching the version. */
export async function updateCaseClock(db: DbExecutor, id: string, changes: Pick<Updateable<CasesTable>, 'case_deadline' | 'step_deadline' | 'time_state' | 'remaining_days' | 'next_check_on' | 'ended_on' | 'ended_late' | 'used_days'>): Promise<void> {
  await db.updateTable('cases').set(changes).where('id', '=', id).execute();
}

/** Appends events to a case's history. */
export async function insertCaseEvents(db: DbExecutor, rows: Insertable<CaseEventsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('case_events').values(rows).execute();
}

/** A case's whole history, oldest first. */
export function findCaseEvents(db: DbExecutor, caseId: string) {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

/** The highest event number of a case (0 when none). */
export async function findLastEventSeq(db: DbExecutor, caseId: string): Promise<number> {
  const row = await db.selectFrom('case_events').select((eb) => eb.fn.max('seq').as('last')).where('case_id', '=', caseId).executeTakeFirst();
  return toCount(row?.last ?? 0);
}

/** Opens tasks. */
export async function insertTasks(db: DbExecutor, rows: Insertable<CaseTasksTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('case_tasks').values(rows).execute();
}

/** The open tasks of a case. */
export function findOpenTasks(db: DbExecutor, caseId: string) {
  return db.selectFrom('case_tasks').selectAll().where('case_id', '=', caseId).where('status', '=', 'open').orderBy('opened_at').execute();
}

/** Every task of a case, oldest first. */
export function findTasksOfCase(db: DbExecutor, caseId: string) {
  return db.selectFrom('case_tasks').innerJoin('units', 'units.id', 'case_tasks.unit_id').selectAll('case_tasks').select('units.name as unit_name').where('case_id', '=', caseId).orderBy('opened_at').execute();
}

/** Changes tasks by id. */
export async function updateTasks(db: DbExecutor, ids: readonly string[], changes: Updateable<CaseTasksTable>): Promise<void> {
  if (ids.length > 0) await db.updateTable('case_tasks').set(changes).where('id', 'in', [...ids]).execute();
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

/** Open tasks waiting for the given units and permissions, the most urgent first. */
export async function findQueue(db: DbExecutor, filter: QueueFilter, page: number, pageSize: number) {
  if (filter.unitIds.length === 0 || filter.permissions.length === 0) return { items: [], total: 0 };
  let query = db
    .selectFrom('case_tasks')
    .innerJoin('cases', 'cases.id', 'case_tasks.case_id')
    .innerJoin('service_items', 'service_items.id', 'cases.item_id')
    .where('case_tasks.status', '=', 'open')
    .where('case_tasks.unit_id', 'in', [...filter.unitIds])
    .where('case_tasks.permission', 'in', [...filter.permissions])
    .where('cases.status', 'in', ['submitted', 'in_progress', 'suspended', 'supplementing']);
  if (filter.timeState) query = query.where('cases.time_state', '=', filter.timeState);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    query = query.where((eb) => eb.or([eb('cases.case_number', 'like', pattern), eb('cases.applicant_name', 'like', pattern), eb('service_items.name', 'like', pattern)]));
  }
  const [items, count] = await Promise.all([
    query
      .select(['case_tasks.id as task_id', 'case_tasks.kind as task_kind', 'case_tasks.step_key', 'case_tasks.opened_at', 'cases.id', 'cases.case_number', 'cases.status', 'cases.applicant_name', 'cases.channel', 'cases.case_deadline', 'cases.step_deadline', 'cases.time_state', 'cases.remaining_days', 'cases.submitted_at', 'cases.case_kind', 'cases.version', 'service_items.name as item_name'])
      // Dates sort as text; nulls (no deadline yet) after every date.
      .orderBy(sql`coalesce(cases.step_deadline, cases.case_deadline, '9999-12-31')`)
      .orderBy('case_tasks.opened_at')
      .orderBy('case_tasks.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(count.total) };
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

/**
 * A page of cases within a data scope, newest first. `scopeColumn` says which unit a unit scope
 * means: the deciding unit, or for a service hall the unit that received the case. The search text
 * matches a case number or applicant name by prefix and item names anywhere, so every branch uses
 * an index.
 */
export async function findCases(db: DbExecutor, scope: DataScope, scopeColumn: 'unit' | 'intake', filter: CaseFilter, page: number, pageSize: number) {
  const unitColumn = scopeColumn === 'intake' ? 'cases.intake_unit_id' : 'cases.unit_id';
  const pathColumn = scopeColumn === 'intake' ? 'intake.path' : 'units.path';
  let query = selectCaseWithUnits(db).where((eb) => scopeCondition(eb, scope, { unitIdColumn: unitColumn, unitPathColumn: pathColumn, ownerColumn: 'cases.handler_user_id' }));
  if (filter.itemId) query = query.where('cases.item_id', '=', filter.itemId);
  if (filter.unitId) query = query.where('cases.unit_id', '=', filter.unitId);
  if (filter.status) query = query.where('cases.status', '=', filter.status);
  if (filter.timeState) query = query.where('cases.time_state', '=', filter.timeState);
  if (filter.channel) query = query.where('cases.channel', '=', filter.channel as CaseRow['channel']);
  if (filter.submittedFrom) query = query.where('cases.submitted_at', '>=', filter.submittedFrom);
  if (filter.submittedTo) query = query.where('cases.submitted_at', '<', filter.submittedTo);
  if (filter.q) {
    const text = filter.q;
    const upper = text.toUpperCase();
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('cases.case_number', '>=', upper), eb('cases.case_number', '<', `${upper}\uffff`)]),
        eb.and([eb('cases.applicant_name', '>=', text), eb('cases.applicant_name', '<', `${text}\uffff`)]),
        eb('cases.item_id', 'in', eb.selectFrom('service_items').select('service_items.id').where('service_items.name', 'like', `%${escapeLike(text)}%`)),
      ]),
    );
  }
  const counted = query.clearSelect().select('cases.id').limit(COUNT_LIMIT + 1);
  const [items, count] = await Promise.all([
    query.orderBy('cases.submitted_at', 'desc').orderBy('cases.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    db.selectFrom(counted.as('matches')).select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
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
