// What the provincial supervision platform is told of a case (数据上报): identity, item, unit, dates and state.
// No personal data: the applicant appears only as a kind (person or company).
import type { DbExecutor } from '../../core/db/database.ts';
import { findCaseReportFacts } from './cases.repository.ts';

export interface CaseReport {
  caseId: string;
  caseNumber: string;
  itemCode: string;
  itemName: string;
  unitName: string;
  unitCreditCode: string | null;
  channel: string;
  applicantKind: string;
  status: string;
  outcome: string | null;
  submittedAt: string;
  acceptedAt: string | null;
  decidedAt: string | null;
  concludedAt: string | null;
  promisedDays: number;
  statutoryDays: number | null;
  caseDeadline: string | null;
  timeState: string;
}

/** The report of one case as it stands, or undefined when there is no such case. */
export async function describeCaseForReport(db: DbExecutor, caseId: string): Promise<CaseReport | undefined> {
  const row = await findCaseReportFacts(db, caseId);
  if (!row) return undefined;
  return {
    caseId: row.id, caseNumber: row.case_number, itemCode: row.implementation_code, itemName: row.item_name, unitName: row.unit_name, unitCreditCode: row.unit_credit_code, channel: row.channel,
    applicantKind: row.applicant_kind, status: row.status, outcome: row.outcome, submittedAt: row.submitted_at, acceptedAt: row.accepted_at, decidedAt: row.decided_at, concludedAt: row.concluded_at,
    promisedDays: row.promised_days, statutoryDays: row.statutory_days, caseDeadline: row.case_deadline, timeState: row.time_state,
  };
}
