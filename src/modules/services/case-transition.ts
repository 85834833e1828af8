// Applies a planned transition inside the caller's transaction: the versioned case row with its
// recomputed clock, its new events, tasks (with the due date the work queue sorts by), domain events,
// applicant notices and the audit record.
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { publishEvent } from '../../core/notify/index.ts';
import { deriveCaseClock, type ClockState } from './case-clock.ts';
import type { TransitionPlan } from './case-engine.ts';
import { chinaDateOf, clockEntriesOf } from './case-history.ts';
import { notifyApplicant } from './case-notices.ts';
import type { ProcessDefinition, ProcessStep } from './process.schema.ts';
import { findCaseEvents, findLastEventSeq, insertCaseEvents, insertTasks, updateCaseAtVersion, updateCaseClock, updateOpenTaskTiming, updateTasks } from './cases.repository.ts';
import type { CaseEventRow, CaseRow, CasesTable } from './services.tables.ts';

/** The default number of working days before a deadline at which a case turns to "warning". */
export const WARNING_DAYS = 2;
/** The due date of a task without a deadline: after every real date, so the queue lists it last. */
export const NO_DUE_DATE = '9999-12-31';

export interface TransitionContext {
  tx: DbExecutor;
  actor: Actor;
  calendar: WorkingCalendar;
  now: Date;
  itemName: string;
  process: ProcessDefinition;
}

/** The unit a step's task goes to for this case. */
export function unitForStep(row: Pick<CaseRow, 'unit_id' | 'intake_unit_id'>, handledBy: ProcessStep['handledBy']): string {
  if (handledBy === 'intake') return row.intake_unit_id;
  if (handledBy === 'owner') return row.unit_id;
  return handledBy.unitId;
}

/** The step's permission for a task, countersigns answered with the review permission. */
function permissionFor(process: ProcessDefinition, stepKey: string, kind: 'step' | 'countersign'): string {
  if (kind === 'countersign') return 'services.cases.review';
  return process.steps.find((step) => step.key === stepKey)?.permission ?? 'services.cases.review';
}

/** The case's clock from its whole history, as of `now`. */
export function computeCaseClock(calendar: WorkingCalendar, row: Pick<CaseRow, 'promised_days' | 'statutory_days'>, process: ProcessDefinition, events: readonly CaseEventRow[], now: Date): ClockState {
  return deriveCaseClock(calendar, { promisedDays: row.promised_days, statutoryDays: row.statutory_days, entries: clockEntriesOf(events, process), today: chinaDateOf(now), warningDays: WARNING_DAYS });
}

/** The case columns that store a clock (for lists, the scheduler and statistics). */
export function clockColumns(clock: ClockState): Pick<CasesTable, 'case_deadline' | 'step_deadline' | 'time_state' | 'remaining_days' | 'next_check_on' | 'ended_on' | 'ended_late' | 'used_days'> {
  return {
    case_deadline: clock.caseDeadline, step_deadline: clock.stepDeadline, time_state: clock.timeState, remaining_days: clock.remainingDays, next_check_on: clock.nextChangeOn,
    ended_on: clock.stoppedOn, ended_late: clock.concludedLate === null ? null : clock.concludedLate ? 1 : 0, used_days: clock.stoppedOn ? clock.usedDays : null,
  };
}

/** What the open tasks of a case sort and filter by in the work queue. */
export function taskTiming(clock: ClockState): { due_on: string; time_state: string } {
  return { due_on: clock.stepDeadline ?? clock.caseDeadline ?? NO_DUE_DATE, time_state: clock.timeState };
}

/** Recomputes the case's clock from its history (read here unless the caller has it) and stores it on the case and its open tasks. */
export async function refreshCaseClock(tx: DbExecutor, calendar: WorkingCalendar, row: Pick<CaseRow, 'id' | 'promised_days' | 'statutory_days'>, process: ProcessDefinition, now: Date, history?: readonly CaseEventRow[]): Promise<ClockState> {
  const events = history ?? (await findCaseEvents(tx, row.id));
  const clock = computeCaseClock(calendar, row, process, events, now);
  await updateCaseClock(tx, row.id, clockColumns(clock));
  await updateOpenTaskTiming(tx, row.id, taskTiming(clock));
  return clock;
}

/** Writes a planned transition of an existing case; CASE_CONFLICT when another actor changed it first. */
export async function applyTransition(context: TransitionContext, row: CaseRow, plan: TransitionPlan, extra: { materialsNote?: string; knownEvents?: readonly CaseEventRow[] } = {}): Promise<number> {
  const { tx, actor, now } = context;
  const stamp = toTimestamp(now);
  const stepChanged = plan.stepKey !== row.current_step_key && plan.stepKey !== null;
  const history = extra.knownEvents ?? (await findCaseEvents(tx, row.id));
  const firstSeq = (history.at(-1)?.seq ?? (await findLastEventSeq(tx, row.id))) + 1;
  const events: CaseEventRow[] = plan.events.map((event, index) => {
    const last = index === plan.events.length - 1;
    const detail = { ...event.detail, ...(last && stepChanged ? { enteredStep: plan.stepKey } : {}), ...(extra.materialsNote ? { note: extra.materialsNote } : {}) };
    return {
      id: newId(now.getTime()), case_id: row.id, seq: firstSeq + index, type: event.type, step_key: event.stepKey, actor_kind: actor.kind, actor_user_id: actor.userId,
      actor_name: actor.name, actor_unit_id: actor.unitId, occurred_at: stamp, occurred_on: chinaDateOf(now), detail: JSON.stringify(detail),
    };
  });
  // The clock follows from the history including this transition, so the case row is written once.
  const clock = computeCaseClock(context.calendar, row, context.process, [...history, ...events], now);
  const moved = { unit_id: plan.retarget?.handledBy === 'owner' ? plan.retarget.unitId : row.unit_id, intake_unit_id: plan.retarget?.handledBy === 'intake' ? plan.retarget.unitId : row.intake_unit_id };
  const won = await updateCaseAtVersion(tx, row.id, row.version, changedColumns(row, {
    status: plan.status,
    current_step_key: plan.stepKey,
    outcome: plan.outcome ?? row.outcome,
    accepted_at: plan.accepted ? stamp : row.accepted_at,
    decided_at: plan.decided ? stamp : row.decided_at,
    concluded_at: plan.concluded || plan.status === 'refused' || plan.status === 'withdrawn' ? stamp : row.concluded_at,
    supplement_count: row.supplement_count + (plan.supplementRequested ? 1 : 0),
    handler_user_id: actor.kind === 'staff' ? actor.userId : row.handler_user_id,
    fine_amount: plan.fine ? plan.fine.amount : row.fine_amount,
    penalty_circumstance: plan.fine ? plan.fine.circumstance : row.penalty_circumstance,
    ...moved,
    ...clockColumns(clock),
    updated_at: stamp,
  }));
  if (!won) throw new AppError('CASE_CONFLICT', { current: row.version + 1 });
  await insertCaseEvents(tx, events);

  await updateTasks(tx, plan.closeTaskIds, { status: 'done', closed_at: stamp, closed_by: actor.userId, touched_at: stamp, opinion: opinionOf(plan) });
  await updateTasks(tx, plan.cancelTaskIds, { status: 'cancelled', closed_at: stamp, closed_by: actor.userId });
  await updateTasks(tx, plan.touchTaskIds, { touched_at: stamp });
  if (plan.retarget) await updateTasks(tx, [plan.retarget.taskId], { unit_id: plan.retarget.unitId, touched_at: null });
  const timing = taskTiming(clock);
  await insertTasks(tx, plan.openTasks.map((task) => ({
    id: newId(now.getTime()), case_id: row.id, step_key: task.stepKey, kind: task.kind, unit_id: unitForStep(moved, task.handledBy),
    permission: permissionFor(context.process, task.stepKey, task.kind), status: 'open' as const, opened_at: stamp, ...timing,
  })));
  // Tasks that stay open (a countersign, the step of a paused case) follow the new clock too.
  if (plan.openTasks.length === 0 || plan.touchTaskIds.length > 0) await updateOpenTaskTiming(tx, row.id, timing);

  for (const event of events) {
    await publishEvent(tx, `case.${event.type}`, { caseId: row.id, caseNumber: row.case_number, itemId: row.item_id, unitId: moved.unit_id, seq: event.seq, stepKey: event.step_key }, { unitId: moved.unit_id }, now);
  }
  await notifyApplicant(tx, { caseNumber: row.case_number, itemName: context.itemName, queryCode: row.query_code, unitId: moved.unit_id, phone: row.applicant_phone, email: row.applicant_email }, events.map((event) => event.type), now);
  await recordAudit(tx, actor, { action: `services.case.${plan.events[0]?.type ?? 'act'}`, subjectType: 'case', subjectId: row.id, before: { status: row.status, step: row.current_step_key, version: row.version }, after: { status: plan.status, step: plan.stepKey, events: events.map((event) => event.type) } }, now);
  return row.version + 1;
}

/**
 * The columns whose value differs from the row's. An UPDATE rewrites the entry of every index whose
 * column it sets, even to the same value; setting only what changed keeps a transition's page writes few.
 */
function changedColumns<T extends Partial<CaseRow>>(row: CaseRow, changes: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const column in changes) {
    if (row[column as keyof CaseRow] !== changes[column]) changed[column] = changes[column];
  }
  return changed;
}

function opinionOf(plan: TransitionPlan): string | null {
  const detail = plan.events[0]?.detail ?? {};
  const text = detail.opinion ?? detail.reason ?? null;
  return typeof text === 'string' && text.length > 0 ? text : null;
}
