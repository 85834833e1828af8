// Use cases that change cases: an applicant submits (idempotently), the window registers a walk-in
// applicant, staff act at a step, the applicant supplies materials or withdraws. Each is one
// transaction with its events, tasks, clock, domain events, notices and audit record.
import { randomInt } from 'node:crypto';
import type { Actor } from '../../core/auth/actor.ts';
import { hasPermission } from '../../core/auth/actor.ts';
import { resolveDataScope } from '../../core/auth/data-scope.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { Db, DbExecutor } from '../../core/db/database.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { attachUploads, copyFilesTo, registerFileOwnerType } from '../../core/files/index.ts';
import { publishEvent } from '../../core/notify/index.ts';
import { findAccountFacts, findMainServiceHall, findUnitFacts } from '../identity/index.ts';
import type { CaseCommand } from './case-commands.schema.ts';
import { planTransition, type EngineTask } from './case-engine.ts';
import { chinaDateOf, engineStateOf } from './case-history.ts';
import { notifyApplicant } from './case-notices.ts';
import { applyTransition, clockColumns, computeCaseClock, taskTiming, unitForStep } from './case-transition.ts';
import { checkApplicationForm } from './application-form.ts';
import type { ApplicationInput, Receipt, WalkInInput } from './cases.schema.ts';
import { deleteDraft, findCaseById, findCaseBySubmissionKey, findCaseEvents, findOpenTasks, insertCase, insertCaseEvents, insertMaterials, insertTasks, nextCaseSequence, type CaseWithUnits } from './cases.repository.ts';
import { findItemById, findVersionById } from './service-items.repository.ts';
import { loadPinnedVersion } from './pinned-versions.ts';
import { readVersionBody } from './service-items.service.ts';
import type { ServiceGuide } from './service-guide.schema.ts';
import { isInScope } from './services.policy.ts';
import type { CaseEventRow, CaseRow } from './services.tables.ts';

export interface CaseDeps {
  db: Db;
  calendar: () => WorkingCalendar;
  now: () => Date;
}

/** A material as use cases take it: fresh uploads and, optionally, files of the applicant's earlier cases. */
type MaterialInput = { materialKey: string; fileIds: string[]; reuseFileIds?: string[] | undefined };

/** Staff may touch a case's files when the case is in their read scope or waiting for their unit. */
registerFileOwnerType('case', {
  async canRead(actor, caseId, db) {
    const row = await findCaseById(db, caseId);
    return row ? canSeeCase(db, actor, row) : false;
  },
  async canAttach(actor, caseId, db) {
    const row = await findCaseById(db, caseId);
    if (!row) return false;
    if (actor.kind === 'citizen' || actor.kind === 'company') return row.applicant_user_id === actor.userId && (row.status === 'submitted' || row.status === 'supplementing');
    return canSeeCase(db, actor, row);
  },
});

/** True when staff see the case through a read scope (deciding or receiving unit) or an open task of their unit; applicants see their own. */
export async function canSeeCase(db: DbExecutor, actor: Actor, row: CaseWithUnits, openTasks?: ReadonlyArray<{ unit_id: string }>): Promise<boolean> {
  if (actor.userId && row.applicant_user_id === actor.userId) return true;
  if (actor.kind !== 'staff') return false;
  if (hasPermission(actor, 'services.cases.read')) {
    const scope = resolveDataScope(actor, 'services.cases.read');
    if (isInScope(scope, { unitId: row.unit_id, unitPath: row.unit_path, ownerUserId: row.handler_user_id })) return true;
    if (isInScope(scope, { unitId: row.intake_unit_id, unitPath: row.intake_unit_path, ownerUserId: row.handler_user_id })) return true;
  }
  return (openTasks ?? (await findOpenTasks(db, row.id))).some((task) => task.unit_id === actor.unitId);
}

function checkMaterials(guide: ServiceGuide, materials: readonly MaterialInput[], requireAll: boolean): void {
  for (const material of materials) {
    if (!guide.materials.some((candidate) => candidate.key === material.materialKey)) throw new AppError('CASE_MATERIAL_UNKNOWN', { material: material.materialKey });
  }
  if (!requireAll) return;
  const given = new Set(materials.map((material) => material.materialKey));
  const missing = guide.materials.filter((material) => material.required && !given.has(material.key));
  if (missing.length > 0) throw new AppError('CASE_MATERIALS_MISSING', { missing: missing.map((material) => material.name).join('、') });
}

async function attachMaterials(tx: DbExecutor, actor: Actor, caseId: string, guide: ServiceGuide, materials: readonly MaterialInput[], round: number, now: Date): Promise<void> {
  const target = { ownerType: 'case', ownerId: caseId };
  const fileIds = materials.flatMap((material) => material.fileIds);
  if (fileIds.length > 0) {
    const attached = await attachUploads(tx, actor, fileIds, target);
    if (attached.length !== new Set(fileIds).size) throw new AppError('CASE_FILE_UNUSABLE');
  }
  const rows = [];
  for (const material of materials) {
    const name = guide.materials.find((candidate) => candidate.key === material.materialKey)?.name ?? material.materialKey;
    const base = { case_id: caseId, material_key: material.materialKey, name, licence_reference: null, round, created_at: toTimestamp(now) };
    for (const fileId of material.fileIds) rows.push({ ...base, id: newId(now.getTime()), source: 'upload' as const, file_id: fileId });
    // A material submitted for an earlier case becomes this case's own copy (same stored content).
    const reused = material.reuseFileIds ?? [];
    const copies = reused.length > 0 ? await copyFilesTo(tx, actor, reused, target, now) : [];
    for (const copy of copies) rows.push({ ...base, id: newId(now.getTime()), source: 'reuse' as const, file_id: copy.id });
  }
  await insertMaterials(tx, rows);
}

/** Readable, sortable, unique: the unit's 组织机构代码, the date and a daily sequence. */
export async function assignCaseNumber(tx: DbExecutor, unitId: string, creditCode: string | null, date: string): Promise<string> {
  const unitPart = creditCode ? creditCode.slice(8, 17) : unitId.slice(0, 8).toUpperCase();
  const day = date.replaceAll('-', '');
  const sequence = await nextCaseSequence(tx, `${unitPart}-${day}`);
  return `${unitPart}-${day}-${String(sequence).padStart(5, '0')}`;
}

interface NewCase {
  item: NonNullable<Awaited<ReturnType<typeof findItemById>>>;
  versionId: string;
  guide: ServiceGuide;
  process: ReturnType<typeof readVersionBody>['process'];
  intakeUnitId: string;
  channel: CaseRow['channel'];
  applicant: { userId: string | null; kind: string; name: string; idNumber: string; phone: string | null; email: string | null };
  form: Record<string, string>;
  materials: readonly MaterialInput[];
  submissionKey: string | null;
}

async function createCase(deps: CaseDeps, actor: Actor, input: NewCase): Promise<Receipt> {
  const now = deps.now();
  const stamp = toTimestamp(now);
  const today = chinaDateOf(now);
  const id = newId(now.getTime());
  const unit = await findUnitFacts(deps.db, input.item.unit_id);
  const queryCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const firstStep = input.process.steps[0];
  if (!firstStep) throw new AppError('CASE_STEP_UNKNOWN', { step: '-' });
  const eventType = input.channel === 'window' ? 'registered' : 'submitted';
  return deps.db.transaction().execute(async (tx) => {
    const caseNumber = await assignCaseNumber(tx, input.item.unit_id, unit?.creditCode ?? null, today);
    const row: CaseRow = {
      id, case_number: caseNumber, query_code: queryCode, item_id: input.item.id, item_version_id: input.versionId, unit_id: input.item.unit_id, intake_unit_id: input.intakeUnitId,
      channel: input.channel, applicant_user_id: input.applicant.userId, applicant_kind: input.applicant.kind, applicant_name: input.applicant.name, applicant_id_number: input.applicant.idNumber,
      applicant_phone: input.applicant.phone, applicant_email: input.applicant.email, form_data: JSON.stringify(input.form), status: 'submitted', outcome: null, current_step_key: firstStep.key,
      case_kind: input.guide.caseKind, promised_days: input.guide.promisedDays ?? 0, statutory_days: input.guide.statutoryDays, submitted_at: stamp, accepted_at: null, decided_at: null, concluded_at: null,
      case_deadline: null, step_deadline: null, time_state: 'not_started', remaining_days: null, next_check_on: null, handler_user_id: actor.kind === 'staff' ? actor.userId : null, supplement_count: 0,
      fine_amount: null, penalty_circumstance: null, version: 1, submission_key: input.submissionKey, external_system_id: null, external_case_id: null, created_at: stamp, updated_at: stamp,
      ended_on: null, ended_late: null, used_days: null,
    };
    const event: CaseEventRow = { id: newId(now.getTime()), case_id: id, seq: 1, type: eventType, step_key: firstStep.key, actor_kind: actor.kind, actor_user_id: actor.userId, actor_name: actor.name, actor_unit_id: actor.unitId, occurred_at: stamp, occurred_on: today, detail: JSON.stringify({ channel: input.channel }) };
    // The clock follows from the first event, so the case and its task are written once with it.
    const clock = computeCaseClock(deps.calendar(), row, input.process, [event], now);
    await insertCase(tx, { ...row, ...clockColumns(clock) });
    await attachMaterials(tx, actor, id, input.guide, input.materials, 0, now);
    await insertCaseEvents(tx, [event]);
    await insertTasks(tx, [{ id: newId(now.getTime()), case_id: id, step_key: firstStep.key, kind: 'step', unit_id: unitForStep(row, firstStep.handledBy), permission: firstStep.permission, status: 'open', opened_at: stamp, ...taskTiming(clock) }]);
    await publishEvent(tx, 'case.submitted', { caseId: id, caseNumber, itemId: input.item.id, unitId: input.item.unit_id, seq: 1, stepKey: firstStep.key, channel: input.channel }, { unitId: input.item.unit_id }, now);
    await notifyApplicant(tx, { caseNumber, itemName: input.guide.name, queryCode, unitId: input.item.unit_id, phone: input.applicant.phone, email: input.applicant.email }, [eventType], now);
    await recordAudit(tx, actor, { action: `services.case.${eventType}`, subjectType: 'case', subjectId: id, after: { caseNumber, itemId: input.item.id, channel: input.channel } }, now);
    return { id, caseNumber, queryCode, submittedAt: stamp, itemName: input.guide.name, version: 1 };
  });
}

async function loadApplicableItem(db: DbExecutor, itemId: string) {
  const item = await findItemById(db, itemId);
  if (!item || item.status !== 'published' || !item.published_version_id) throw new AppError('ITEM_NOT_FOUND');
  const version = await findVersionById(db, item.published_version_id);
  if (!version) throw new AppError('ITEM_NOT_FOUND');
  return { item, versionId: version.id, ...readVersionBody(version) };
}

function checkForm(guide: ServiceGuide, form: Record<string, unknown>): Record<string, string> {
  const { values, problems } = checkApplicationForm(guide.form, form);
  if (problems.length > 0) {
    throw new AppError('CASE_FORM_INVALID', { problems: problems.map((problem) => `${problem.label}${problem.message}`).join('；') }, problems.map((problem) => ({ path: `form.${problem.field}`, message: `${problem.label}：${problem.message}` })));
  }
  return values;
}

async function intakeUnitFor(db: DbExecutor, item: { unit_id: string }, process: NewCase['process']): Promise<string> {
  if (process.steps[0]?.handledBy !== 'intake') return item.unit_id;
  return (await findMainServiceHall(db))?.id ?? item.unit_id;
}

/** A citizen or company applies online; the same idempotency key returns the first receipt. */
export async function submitApplication(deps: CaseDeps, actor: Actor, input: Omit<ApplicationInput, 'materials'> & { materials: MaterialInput[] }, idempotencyKey: string | null): Promise<Receipt & { replayed: boolean }> {
  if (actor.kind !== 'citizen' && actor.kind !== 'company') throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  const userId = actor.userId as string;
  const replay = async () => {
    const existing = idempotencyKey ? await findCaseBySubmissionKey(deps.db, userId, idempotencyKey) : undefined;
    const row = existing ? await findCaseById(deps.db, existing.id) : undefined;
    return row ? { id: row.id, caseNumber: row.case_number, queryCode: row.query_code, submittedAt: row.submitted_at, itemName: row.item_name, version: row.version, replayed: true } : undefined;
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const { item, versionId, guide, process } = await loadApplicableItem(deps.db, input.itemId);
  if (!guide.onlineApplication) throw new AppError('ITEM_NOT_OPEN_FOR_APPLICATION');
  if (!guide.audiences.includes(actor.kind === 'citizen' ? 'person' : 'company')) throw new AppError('ITEM_AUDIENCE_MISMATCH');
  const form = checkForm(guide, input.form);
  checkMaterials(guide, input.materials, true);
  const account = await findAccountFacts(deps.db, userId);
  if (!account) throw new AppError('UNAUTHENTICATED');
  const applicant = { userId, kind: actor.kind === 'citizen' ? 'person' : 'company', name: account.displayName, idNumber: (actor.kind === 'citizen' ? account.residentId : account.creditCode) ?? '', phone: account.phone, email: account.email };
  try {
    const receipt = await createCase(deps, actor, { item, versionId, guide, process, intakeUnitId: await intakeUnitFor(deps.db, item, process), channel: 'online', applicant, form, materials: input.materials, submissionKey: idempotencyKey });
    if (input.draftId) await deleteDraft(deps.db, userId, input.draftId);
    return { ...receipt, replayed: false };
  } catch (error) {
    // Two identical submits racing: the unique key lets one in; the other answers with its receipt.
    const raced = await replay();
    if (raced) return raced;
    throw error;
  }
}

/** The window registers an applicant who came in person, or an enforcing unit opens a penalty case (channel recorded; the same engine follows). */
export async function registerWalkIn(deps: CaseDeps, actor: Actor, input: Omit<WalkInInput, 'materials'> & { materials: MaterialInput[] }): Promise<Receipt> {
  if (actor.kind !== 'staff' || !actor.unitId) throw new AppError('FORBIDDEN');
  const { item, versionId, guide, process } = await loadApplicableItem(deps.db, input.itemId);
  // The window registers applications; a penalty case (立案) is opened by the enforcing unit itself.
  const mayRegister = guide.itemType === '02'
    ? item.unit_id === actor.unitId && (hasPermission(actor, 'services.cases.review') || hasPermission(actor, 'services.cases.decide'))
    : hasPermission(actor, 'services.cases.register');
  if (!mayRegister) throw new AppError('FORBIDDEN');
  if (!guide.audiences.includes(input.applicant.kind)) throw new AppError('ITEM_AUDIENCE_MISMATCH');
  const form = checkForm(guide, input.form);
  checkMaterials(guide, input.materials, false);
  const applicant = { userId: null, kind: input.applicant.kind, name: input.applicant.name, idNumber: input.applicant.idNumber, phone: input.applicant.phone ?? null, email: input.applicant.email ?? null };
  const intakeUnitId = process.steps[0]?.handledBy === 'intake' ? actor.unitId : item.unit_id;
  return createCase(deps, actor, { item, versionId, guide, process, intakeUnitId, channel: 'window', applicant, form, materials: input.materials, submissionKey: null });
}

async function loadForAction(tx: DbExecutor, caseId: string, expectedVersion: number) {
  const row = await findCaseById(tx, caseId);
  if (!row) throw new AppError('CASE_NOT_FOUND');
  if (row.version !== expectedVersion) throw new AppError('CASE_CONFLICT', { current: row.version });
  const body = await loadPinnedVersion(tx, row.item_version_id);
  const [openTasks, events] = await Promise.all([findOpenTasks(tx, caseId), findCaseEvents(tx, caseId)]);
  return { row, ...body, openTasks, events };
}

/** The open task through which a staff member acts now, if any. */
function pickTask(actor: Actor, command: CaseCommand, tasks: EngineTask[], permissions: Map<string, string>, currentStep: string | null): EngineTask | null {
  const wanted = command.action === 'countersign_reply' ? 'countersign' : 'step';
  return tasks.find((task) => task.kind === wanted && (wanted === 'countersign' || task.stepKey === currentStep) && task.unitId === actor.unitId && hasPermission(actor, permissions.get(task.id) ?? '')) ?? null;
}

/** Staff act on a case at its current step; CASE_CONFLICT if the case changed since `version`. */
export async function actOnCase(deps: CaseDeps, actor: Actor, caseId: string, expectedVersion: number, command: CaseCommand): Promise<{ version: number }> {
  if (actor.kind !== 'staff') throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const loaded = await loadForAction(tx, caseId, expectedVersion);
    if (!(await canSeeCase(tx, actor, loaded.row, loaded.openTasks))) throw new AppError('CASE_NOT_FOUND');
    const state = engineStateOf(loaded.row, loaded.openTasks, loaded.events);
    const permissions = new Map(loaded.openTasks.map((task) => [task.id, task.permission]));
    const task = pickTask(actor, command, state.openTasks, permissions, loaded.row.current_step_key);
    if (command.action === 'transfer' && !(await findUnitFacts(tx, command.toUnitId))) throw new AppError('UNIT_NOT_FOUND');
    if (command.action === 'countersign') {
      for (const unitId of command.unitIds) if (!(await findUnitFacts(tx, unitId))) throw new AppError('UNIT_NOT_FOUND');
    }
    const plan = planTransition(state, loaded.process, command, { actorUserId: actor.userId, task, guide: loaded.guide });
    const version = await applyTransition({ tx, actor, calendar: deps.calendar(), now, itemName: loaded.guide.name, process: loaded.process }, loaded.row, plan, { knownEvents: loaded.events });
    return { version };
  });
}

/** The applicant answers a supplement request with the listed materials; the clock runs again. */
export async function supplyMaterials(deps: CaseDeps, actor: Actor, caseId: string, input: { version: number; materials: MaterialInput[]; note: string }): Promise<{ version: number }> {
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const loaded = await loadForAction(tx, caseId, input.version);
    if (!actor.userId || loaded.row.applicant_user_id !== actor.userId) throw new AppError('CASE_NOT_FOUND');
    const plan = planTransition(engineStateOf(loaded.row, loaded.openTasks, loaded.events), loaded.process, { action: 'supply' }, { actorUserId: actor.userId, task: null, guide: loaded.guide });
    checkMaterials(loaded.guide, input.materials, false);
    await attachMaterials(tx, actor, caseId, loaded.guide, input.materials, loaded.row.supplement_count, now);
    return { version: await applyTransition({ tx, actor, calendar: deps.calendar(), now, itemName: loaded.guide.name, process: loaded.process }, loaded.row, plan, { materialsNote: input.note, knownEvents: loaded.events }) };
  });
}

/** The applicant withdraws an application that has not ended (申请人撤回申请). */
export async function withdrawCase(deps: CaseDeps, actor: Actor, caseId: string, input: { version: number; reason: string }): Promise<{ version: number }> {
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const loaded = await loadForAction(tx, caseId, input.version);
    if (!actor.userId || loaded.row.applicant_user_id !== actor.userId) throw new AppError('CASE_NOT_FOUND');
    const plan = planTransition(engineStateOf(loaded.row, loaded.openTasks, loaded.events), loaded.process, { action: 'withdraw', reason: input.reason }, { actorUserId: actor.userId, task: null, guide: loaded.guide });
    return { version: await applyTransition({ tx, actor, calendar: deps.calendar(), now, itemName: loaded.guide.name, process: loaded.process }, loaded.row, plan, { knownEvents: loaded.events }) };
  });
}
