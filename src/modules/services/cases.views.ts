// Use cases that read cases: the staff queue and search, a case's full view (staff or applicant),
// the applicant's own list and the public lookup by case number and query code.
import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../core/auth/actor.ts';
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import { hasPermission } from '../../core/auth/actor.ts';
import { resolveDataScope } from '../../core/auth/data-scope.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { findUnitFacts } from '../identity/index.ts';
import { maskCreditCode, maskPhone, maskResidentId } from '../../core/ids/index.ts';
import { deriveCaseClock } from './case-clock.ts';
import { chinaDateOf, clockEntriesOf, engineStateOf } from './case-history.ts';
import { WARNING_DAYS } from './case-transition.ts';
import type { CaseDeps } from './cases.service.ts';
import { canSeeCase } from './cases.service.ts';
import type { CaseDetail, CaseFilterInput, CaseSummary } from './cases.schema.ts';
import { findCaseById, findCaseByNumber, findCaseEvents, findCases, findCasesOfApplicant, findMaterials, findOpenTasks, findQueue, findReusableMaterials, findTasksOfCase, type CaseWithUnits } from './cases.repository.ts';
import { loadPinnedVersion } from './pinned-versions.ts';
import type { ProcessDefinition } from './process.schema.ts';
import { CASE_EVENT_NAMES, CASE_STATUS_NAMES } from './case-labels.ts';
import { availableNotices } from './case-notices.service.ts';

type Today = { calendar: WorkingCalendar; today: string };

/** Working days left today: stored deadlines stay right between state changes, the count of days does not. */
function remainingDaysOf(row: Pick<CaseWithUnits, 'case_deadline' | 'time_state' | 'remaining_days'>, today: Today | null): number | null {
  if (!today || !row.case_deadline || !['normal', 'warning', 'overdue'].includes(row.time_state)) return row.remaining_days;
  return today.calendar.remainingWorkingDays(row.case_deadline, today.today);
}

function todayOf(deps: CaseDeps): Today {
  return { calendar: deps.calendar(), today: chinaDateOf(deps.now()) };
}

/** The list shape of a case. */
export function presentCaseSummary(row: CaseWithUnits, today: Today | null = null): CaseSummary {
  return {
    id: row.id, caseNumber: row.case_number, itemId: row.item_id, itemName: row.item_name, unitName: row.unit_name, applicantName: row.applicant_name, channel: row.channel,
    status: row.status, statusName: CASE_STATUS_NAMES[row.status], outcome: row.outcome, currentStepKey: row.current_step_key, submittedAt: row.submitted_at,
    caseDeadline: row.case_deadline, stepDeadline: row.step_deadline, timeState: row.time_state, remainingDays: remainingDaysOf(row, today), version: row.version,
  };
}

/** The staff member's work queue: open tasks of their unit they hold the permission for, most urgent first. */
export async function listQueue(deps: CaseDeps, actor: Actor, filter: { q?: string | undefined; timeState?: string | undefined }, page: number, pageSize: number) {
  if (actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  const permissions = ['services.cases.accept', 'services.cases.review', 'services.cases.decide'].filter((permission) => hasPermission(actor, permission));
  const { items, total } = await findQueue(deps.db, { unitIds: actor.unitId ? [actor.unitId] : [], permissions, ...filter }, page, pageSize);
  const today = todayOf(deps);
  return {
    items: items.map((row) => ({
      taskId: row.task_id, taskKind: row.task_kind, stepKey: row.step_key, caseId: row.id, caseNumber: row.case_number, itemName: row.item_name, applicantName: row.applicant_name, channel: row.channel,
      status: row.status, caseKind: row.case_kind, caseDeadline: row.case_deadline, stepDeadline: row.step_deadline, timeState: row.time_state, remainingDays: remainingDaysOf(row, today), waitingSince: row.opened_at, version: row.version,
    })),
    total,
  };
}

/** Comprehensive search over the cases in the actor's read scope. */
export async function searchCases(deps: CaseDeps, actor: Actor, filter: CaseFilterInput, page: number, pageSize: number): Promise<{ items: CaseSummary[]; total: number; totalCapped: boolean }> {
  const scope = resolveDataScope(actor, 'services.cases.read');
  const submittedTo = filter.submittedTo ? `${filter.submittedTo}T23:59:59.999Z` : undefined;
  // A service hall's unit scope means the cases it received; a department's, the cases it decides.
  const unit = actor.unitId ? await findUnitFacts(deps.db, actor.unitId) : undefined;
  const { items, total, totalCapped } = await findCases(deps.db, scope, unit?.kind === 'service_hall' ? 'intake' : 'unit', { ...filter, submittedTo }, page, pageSize);
  const today = todayOf(deps);
  return { items: items.map((row) => presentCaseSummary(row, today)), total, totalCapped };
}

/** The applicant's own cases. */
export async function listMyCases(deps: CaseDeps, actor: Actor, page: number, pageSize: number): Promise<{ items: CaseSummary[]; total: number }> {
  if (!actor.userId || (actor.kind !== 'citizen' && actor.kind !== 'company')) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  const { items, total } = await findCasesOfApplicant(deps.db, actor.userId, page, pageSize);
  const today = todayOf(deps);
  return { items: items.map((row) => presentCaseSummary(row, today)), total };
}

async function buildDetail(deps: CaseDeps, row: CaseWithUnits, viewer: Actor | null, language: 'zh' | 'en'): Promise<CaseDetail> {
  const { guide, process } = await loadPinnedVersion(deps.db, row.item_version_id);
  const [events, tasks, openTasks, materials] = await Promise.all([findCaseEvents(deps.db, row.id), findTasksOfCase(deps.db, row.id), findOpenTasks(deps.db, row.id), findMaterials(deps.db, row.id)]);
  const clock = deriveCaseClock(deps.calendar(), { promisedDays: row.promised_days, statutoryDays: row.statutory_days, entries: clockEntriesOf(events, process, language), today: chinaDateOf(deps.now()), warningDays: WARNING_DAYS, language });
  const form = JSON.parse(row.form_data) as Record<string, string>;
  const stepIndex = process.steps.findIndex((step) => step.key === row.current_step_key);
  const ended = row.status === 'concluded' || row.status === 'refused' || row.status === 'withdrawn';
  const isApplicant = viewer !== null && viewer.userId !== null && viewer.userId === row.applicant_user_id;
  const isStaff = viewer?.kind === 'staff';
  const lastSupplement = [...events].reverse().find((event) => event.type === 'supplement_requested');
  const stepName = (key: string | null) => process.steps.find((step) => step.key === key)?.name ?? null;
  const maskId = row.applicant_kind === 'company' ? maskCreditCode : maskResidentId;
  return {
    ...presentCaseSummary(row),
    remainingDays: clock.remainingDays,
    timeState: clock.timeState,
    intakeUnitName: row.intake_unit_name,
    caseKind: row.case_kind,
    promisedDays: row.promised_days,
    statutoryDays: row.statutory_days,
    applicant: { kind: row.applicant_kind, name: row.applicant_name, idNumber: row.applicant_id_number ? maskId(row.applicant_id_number) : '', phone: row.applicant_phone ? maskPhone(row.applicant_phone) : null },
    form: guide.form.map((field) => ({ key: field.key, label: field.label, value: form[field.key] ?? '' })),
    materials: materials.map((material) => ({ id: material.id, materialKey: material.material_key, name: material.name, source: material.source, fileId: material.file_id, fileName: material.file_name ?? null, fileSize: material.file_size === null || material.file_size === undefined ? null : Number(material.file_size), round: material.round, createdAt: material.created_at })),
    steps: process.steps.map((step, index) => ({ key: step.key, name: step.name, limitDays: step.limitDays, state: ended || index < stepIndex ? 'done' : index === stepIndex ? 'current' : 'pending' })),
    timeline: events.map((event) => ({ seq: event.seq, type: event.type, typeName: CASE_EVENT_NAMES[event.type]?.[language] ?? event.type, stepKey: event.step_key, stepName: stepName(event.step_key), actorName: isStaff || event.actor_kind !== 'staff' ? event.actor_name : '工作人员', occurredAt: event.occurred_at, detail: event.detail ? (JSON.parse(event.detail) as Record<string, unknown>) : {} })),
    tasks: isStaff ? tasks.map((task) => ({ id: task.id, stepKey: task.step_key, kind: task.kind, unitName: task.unit_name, status: task.status, openedAt: task.opened_at, closedAt: task.closed_at, opinion: task.opinion })) : [],
    clock: { timeState: clock.timeState, startedOn: clock.startedOn, caseDeadline: clock.caseDeadline, statutoryDeadline: clock.statutoryDeadline, stepDeadline: clock.stepDeadline, remainingDays: clock.remainingDays, stepRemainingDays: clock.stepRemainingDays, stepOverdue: clock.stepOverdue, pauses: clock.pauses, explanation: clock.explanation },
    supplementRequest: lastSupplement?.detail ? ((JSON.parse(lastSupplement.detail) as { items?: CaseDetail['supplementRequest'] }).items ?? null) : null,
    allowedActions: viewer ? allowedActionsFor(viewer, row, process, openTasks, events, isApplicant) : [],
    notices: availableNotices(events),
    queryCode: isApplicant ? row.query_code : null,
    pinnedItem: isStaff ? { materials: guide.materials, charged: guide.charged, fees: guide.fees, discretion: guide.discretion, specialProcedures: process.specialProcedures } : null,
  };
}

function allowedActionsFor(viewer: Actor, row: CaseWithUnits, process: ProcessDefinition, openTasks: Awaited<ReturnType<typeof findOpenTasks>>, events: Awaited<ReturnType<typeof findCaseEvents>>, isApplicant: boolean): string[] {
  const ended = row.status === 'concluded' || row.status === 'refused' || row.status === 'withdrawn';
  if (ended) return [];
  if (isApplicant) return row.status === 'supplementing' ? ['supply', 'withdraw'] : ['withdraw'];
  if (viewer.kind !== 'staff') return [];
  const actions: string[] = [];
  const state = engineStateOf(row, openTasks, events);
  const mine = openTasks.filter((task) => task.unit_id === viewer.unitId && hasPermission(viewer, task.permission));
  const stepTask = mine.find((task) => task.kind === 'step' && task.step_key === row.current_step_key);
  if (stepTask) {
    if (row.status === 'suspended') actions.push('resume');
    if (row.status === 'submitted' || row.status === 'in_progress') actions.push(...(process.steps.find((step) => step.key === row.current_step_key)?.actions ?? []));
    actions.push('note');
  }
  if (mine.some((task) => task.kind === 'countersign') && row.status === 'in_progress') actions.push('countersign_reply');
  if (state.lastHandOver && state.lastHandOver.byUserId === viewer.userId && row.status === 'in_progress' && !openTasks.some((task) => task.touched_at !== null && task.step_key === row.current_step_key)) actions.push('recall');
  return [...new Set(actions)];
}

/** A case as staff see it (404 outside their scope and queue). */
export async function getCaseForStaff(deps: CaseDeps, actor: Actor, caseId: string, language: 'zh' | 'en' = 'zh'): Promise<CaseDetail> {
  if (actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  const row = await findCaseById(deps.db, caseId);
  if (!row || !(await canSeeCase(deps.db, actor, row))) throw new AppError('CASE_NOT_FOUND');
  return buildDetail(deps, row, actor, language);
}

/** A case as its applicant sees it (404 for anyone else's). */
export async function getCaseForApplicant(deps: CaseDeps, actor: Actor, caseId: string, language: 'zh' | 'en' = 'zh'): Promise<CaseDetail> {
  const row = await findCaseById(deps.db, caseId);
  if (!row || !actor.userId || row.applicant_user_id !== actor.userId) throw new AppError('CASE_NOT_FOUND');
  return buildDetail(deps, row, actor, language);
}

/** Public progress lookup by case number and query code: steps, dates and deadlines, no personal data. */
export async function lookupCase(deps: CaseDeps, caseNumber: string, queryCode: string, language: 'zh' | 'en' = 'zh') {
  const row = await findCaseByNumber(deps.db, caseNumber.toUpperCase());
  const expected = Buffer.from(row?.query_code ?? '000000');
  const given = Buffer.from(queryCode.padEnd(expected.length).slice(0, expected.length));
  if (!row || !timingSafeEqual(expected, given) || queryCode.length !== expected.length) throw new AppError('CASE_LOOKUP_FAILED');
  const detail = await buildDetail(deps, row, null, language);
  return {
    caseNumber: detail.caseNumber, itemName: detail.itemName, unitName: detail.unitName, status: detail.status, statusName: detail.statusName, outcome: detail.outcome,
    submittedAt: detail.submittedAt, steps: detail.steps, clock: detail.clock,
    timeline: detail.timeline.map((entry) => ({ seq: entry.seq, typeName: entry.typeName, stepName: entry.stepName, occurredAt: entry.occurredAt })),
  };
}

/** The applicant's files from earlier cases that a new application can reuse. */
export async function listReusableMaterials(deps: CaseDeps, actor: Actor) {
  if (!actor.userId || (actor.kind !== 'citizen' && actor.kind !== 'company')) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  const rows = await findReusableMaterials(deps.db, actor.userId, 200);
  return rows.map((row) => ({ fileId: row.file_id as string, materialKey: row.material_key, name: row.name, fileName: row.file_name ?? null, caseNumber: row.case_number, itemName: row.item_name, submittedAt: row.created_at }));
}
