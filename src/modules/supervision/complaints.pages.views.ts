// What the complaint pages show a complainant, in the page's language: the text tables, status names, file
// sizes, the list rows and one complaint with the part of its history the complainant may see. The office's
// handling notes, and who in the office acted, never leave here: a note shows only as the moment handling began.
import type { Actor } from '../../core/auth/actor.ts';
import { formatMessage } from '../../core/i18n/format-message.ts';
import { formatDate, formatDateTime } from '../services/index.ts';
import type { Language } from '../portal/index.ts';
import { en } from './complaints.pages.messages.en.ts';
import { zh, type ComplaintPageMessages } from './complaints.pages.messages.zh.ts';
import { findComplaintActions } from './complaints.repository.ts';
import type { MyComplaintView } from './complaints.schema.ts';
import { getMyComplaint } from './complaints.service.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

export type { ComplaintPageMessages };

const TABLES: Record<Language, ComplaintPageMessages> = { zh, en };

/** The complaint pages' text in the given language. */
export function complaintPageMessages(language: Language): ComplaintPageMessages {
  return TABLES[language];
}

/** A complaint status (submitted / handling / replied) named in a language; the code when unknown. */
export function complaintStatusName(status: string, language: Language): string {
  return (TABLES[language].statuses as Record<string, string>)[status] ?? status;
}

/** 820 KB, 1.4 MB: a file's size for people. */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Whom a complaint is about: the case (its number) or the unit. */
function targetOf(complaint: MyComplaintView, t: ComplaintPageMessages) {
  return { caseId: complaint.caseId ?? '', caseLabel: complaint.caseNumber ? formatMessage(t.common.caseTarget, { number: complaint.caseNumber }) : '', unitName: complaint.unitName };
}

/** One row of 我的投诉. */
export function complaintRowView(complaint: MyComplaintView, language: Language) {
  const t = TABLES[language];
  return {
    id: complaint.id,
    url: `/services/complaints/${complaint.id}`,
    complaintNumber: complaint.complaintNumber,
    ...targetOf(complaint, t),
    status: complaint.status,
    statusName: complaintStatusName(complaint.status, language),
    submittedAt: formatDateTime(complaint.createdAt),
    answer: complaint.repliedAt ? formatMessage(t.list.repliedAt, { time: formatDateTime(complaint.repliedAt) }) : formatMessage(t.list.dueBy, { date: formatDate(complaint.dueOn, language) }),
  };
}

export interface CitizenHistoryEntry {
  kind: 'submitted' | 'handling' | 'replied';
  occurredAt: string;
}

/**
 * One of the complainant's own complaints (COMPLAINT_NOT_FOUND for anyone else's) with what the complainant may
 * see of its handling: when it was filed, when the office began handling it (its first note, without the note),
 * and when it answered.
 */
export async function getMyComplaintWithHistory(deps: SupervisionDeps, actor: Actor, id: string): Promise<{ complaint: MyComplaintView; history: CitizenHistoryEntry[] }> {
  const complaint = await getMyComplaint(deps, actor, id);
  const history: CitizenHistoryEntry[] = [];
  for (const action of await findComplaintActions(deps.db, id)) {
    if (action.action === 'submitted') history.push({ kind: 'submitted', occurredAt: action.occurred_at });
    else if (action.action === 'replied') history.push({ kind: 'replied', occurredAt: action.occurred_at });
    else if (!history.some((entry) => entry.kind === 'handling')) history.push({ kind: 'handling', occurredAt: action.occurred_at });
  }
  return { complaint, history };
}

/** One complaint as its page shows it. */
export function complaintDetailView(complaint: MyComplaintView, history: CitizenHistoryEntry[], language: Language) {
  const t = TABLES[language];
  const due = formatDate(complaint.dueOn, language);
  return {
    id: complaint.id,
    complaintNumber: complaint.complaintNumber,
    ...targetOf(complaint, t),
    caseUrl: complaint.caseId ? `/services/my/${complaint.caseId}` : '',
    officeUnitName: complaint.officeUnitName,
    status: complaint.status,
    statusName: complaintStatusName(complaint.status, language),
    submittedAt: formatDateTime(complaint.createdAt),
    due: formatMessage(t.detail.dueValue, { date: due }),
    contactPhone: complaint.contactPhone ?? '',
    content: complaint.content,
    files: complaint.files.map((file) => ({ name: file.originalName, url: `/api/files/${file.id}/content`, size: formatMessage(t.detail.fileSize, { size: fileSizeText(file.size) }) })),
    history: history.map((entry) => ({ iso: entry.occurredAt, time: formatDateTime(entry.occurredAt), event: t.detail.events[entry.kind] })),
    reply: complaint.reply ?? '',
    repliedBy: complaint.repliedAt ? formatMessage(t.detail.repliedBy, { office: complaint.officeUnitName, time: formatDateTime(complaint.repliedAt) }) : '',
    waiting: complaint.status === 'replied' ? '' : formatMessage(t.detail.waiting, { date: due }),
  };
}

