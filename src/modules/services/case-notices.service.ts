// The official notices of a case as PDFs (受理通知书, 不予受理通知书, 补正材料通知书, 准予/不予许可决定书,
// 行政处罚决定书), made from the case's history: a notice exists once the event it records happened.
import type { Actor } from '../../core/auth/actor.ts';
import { recordAuditAlone } from '../../core/audit/audit.service.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { maskCreditCode, maskResidentId } from '../../core/ids/index.ts';
import { chinaDateOf } from './case-history.ts';
import { canSeeCase } from './cases.service.ts';
import { findCaseById, findCaseEvents } from './cases.repository.ts';
import { loadPinnedVersion } from './pinned-versions.ts';
import type { ServiceGuide } from './service-guide.schema.ts';
import { renderCaseNotice, type NoticeData, type NoticeKind } from './notices/case-notice.ts';
import type { ServicesDeps } from './services.deps.ts';
import type { CaseEventRow } from './services.tables.ts';

export const NOTICE_KINDS = ['acceptance', 'refusal', 'supplement', 'approval', 'denial', 'penalty'] as const satisfies readonly NoticeKind[];

// The 文号 word of each notice; the number is the case number, unique and traceable.
const DOCUMENT_WORDS: Record<NoticeKind, string> = { acceptance: '受字', refusal: '不受字', supplement: '补字', approval: '准字', denial: '不准字', penalty: '罚字' };

/** The event a notice records, or undefined when the case has no such notice. */
function eventFor(kind: NoticeKind, events: readonly CaseEventRow[]): CaseEventRow | undefined {
  const outcomeOf = (event: CaseEventRow) => (event.detail ? (JSON.parse(event.detail) as { outcome?: string }).outcome : undefined);
  const last = (predicate: (event: CaseEventRow) => boolean) => [...events].reverse().find(predicate);
  switch (kind) {
    case 'acceptance': return last((event) => event.type === 'accepted');
    case 'refusal': return last((event) => event.type === 'refused');
    case 'supplement': return last((event) => event.type === 'supplement_requested');
    case 'approval': return last((event) => event.type === 'decided' && outcomeOf(event) === 'approved');
    case 'denial': return last((event) => event.type === 'decided' && outcomeOf(event) === 'denied');
    case 'penalty': return last((event) => event.type === 'decided' && (outcomeOf(event) === 'penalized' || outcomeOf(event) === 'no_penalty'));
  }
}

/** The notices a case has so far. */
export function availableNotices(events: readonly CaseEventRow[]): NoticeKind[] {
  return NOTICE_KINDS.filter((kind) => eventFor(kind, events) !== undefined);
}

/** A penalty decision records the circumstance's code; the decision document names it as the case's standard did. */
function circumstanceName(guide: ServiceGuide, code: string): string {
  for (const violation of guide.discretion) {
    const circumstance = violation.circumstances.find((candidate) => candidate.code === code);
    if (circumstance) return circumstance.name;
  }
  return code;
}

/** Renders one notice of a case the actor may see (staff in scope, or the applicant); audited as a download. */
export async function renderNoticeOfCase(deps: ServicesDeps, actor: Actor, caseId: string, kind: NoticeKind): Promise<{ pdf: Buffer; fileName: string }> {
  const row = await findCaseById(deps.db, caseId);
  if (!row || !(await canSeeCase(deps.db, actor, row))) throw new AppError('CASE_NOT_FOUND');
  const events = await findCaseEvents(deps.db, caseId);
  const event = eventFor(kind, events);
  if (!event) throw new AppError('NOTICE_NOT_AVAILABLE');
  const detail = event.detail ? (JSON.parse(event.detail) as Record<string, unknown>) : {};
  const text = (key: string) => (typeof detail[key] === 'string' && detail[key] !== '' ? (detail[key] as string) : null);
  const isApplicant = actor.userId !== null && actor.userId === row.applicant_user_id;
  const data: NoticeData = {
    kind,
    unitName: row.unit_name,
    documentNumber: `${DOCUMENT_WORDS[kind]}〔${event.occurred_on.slice(0, 4)}〕${row.case_number}号`,
    caseNumber: row.case_number,
    queryCode: isApplicant ? row.query_code : null,
    itemName: row.item_name,
    applicantName: row.applicant_name,
    applicantIdNumber: row.applicant_id_number ? (row.applicant_kind === 'company' ? maskCreditCode : maskResidentId)(row.applicant_id_number) : '',
    submittedOn: chinaDateOf(new Date(row.submitted_at)),
    issuedOn: event.occurred_on,
    promisedDays: row.promised_days,
    caseDeadline: row.case_deadline,
    reason: text('reason') ?? text('opinion'),
    legalBasis: text('legalBasis'),
    supplementItems: Array.isArray(detail.items) ? (detail.items as Array<{ name: string; requirement: string }>) : [],
    opinion: text('opinion'),
    fine: typeof detail.amount === 'number' ? { amount: detail.amount, circumstance: circumstanceName((await loadPinnedVersion(deps.db, row.item_version_id)).guide, String(detail.circumstance ?? '')) } : null,
  };
  const pdf = await renderCaseNotice(data);
  await recordAuditAlone(deps.db, actor, { action: 'services.case.notice', subjectType: 'case', subjectId: caseId, detail: kind });
  return { pdf, fileName: `${row.case_number}-${kind}.pdf` };
}
