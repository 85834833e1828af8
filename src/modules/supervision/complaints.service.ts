// 投诉: a citizen or company complains about one of their own cases (the case's unit) or about a department or
// service hall of the county, with files. The complaint goes to the supervising office of that unit, which
// records handling notes and answers; the complainant sees the status and the answer, never the notes, and the
// unit complained about never sees the complaint. A complaint is a supervised subject of the generic engine:
// its reply deadline (a setting, 15 working days by default) runs until it is answered, so an overdue complaint
// raises findings against the office that handles it, through the same sweep as cases and tasks.
import { findCaseOfApplicant } from '../services/index.ts';
import './complaints.errors.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import { todayInChina } from '../../core/calendar/working-days.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { isInScope } from '../../core/auth/data-scope.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { attachUploads, findFilesOfOwners, registerFileOwnerType } from '../../core/files/index.ts';
import { maskPhone } from '../../core/ids/index.ts';
import { enqueueEmail, enqueueSms, sendInAppMessage } from '../../core/notify/index.ts';
import { findAccountFacts, findServedCounty, findUnitFacts, findUnitStaffHolding, listDepartmentsUnder } from '../identity/index.ts';
import { canHandleComplaint, requireComplainant } from './complaints.policy.ts';
import {
  findComplaintActions,
  findComplaintById,
  findComplaints,
  findComplaintsOfComplainant,
  findOfficeSupervising,
  insertComplaint,
  insertComplaintAction,
  updateWaitingComplaint,
  type ComplaintWithUnits,
} from './complaints.repository.ts';
import { COMPLAINT_STATUS_NAMES, type ComplaintDetail, type ComplaintView, type MyComplaintView, type SubmitComplaintInput } from './complaints.schema.ts';
import { readComplaintPolicy } from './complaints.settings.ts';
import type { ComplaintAction, ComplaintStatus, SupervisionComplaintRow } from './complaints.tables.ts';
import { findingScopeOf } from './findings.service.ts';
import { evaluateAfterEvent, loadRules, type SubjectSnapshot } from './supervision-evaluation.ts';
import { isOverseer, OVERSEE_PERMISSION } from './supervision.policy.ts';
import type { SupervisionDeps } from './supervision.deps.ts';
import { requireOverseer } from './tasks.policy.ts';
import { nextSupervisionNumber } from './tasks.repository.ts';

/** The subject type of complaints in the supervision engine (rules, subjects, findings). */
export const COMPLAINT_SUBJECT = 'complaint';
/** Files the complainant attached belong to the complaint. */
export const COMPLAINT_FILES_OWNER_TYPE = 'supervision_complaint';

registerFileOwnerType(COMPLAINT_FILES_OWNER_TYPE, {
  canRead: async (actor, complaintId, db) => {
    const complaint = await findComplaintById(db, complaintId);
    if (!complaint) return false;
    if (actor.userId !== null && actor.userId === complaint.complainant_user_id) return true;
    return isOverseer(actor) && isInScope(await findingScopeOf(db, actor), { unitId: complaint.unit_id, unitPath: complaint.unit_path });
  },
  // Attaching happens only inside submitComplaint, by the complainant.
  canAttach: async (actor, complaintId, db) => {
    const complaint = await findComplaintById(db, complaintId);
    return complaint !== undefined && actor.userId !== null && actor.userId === complaint.complainant_user_id;
  },
});

/** The complaint as the supervision engine sees it: a reply deadline of the office, running until it answers. */
function toSnapshot(complaint: Pick<SupervisionComplaintRow, 'id' | 'office_unit_id' | 'complaint_number' | 'status' | 'due_on'>): SubjectSnapshot {
  // The label names the complaint only by its number: findings are seen more widely than the complaint itself.
  return {
    type: COMPLAINT_SUBJECT, id: complaint.id, unitId: complaint.office_unit_id, scopeKey: null, label: `投诉 ${complaint.complaint_number}`,
    deadlines: complaint.status === 'replied' ? [] : [{ key: 'reply', kind: 'reply', due: complaint.due_on }],
  };
}

async function evaluateComplaint(tx: DbExecutor, deps: SupervisionDeps, complaint: Parameters<typeof toSnapshot>[0], now: Date): Promise<void> {
  await evaluateAfterEvent(tx, deps.calendar(), toSnapshot(complaint), await loadRules(tx, COMPLAINT_SUBJECT), now);
}

async function appendAction(tx: DbExecutor, actor: Actor, complaintId: string, action: ComplaintAction, note: string, now: Date): Promise<void> {
  await insertComplaintAction(tx, { id: newId(now.getTime()), complaint_id: complaintId, action, actor_user_id: actor.userId, actor_name: actor.name, actor_unit_id: actor.unitId, note, occurred_at: toTimestamp(now) });
}

function presentMine(row: ComplaintWithUnits, files: ComplaintDetail['files']): MyComplaintView {
  return {
    id: row.id, complaintNumber: row.complaint_number, caseId: row.case_id, caseNumber: row.case_number, unitName: row.unit_name, officeUnitName: row.office_unit_name,
    content: row.content, contactPhone: row.contact_phone, status: row.status, statusName: COMPLAINT_STATUS_NAMES[row.status], dueOn: row.due_on, createdAt: row.created_at,
    reply: row.reply, repliedAt: row.replied_at, files,
  };
}

/** The departments and service halls of the county a complaint may name. */
export async function listComplaintUnits(deps: SupervisionDeps, actor: Actor): Promise<Array<{ id: string; name: string; kind: string }>> {
  requireComplainant(actor);
  const county = await findServedCounty(deps.db);
  return county ? listDepartmentsUnder(deps.db, county.path) : [];
}

// The unit complained about: the case's unit for one of the complainant's cases, else a county department or hall.
async function resolveTarget(db: DbExecutor, userId: string, input: SubmitComplaintInput): Promise<{ unitId: string; unitPath: string; caseId: string | null; caseNumber: string | null }> {
  if (input.caseId !== undefined) {
    const found = await findCaseOfApplicant(db, input.caseId, userId);
    const unit = found ? await findUnitFacts(db, found.unit_id) : undefined;
    if (!found || !unit) throw new AppError('COMPLAINT_CASE_UNKNOWN');
    return { unitId: unit.id, unitPath: unit.path, caseId: found.id, caseNumber: found.case_number };
  }
  const county = await findServedCounty(db);
  const allowed = county ? await listDepartmentsUnder(db, county.path) : [];
  const unit = allowed.some((candidate) => candidate.id === input.unitId) ? await findUnitFacts(db, input.unitId!) : undefined;
  if (!unit) throw new AppError('COMPLAINT_UNIT_UNKNOWN');
  return { unitId: unit.id, unitPath: unit.path, caseId: null, caseNumber: null };
}

/** A citizen or company files a complaint; it goes to the office supervising the unit, due in the policy's working days. */
export async function submitComplaint(deps: SupervisionDeps, actor: Actor, input: SubmitComplaintInput): Promise<MyComplaintView> {
  requireComplainant(actor);
  const target = await resolveTarget(deps.db, actor.userId, input);
  const office = await findOfficeSupervising(deps.db, target.unitPath);
  if (!office) throw new AppError('COMPLAINT_NO_OFFICE');
  const now = deps.now();
  const today = todayInChina(now);
  const id = newId(now.getTime());
  const complainant = { userId: actor.userId, kind: actor.kind, name: actor.name };
  await deps.db.transaction().execute(async (tx) => {
    const stamp = toTimestamp(now);
    const { replyDays } = await readComplaintPolicy(tx);
    const complaintNumber = `TS${today.slice(0, 4)}-${String(await nextSupervisionNumber(tx, `complaint-${today.slice(0, 4)}`)).padStart(5, '0')}`;
    const row: SupervisionComplaintRow = {
      id, complaint_number: complaintNumber, complainant_user_id: complainant.userId, complainant_kind: complainant.kind, complainant_name: complainant.name, contact_phone: input.contactPhone ?? null,
      case_id: target.caseId, case_number: target.caseNumber, unit_id: target.unitId, office_unit_id: office.office_unit_id, content: input.content, status: 'submitted',
      due_on: deps.calendar().addWorkingDays(today, replyDays), reply: null, replied_at: null, replied_by: null, created_at: stamp, created_on: today, updated_at: stamp,
    };
    await insertComplaint(tx, row);
    await appendAction(tx, actor, id, 'submitted', '', now);
    if (input.fileIds.length > 0) await attachUploads(tx, actor, input.fileIds, { ownerType: COMPLAINT_FILES_OWNER_TYPE, ownerId: id });
    await recordAudit(tx, actor, { action: 'supervision.complaint.submit', subjectType: COMPLAINT_SUBJECT, subjectId: id, after: { complaintNumber, unitId: target.unitId, caseId: target.caseId, fileIds: input.fileIds } }, now);
    for (const person of await findUnitStaffHolding(tx, office.office_unit_id, OVERSEE_PERMISSION)) {
      await sendInAppMessage(tx, { userId: person.id, title: '新的投诉', body: `投诉 ${complaintNumber}，请于 ${row.due_on} 前答复`, link: `/supervision/complaints/${id}` }, now);
    }
    await evaluateComplaint(tx, deps, row, now);
  });
  return getMyComplaint(deps, actor, id);
}

/** A page of the complainant's own complaints, newest first. */
export async function listMyComplaints(deps: SupervisionDeps, actor: Actor, page: number, pageSize: number): Promise<{ items: MyComplaintView[]; total: number }> {
  requireComplainant(actor);
  const { items, total } = await findComplaintsOfComplainant(deps.db, actor.userId, page, pageSize);
  const files = await findFilesOfOwners(deps.db, COMPLAINT_FILES_OWNER_TYPE, items.map((row) => row.id));
  return { items: items.map((row) => presentMine(row, files.get(row.id) ?? [])), total };
}

/** One of the complainant's own complaints; anyone else's is not found. */
export async function getMyComplaint(deps: SupervisionDeps, actor: Actor, id: string): Promise<MyComplaintView> {
  requireComplainant(actor);
  const row = await findComplaintById(deps.db, id);
  if (!row || row.complainant_user_id !== actor.userId) throw new AppError('COMPLAINT_NOT_FOUND');
  const files = await findFilesOfOwners(deps.db, COMPLAINT_FILES_OWNER_TYPE, [id]);
  return presentMine(row, files.get(id) ?? []);
}

function present(actor: Actor, row: ComplaintWithUnits, today: string, fullPhone: boolean): ComplaintView {
  return {
    id: row.id, complaintNumber: row.complaint_number, caseId: row.case_id, caseNumber: row.case_number, unitId: row.unit_id, unitName: row.unit_name, officeUnitName: row.office_unit_name,
    complainantName: row.complainant_name, complainantKind: row.complainant_kind, contactPhone: row.contact_phone === null || fullPhone ? row.contact_phone : maskPhone(row.contact_phone),
    content: row.content, status: row.status, statusName: COMPLAINT_STATUS_NAMES[row.status], dueOn: row.due_on, overdue: row.status !== 'replied' && today > row.due_on,
    createdAt: row.created_at, repliedAt: row.replied_at, canHandle: canHandleComplaint(actor, row),
  };
}

/** A page of complaints about the units the office oversees. */
export async function listComplaints(deps: SupervisionDeps, actor: Actor, filter: { status?: ComplaintStatus | undefined; unitId?: string | undefined }, page: number, pageSize: number): Promise<{ items: ComplaintView[]; total: number }> {
  requireOverseer(actor);
  const { items, total } = await findComplaints(deps.db, await findingScopeOf(deps.db, actor), filter, page, pageSize);
  const today = todayInChina(deps.now());
  return { items: items.map((row) => present(actor, row, today, false)), total };
}

async function loadVisible(db: DbExecutor, actor: Actor, id: string): Promise<ComplaintWithUnits> {
  requireOverseer(actor);
  const scope = await findingScopeOf(db, actor);
  const row = await findComplaintById(db, id);
  if (!row || !isInScope(scope, { unitId: row.unit_id, unitPath: row.unit_path })) throw new AppError('COMPLAINT_NOT_FOUND');
  return row;
}

/** One complaint with the complainant's files and the whole handling history, for the office. */
export async function getComplaint(deps: SupervisionDeps, actor: Actor, id: string): Promise<ComplaintDetail> {
  const row = await loadVisible(deps.db, actor, id);
  const [actions, files] = await Promise.all([findComplaintActions(deps.db, id), findFilesOfOwners(deps.db, COMPLAINT_FILES_OWNER_TYPE, [id])]);
  return {
    ...present(actor, row, todayInChina(deps.now()), true),
    reply: row.reply, files: files.get(id) ?? [],
    history: actions.map((action) => ({ id: action.id, action: action.action, actorName: action.actor_name, note: action.note, occurredAt: action.occurred_at })),
  };
}

/** The office records how it is handling the complaint (internal: the complainant does not see notes). */
export async function noteComplaint(deps: SupervisionDeps, actor: Actor, id: string, note: string): Promise<ComplaintDetail> {
  const row = await loadVisible(deps.db, actor, id);
  if (!canHandleComplaint(actor, row)) throw new AppError('COMPLAINT_CLOSED');
  const now = deps.now();
  // The deadline does not move with a note, so there is nothing for the supervision engine to look at.
  await deps.db.transaction().execute(async (tx) => {
    if (!(await updateWaitingComplaint(tx, id, { status: 'handling', updated_at: toTimestamp(now) }))) throw new AppError('COMPLAINT_CLOSED');
    await appendAction(tx, actor, id, 'noted', note, now);
    await recordAudit(tx, actor, { action: 'supervision.complaint.note', subjectType: COMPLAINT_SUBJECT, subjectId: id, after: { note } }, now);
  });
  return getComplaint(deps, actor, id);
}

// In-app messages are for staff; the public is told by SMS (to the contact phone given, else the account's) and e-mail.
async function notifyComplainant(tx: DbExecutor, row: ComplaintWithUnits, now: Date): Promise<void> {
  const account = await findAccountFacts(tx, row.complainant_user_id);
  const text = `您的投诉 ${row.complaint_number} 已由${row.office_unit_name}答复，请登录查看。`;
  const phone = row.contact_phone ?? account?.phone ?? null;
  const topic = 'supervision.complaint_replied';
  if (phone) await enqueueSms(tx, { to: phone, text: `【政通】${text}`, unitId: row.office_unit_id, topic }, now);
  if (account?.email) await enqueueEmail(tx, { to: account.email, subject: `投诉 ${row.complaint_number} 已答复`, text, unitId: row.office_unit_id, topic }, now);
}

/** The office answers the complainant, which closes the complaint and ends its deadline. */
export async function replyToComplaint(deps: SupervisionDeps, actor: Actor, id: string, reply: string): Promise<ComplaintDetail> {
  const row = await loadVisible(deps.db, actor, id);
  if (!canHandleComplaint(actor, row)) throw new AppError('COMPLAINT_CLOSED');
  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    const stamp = toTimestamp(now);
    if (!(await updateWaitingComplaint(tx, id, { status: 'replied', reply, replied_at: stamp, replied_by: actor.userId, updated_at: stamp }))) throw new AppError('COMPLAINT_CHANGED');
    await appendAction(tx, actor, id, 'replied', reply, now);
    await recordAudit(tx, actor, { action: 'supervision.complaint.reply', subjectType: COMPLAINT_SUBJECT, subjectId: id, after: { reply } }, now);
    await notifyComplainant(tx, row, now);
    await evaluateComplaint(tx, deps, { ...row, status: 'replied' }, now);
  });
  return getComplaint(deps, actor, id);
}
