// The case state machine, pure: given a case, its pinned process and a command, it plans the
// transition (new status and step, events to append, tasks to open and close) or refuses with a
// typed error. The service runs the plan in one transaction; nothing here touches the database.
import { AppError } from '../../core/errors/app-error.ts';
import type { CaseCommand } from './case-commands.schema.ts';
import type { ProcessDefinition, ProcessStep } from './process.schema.ts';
import type { ServiceGuide } from './service-guide.schema.ts';
import type { CaseOutcome, CaseStatus } from './services.tables.ts';

export interface EngineTask {
  id: string;
  stepKey: string;
  kind: 'step' | 'countersign';
  unitId: string;
  touched: boolean;
}

export interface EngineCase {
  status: CaseStatus;
  currentStepKey: string | null;
  supplementCount: number;
  /** Open tasks only. */
  openTasks: EngineTask[];
  /** The latest 转下一步 hand-over when nothing has happened since, for 撤回 (acceptances and decisions are not recalled). */
  lastHandOver: { byUserId: string | null; fromStepKey: string; toStepKey: string } | null;
  /** Where a supplementing case returns when the applicant supplies. */
  statusBeforePause: 'submitted' | 'in_progress' | null;
}

export interface PlannedEvent {
  type: string;
  stepKey: string | null;
  detail: Record<string, unknown>;
}

export interface TransitionPlan {
  status: CaseStatus;
  stepKey: string | null;
  outcome: CaseOutcome | null;
  events: PlannedEvent[];
  /** Open tasks this command completes (with the actor's opinion) or cancels. */
  closeTaskIds: string[];
  cancelTaskIds: string[];
  touchTaskIds: string[];
  openTasks: Array<{ stepKey: string; kind: 'step' | 'countersign'; handledBy: ProcessStep['handledBy'] }>;
  retarget: { taskId: string; unitId: string; handledBy: 'intake' | 'owner' | 'other' } | null;
  accepted: boolean;
  decided: boolean;
  concluded: boolean;
  supplementRequested: boolean;
  fine: { amount: number; circumstance: string } | null;
}

const TERMINAL: readonly CaseStatus[] = ['concluded', 'refused', 'withdrawn'];

function notAllowed(command: CaseCommand, status: CaseStatus): AppError {
  return new AppError('CASE_ACTION_NOT_ALLOWED', { action: command.action, status });
}

function emptyPlan(state: EngineCase): TransitionPlan {
  return {
    status: state.status, stepKey: state.currentStepKey, outcome: null, events: [], closeTaskIds: [], cancelTaskIds: [], touchTaskIds: [], openTasks: [],
    retarget: null, accepted: false, decided: false, concluded: false, supplementRequested: false, fine: null,
  };
}

function stepAt(process: ProcessDefinition, key: string | null): { step: ProcessStep; index: number } {
  const index = process.steps.findIndex((step) => step.key === key);
  const step = process.steps[index];
  if (!step) throw new AppError('CASE_STEP_UNKNOWN', { step: String(key) });
  return { step, index };
}

/** Moves the plan to the step after `index`, or concludes the case when there is none. */
function advance(plan: TransitionPlan, process: ProcessDefinition, index: number): void {
  const next = process.steps[index + 1];
  if (next) {
    plan.status = 'in_progress';
    plan.stepKey = next.key;
    plan.openTasks.push({ stepKey: next.key, kind: 'step', handledBy: next.handledBy });
  } else {
    plan.status = 'concluded';
    plan.stepKey = null;
    plan.concluded = true;
    plan.events.push({ type: 'concluded', stepKey: null, detail: {} });
  }
}

export interface PlanContext {
  actorUserId: string | null;
  /** The open task the actor acts through (chosen by the service from the actor's unit and permissions). */
  task: EngineTask | null;
  guide: ServiceGuide;
}

/** Plans one command on a case; throws an AppError when the command is not possible now. */
export function planTransition(state: EngineCase, process: ProcessDefinition, command: CaseCommand, context: PlanContext): TransitionPlan {
  if (TERMINAL.includes(state.status)) throw new AppError('CASE_CLOSED', { status: state.status });
  const plan = emptyPlan(state);

  if (command.action === 'withdraw') {
    plan.status = 'withdrawn';
    plan.stepKey = null;
    plan.outcome = 'withdrawn';
    plan.cancelTaskIds = state.openTasks.map((task) => task.id);
    plan.events.push({ type: 'withdrawn', stepKey: state.currentStepKey, detail: { reason: command.reason } });
    return plan;
  }
  if (command.action === 'supply') {
    if (state.status !== 'supplementing' || !state.statusBeforePause) throw notAllowed(command, state.status);
    plan.status = state.statusBeforePause;
    plan.events.push({ type: 'supplemented', stepKey: state.currentStepKey, detail: {} });
    return plan;
  }
  if (command.action === 'resume') {
    if (state.status !== 'suspended') throw notAllowed(command, state.status);
    plan.status = 'in_progress';
    plan.events.push({ type: 'resumed', stepKey: state.currentStepKey, detail: { result: command.result } });
    return plan;
  }
  if (command.action === 'recall') return planRecall(state, process, command.reason, context, plan);

  const task = context.task;
  if (!task) throw new AppError('CASE_NOT_YOUR_TASK');
  if (command.action === 'note') {
    plan.touchTaskIds.push(task.id);
    plan.events.push({ type: 'noted', stepKey: task.stepKey, detail: { text: command.text } });
    return plan;
  }
  if (command.action === 'countersign_reply') {
    if (task.kind !== 'countersign' || state.status !== 'in_progress') throw notAllowed(command, state.status);
    plan.closeTaskIds.push(task.id);
    plan.events.push({ type: 'countersigned', stepKey: task.stepKey, detail: { agree: command.agree, opinion: command.opinion, unitId: task.unitId } });
    return plan;
  }
  if (task.kind !== 'step') throw new AppError('CASE_NOT_YOUR_TASK');
  if (state.status !== 'submitted' && state.status !== 'in_progress') throw notAllowed(command, state.status);
  const { step, index } = stepAt(process, state.currentStepKey);
  if (!(step.actions as readonly string[]).includes(command.action)) throw new AppError('CASE_ACTION_NOT_AT_STEP', { action: command.action, step: step.name });
  const pendingCountersigns = state.openTasks.filter((open) => open.kind === 'countersign');
  const handOver = () => {
    if (pendingCountersigns.length > 0) throw new AppError('CASE_COUNTERSIGN_PENDING', { count: pendingCountersigns.length });
    plan.closeTaskIds.push(task.id);
  };

  switch (command.action) {
    case 'accept':
      handOver();
      plan.accepted = true;
      plan.events.push({ type: 'accepted', stepKey: step.key, detail: { opinion: command.opinion } });
      advance(plan, process, index);
      return plan;
    case 'refuse':
      handOver();
      plan.status = 'refused';
      plan.stepKey = null;
      plan.outcome = 'refused';
      plan.events.push({ type: 'refused', stepKey: step.key, detail: { reason: command.reason, legalBasis: command.legalBasis } });
      return plan;
    case 'request_supplement':
      if (state.supplementCount > 0) throw new AppError('CASE_SUPPLEMENT_ONCE');
      plan.status = 'supplementing';
      plan.supplementRequested = true;
      plan.touchTaskIds.push(task.id);
      plan.events.push({ type: 'supplement_requested', stepKey: step.key, detail: { items: command.items, note: command.note } });
      return plan;
    case 'forward':
      handOver();
      plan.events.push({ type: 'forwarded', stepKey: step.key, detail: { opinion: command.opinion, toStepKey: process.steps[index + 1]?.key ?? null } });
      advance(plan, process, index);
      return plan;
    case 'send_back': {
      const target = process.steps.findIndex((candidate) => candidate.key === command.toStepKey);
      const targetStep = process.steps[target];
      if (!targetStep || target >= index || targetStep.kind === 'accept') throw new AppError('CASE_SEND_BACK_TARGET', { step: command.toStepKey });
      plan.cancelTaskIds = state.openTasks.map((open) => open.id);
      plan.stepKey = targetStep.key;
      plan.openTasks.push({ stepKey: targetStep.key, kind: 'step', handledBy: targetStep.handledBy });
      plan.events.push({ type: 'sent_back', stepKey: step.key, detail: { toStepKey: targetStep.key, reason: command.reason } });
      return plan;
    }
    case 'transfer':
      if (command.toUnitId === task.unitId) throw new AppError('CASE_TRANSFER_SAME_UNIT');
      plan.retarget = { taskId: task.id, unitId: command.toUnitId, handledBy: typeof step.handledBy === 'string' ? step.handledBy : 'other' };
      plan.events.push({ type: 'transferred', stepKey: step.key, detail: { fromUnitId: task.unitId, toUnitId: command.toUnitId, reason: command.reason } });
      return plan;
    case 'countersign': {
      const units = [...new Set(command.unitIds)];
      if (units.includes(task.unitId)) throw new AppError('CASE_COUNTERSIGN_OWN_UNIT');
      if (pendingCountersigns.length > 0) throw new AppError('CASE_COUNTERSIGN_PENDING', { count: pendingCountersigns.length });
      plan.touchTaskIds.push(task.id);
      for (const unitId of units) plan.openTasks.push({ stepKey: step.key, kind: 'countersign', handledBy: { unitId } });
      plan.events.push({ type: 'countersign_requested', stepKey: step.key, detail: { unitIds: units, question: command.question } });
      return plan;
    }
    case 'suspend': {
      const allowed = process.specialProcedures.find((procedure) => procedure.kind === command.procedure);
      if (!allowed) throw new AppError('CASE_PROCEDURE_NOT_ALLOWED', { procedure: command.procedure });
      if (command.plannedDays > allowed.maxDays) throw new AppError('CASE_PROCEDURE_TOO_LONG', { maxDays: allowed.maxDays });
      plan.status = 'suspended';
      plan.touchTaskIds.push(task.id);
      plan.events.push({ type: 'suspended', stepKey: step.key, detail: { procedure: command.procedure, reason: command.reason, plannedDays: command.plannedDays, maxDays: allowed.maxDays } });
      return plan;
    }
    case 'approve':
    case 'deny':
    case 'penalize':
    case 'no_penalty': {
      handOver();
      const outcome = ({ approve: 'approved', deny: 'denied', penalize: 'penalized', no_penalty: 'no_penalty' } as const)[command.action];
      const detail: Record<string, unknown> = { outcome };
      if (command.action === 'approve') detail.opinion = command.opinion;
      if (command.action === 'deny' || command.action === 'no_penalty') Object.assign(detail, { reason: command.reason, legalBasis: command.legalBasis });
      if (command.action === 'penalize') {
        plan.fine = checkFine(context.guide, command.circumstance, command.amount);
        Object.assign(detail, { amount: command.amount, circumstance: command.circumstance, opinion: command.opinion, legalBasis: command.legalBasis });
      }
      plan.outcome = outcome;
      plan.decided = true;
      plan.events.push({ type: 'decided', stepKey: step.key, detail });
      advance(plan, process, index);
      return plan;
    }
    case 'conclude':
      handOver();
      plan.status = 'concluded';
      plan.stepKey = null;
      plan.concluded = true;
      plan.events.push({ type: 'concluded', stepKey: step.key, detail: command.fees.length > 0 ? { opinion: command.opinion, fees: command.fees } : { opinion: command.opinion } });
      return plan;
  }
}

function planRecall(state: EngineCase, process: ProcessDefinition, reason: string, context: PlanContext, plan: TransitionPlan): TransitionPlan {
  const last = state.lastHandOver;
  if (state.status !== 'in_progress' || !last || last.byUserId === null || last.byUserId !== context.actorUserId || last.toStepKey !== state.currentStepKey) {
    throw new AppError('CASE_RECALL_NOT_POSSIBLE');
  }
  const waiting = state.openTasks.filter((task) => task.stepKey === state.currentStepKey);
  if (waiting.some((task) => task.touched)) throw new AppError('CASE_RECALL_NOT_POSSIBLE');
  plan.cancelTaskIds = waiting.map((task) => task.id);
  const { step } = stepAt(process, last.fromStepKey);
  plan.stepKey = step.key;
  plan.openTasks.push({ stepKey: step.key, kind: 'step', handledBy: step.handledBy });
  plan.events.push({ type: 'recalled', stepKey: last.toStepKey, detail: { toStepKey: last.fromStepKey, reason } });
  return plan;
}

/** The fine must use a circumstance of the item's discretion standard and lie within its range. */
function checkFine(guide: ServiceGuide, circumstanceCode: string, amount: number): { amount: number; circumstance: string } {
  const circumstance = guide.discretion.flatMap((standard) => standard.circumstances).find((candidate) => candidate.code === circumstanceCode);
  if (!circumstance) throw new AppError('CASE_CIRCUMSTANCE_UNKNOWN', { circumstance: circumstanceCode });
  if (amount < circumstance.fineMin || amount > circumstance.fineMax) throw new AppError('CASE_FINE_OUT_OF_RANGE', { min: circumstance.fineMin, max: circumstance.fineMax });
  return { amount, circumstance: circumstance.code };
}
