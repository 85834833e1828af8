// 督查督办: the supervising office orders a unit it oversees to deal with something by a due date, with
// files; the unit replies with text and files; the office accepts (closed) or returns it with an opinion (open
// again). Every step is in the task's history and the audit chain. A task is a supervised subject of the
// generic engine: its reply deadline runs while it waits for the unit, so an overdue task raises warning,
// yellow and red findings against the unit through the same sweep as cases — no code of its own for that.
import './tasks.errors.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { isInScope, type DataScope } from '../../core/auth/data-scope.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import { todayInChina } from '../../core/calendar/working-days.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { AppError, isAppError } from '../../core/errors/app-error.ts';
import { attachUploads, findFilesOfOwners, registerFileOwnerType } from '../../core/files/index.ts';
import { sendInAppMessage } from '../../core/notify/index.ts';
import { findUnitFacts, findUnitStaffHolding } from '../identity/index.ts';
import { findingScopeOf } from './findings.service.ts';
import { evaluateAfterEvent, loadRules, type SubjectSnapshot } from './supervision-evaluation.ts';
import { isOverseer, RESPOND_PERMISSION } from './supervision.policy.ts';
import type { SupervisionDeps } from './supervision.deps.ts';
import { canReplyToTask, canReviewTask, requireOverseer } from './tasks.policy.ts';
import { findTaskActions, findTaskById, findTaskOfAction, findTasks, insertTask, insertTaskAction, markFirstReply, nextSupervisionNumber, updateTaskStatus, type TaskFilter, type TaskWithUnits } from './tasks.repository.ts';
import { TASK_STATUS_NAMES, type IssueTaskInput, type TaskDetail, type TaskView } from './tasks.schema.ts';
import type { SupervisionTaskRow, TaskAction } from './tasks.tables.ts';

/** The subject type of tasks in the supervision engine (rules, subjects, findings). */
export const TASK_SUBJECT = 'supervision_task';
/** Files of a task belong to the entry of its history that brought them (the order, a reply). */
export const TASK_FILES_OWNER_TYPE = 'supervision_task_action';

/** The actor's supervision scope, or null when the actor may see none (a file check answers "no", not 403). */
async function scopeOrNull(db: DbExecutor, actor: Actor): Promise<DataScope | null> {
  if (actor.kind !== 'staff') return null;
  try {
    return await findingScopeOf(db, actor);
  } catch (error) {
    if (isAppError(error, 'FORBIDDEN')) return null;
    throw error;
  }
}

function isTaskVisible(scope: DataScope | null, task: TaskWithUnits): boolean {
  return scope !== null && isInScope(scope, { unitId: task.unit_id, unitPath: task.unit_path });
}

registerFileOwnerType(TASK_FILES_OWNER_TYPE, {
  canRead: async (actor, actionId, db) => {
    const task = await findTaskOfAction(db, actionId);
    return task !== undefined && isTaskVisible(await scopeOrNull(db, actor), task);
  },
  // Attaching happens only inside issueTask and replyToTask, after they checked the actor may act.
  canAttach: async (actor, actionId, db) => {
    const task = await findTaskOfAction(db, actionId);
    return task !== undefined && actor.kind === 'staff' && (actor.unitId === task.unit_id || isOverseer(actor));
  },
});

function present(actor: Actor, row: TaskWithUnits, today: string): TaskView {
  return {
    id: row.id, taskNumber: row.task_number, title: row.title, content: row.content, unitId: row.unit_id, unitName: row.unit_name, officeUnitId: row.office_unit_id,
    officeUnitName: row.office_unit_name, issuedByName: row.issued_by_name, dueOn: row.due_on, status: row.status, statusName: TASK_STATUS_NAMES[row.status],
    overdue: row.status === 'open' && today > row.due_on, createdAt: row.created_at, updatedAt: row.updated_at, closedAt: row.closed_at,
    canReply: canReplyToTask(actor, row), canReview: canReviewTask(actor, row),
  };
}

/** A page of tasks in the actor's scope: an office sees the units it oversees, a unit its own. */
export async function listTasks(deps: SupervisionDeps, actor: Actor, filter: TaskFilter, page: number, pageSize: number): Promise<{ items: TaskView[]; total: number }> {
  const scope = await findingScopeOf(deps.db, actor);
  const { items, total } = await findTasks(deps.db, scope, filter, page, pageSize);
  const today = todayInChina(deps.now());
  return { items: items.map((row) => present(actor, row, today)), total };
}

async function loadVisible(db: DbExecutor, actor: Actor, id: string): Promise<TaskWithUnits> {
  const scope = await findingScopeOf(db, actor);
  const row = await findTaskById(db, id);
  if (!row || !isTaskVisible(scope, row)) throw new AppError('TASK_NOT_FOUND');
  return row;
}

/** One task with its full history and the files of each entry. */
export async function getTask(deps: SupervisionDeps, actor: Actor, id: string): Promise<TaskDetail> {
  const row = await loadVisible(deps.db, actor, id);
  const actions = await findTaskActions(deps.db, id);
  const files = await findFilesOfOwners(deps.db, TASK_FILES_OWNER_TYPE, actions.map((action) => action.id));
  return {
    ...present(actor, row, todayInChina(deps.now())),
    history: actions.map((action) => ({ id: action.id, action: action.action, actorName: action.actor_name, note: action.note, occurredAt: action.occurred_at, files: files.get(action.id) ?? [] })),
  };
}

/** The task as the supervision engine sees it: its reply deadline runs only while the task waits for the unit. */
function toSnapshot(task: Pick<SupervisionTaskRow, 'id' | 'unit_id' | 'task_number' | 'title' | 'status' | 'due_on'>): SubjectSnapshot {
  return {
    type: TASK_SUBJECT, id: task.id, unitId: task.unit_id, scopeKey: null, label: `${task.task_number} ${task.title}`,
    deadlines: task.status === 'open' ? [{ key: 'reply', kind: 'reply', due: task.due_on }] : [],
  };
}

async function evaluateTask(tx: DbExecutor, deps: SupervisionDeps, task: Parameters<typeof toSnapshot>[0], now: Date): Promise<void> {
  await evaluateAfterEvent(tx, deps.calendar(), toSnapshot(task), await loadRules(tx, TASK_SUBJECT), now);
}

async function appendAction(tx: DbExecutor, actor: Actor, taskId: string, action: TaskAction, note: string, now: Date): Promise<string> {
  const id = newId(now.getTime());
  await insertTaskAction(tx, { id, task_id: taskId, action, actor_user_id: actor.userId, actor_name: actor.name, actor_unit_id: actor.unitId, note, occurred_at: toTimestamp(now) });
  return id;
}

// The unit's staff who answer for it are told in the console; findings add SMS once a deadline is at risk.
async function notifyUnit(tx: DbExecutor, task: Pick<SupervisionTaskRow, 'id' | 'unit_id' | 'task_number' | 'title' | 'due_on'>, title: string, now: Date): Promise<void> {
  for (const person of await findUnitStaffHolding(tx, task.unit_id, RESPOND_PERMISSION)) {
    await sendInAppMessage(tx, { userId: person.id, title, body: `${task.task_number} ${task.title}（办理期限 ${task.due_on}）`, link: `/supervision/tasks/${task.id}` }, now);
  }
}

/** The office issues a task to a unit it oversees, due in N working days or on a date, with files. */
export async function issueTask(deps: SupervisionDeps, actor: Actor, input: IssueTaskInput): Promise<TaskDetail> {
  requireOverseer(actor);
  const { unitId: officeUnitId, userId: issuerId } = actor;
  if (!officeUnitId || !issuerId) throw new AppError('FORBIDDEN');
  const scope = await findingScopeOf(deps.db, actor);
  const unit = await findUnitFacts(deps.db, input.unitId);
  if (!unit || !isInScope(scope, { unitId: unit.id, unitPath: unit.path })) throw new AppError('TASK_UNIT_OUT_OF_SCOPE');
  const now = deps.now();
  const today = todayInChina(now);
  const dueOn = input.dueOn ?? deps.calendar().addWorkingDays(today, input.dueInWorkingDays ?? 0);
  if (dueOn <= today) throw new AppError('TASK_DUE_NOT_FUTURE', { today });
  const id = newId(now.getTime());
  await deps.db.transaction().execute(async (tx) => {
    const stamp = toTimestamp(now);
    const taskNumber = `DB${today.slice(0, 4)}-${String(await nextSupervisionNumber(tx, `task-${today.slice(0, 4)}`)).padStart(4, '0')}`;
    const row: SupervisionTaskRow = {
      id, task_number: taskNumber, title: input.title, content: input.content, office_unit_id: officeUnitId, unit_id: unit.id, issued_by: issuerId, issued_by_name: actor.name,
      due_on: dueOn, status: 'open', first_replied_on: null, created_at: stamp, created_on: today, updated_at: stamp, closed_at: null,
    };
    await insertTask(tx, row);
    const actionId = await appendAction(tx, actor, id, 'issued', input.content, now);
    if (input.fileIds.length > 0) await attachUploads(tx, actor, input.fileIds, { ownerType: TASK_FILES_OWNER_TYPE, ownerId: actionId });
    await recordAudit(tx, actor, { action: 'supervision.task.issue', subjectType: TASK_SUBJECT, subjectId: id, after: { taskNumber, unitId: unit.id, title: input.title, dueOn, fileIds: input.fileIds } }, now);
    await notifyUnit(tx, row, '新的督办事项', now);
    await evaluateTask(tx, deps, row, now);
  });
  return getTask(deps, actor, id);
}

/** The unit reports what it did, with files; the task waits for the office's review and its deadline stops. */
export async function replyToTask(deps: SupervisionDeps, actor: Actor, id: string, input: { text: string; fileIds: string[] }): Promise<TaskDetail> {
  const row = await loadVisible(deps.db, actor, id);
  if (!canReplyToTask(actor, row)) throw row.status === 'open' ? new AppError('FORBIDDEN') : new AppError('TASK_NOT_OPEN', { status: row.status });
  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    const stamp = toTimestamp(now);
    if (!(await updateTaskStatus(tx, id, 'open', { status: 'answered', updated_at: stamp }))) throw new AppError('TASK_CHANGED');
    await markFirstReply(tx, id, todayInChina(now));
    const actionId = await appendAction(tx, actor, id, 'replied', input.text, now);
    if (input.fileIds.length > 0) await attachUploads(tx, actor, input.fileIds, { ownerType: TASK_FILES_OWNER_TYPE, ownerId: actionId });
    await recordAudit(tx, actor, { action: 'supervision.task.reply', subjectType: TASK_SUBJECT, subjectId: id, after: { text: input.text, fileIds: input.fileIds } }, now);
    await sendInAppMessage(tx, { userId: row.issued_by, title: '督办事项已答复', body: `${row.unit_name}已答复 ${row.task_number} ${row.title}`, link: `/supervision/tasks/${id}` }, now);
    await evaluateTask(tx, deps, { ...row, status: 'answered' }, now);
  });
  return getTask(deps, actor, id);
}

/** The office accepts the reply (the task is closed) or returns it with its opinion (open again, same due date). */
export async function reviewTask(deps: SupervisionDeps, actor: Actor, id: string, input: { decision: 'accept' | 'return'; opinion: string }): Promise<TaskDetail> {
  const row = await loadVisible(deps.db, actor, id);
  if (!isOverseer(actor)) throw new AppError('FORBIDDEN');
  if (!canReviewTask(actor, row)) throw new AppError('TASK_NOT_ANSWERED', { status: row.status });
  const now = deps.now();
  const accepted = input.decision === 'accept';
  await deps.db.transaction().execute(async (tx) => {
    const stamp = toTimestamp(now);
    const status = accepted ? 'closed' : 'open';
    if (!(await updateTaskStatus(tx, id, 'answered', { status, updated_at: stamp, ...(accepted ? { closed_at: stamp } : {}) }))) throw new AppError('TASK_CHANGED');
    await appendAction(tx, actor, id, accepted ? 'accepted' : 'returned', input.opinion, now);
    await recordAudit(tx, actor, { action: `supervision.task.${input.decision}`, subjectType: TASK_SUBJECT, subjectId: id, after: { opinion: input.opinion } }, now);
    if (!accepted) await notifyUnit(tx, row, '督办事项被退回，请重新办理', now);
    await evaluateTask(tx, deps, { ...row, status }, now);
  });
  return getTask(deps, actor, id);
}
