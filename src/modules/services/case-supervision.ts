// What electronic supervision sees of a case: its running deadlines described as a supervised subject (the
// supervision module owns the rules and findings; the service hall only says what a case's deadlines are).
//   - 'case': the promised deadline (承诺时限) of the whole case, while the case clock runs;
//   - 'step': the current step's deadline. Its key carries the step and the day its task opened, so the same
//     step entered again later (sent back, transferred) is a new deadline with findings of its own.
// A paused deadline is present with due = null (it is still running, only stopped for now); once the case
// has ended it has no deadlines, so supervision marks the timeliness findings it raised as resolved.
import type { DbExecutor } from '../../core/db/database.ts';
import { chinaDateOf } from './case-history.ts';
import { findCaseSupervisionFactsOf, findCaseSupervisionStampsBetween, findRunningCaseSupervisionFacts, type CaseSupervisionFactsRow } from './case-supervision.repository.ts';
import type { CaseStatus } from './services.tables.ts';

export interface CaseDeadline {
  key: string;
  kind: 'case' | 'step';
  due: string | null;
}

export interface CaseUnderSupervision {
  id: string;
  caseNumber: string;
  itemId: string;
  unitId: string;
  status: CaseStatus;
  ended: boolean;
  deadlines: CaseDeadline[];
  /** What the record checks need of the case row itself (describeCaseWithRecordForSupervision). */
  itemVersionId: string;
  channel: string;
  enteredAt: string;
  submittedAt: string;
  /** Changes whenever the case's deadlines may have changed: a description with the same stamp is still current. */
  stamp: string;
}

const ENDED: readonly CaseStatus[] = ['concluded', 'refused', 'withdrawn'];

// Every change to a case's status, step or task bumps its version; only the clock refresh rewrites its
// deadlines without one (cases.repository.ts: updateCaseAtVersion, updateCaseClock).
function stampOf(row: Pick<CaseSupervisionFactsRow, 'version' | 'case_deadline' | 'step_deadline'>): string {
  return `${row.version}|${row.case_deadline ?? ''}|${row.step_deadline ?? ''}`;
}

/** A case as supervision sees it, from what the repository read of its row. */
export function describeCaseFacts(row: CaseSupervisionFactsRow): CaseUnderSupervision {
  const ended = ENDED.includes(row.status);
  const deadlines: CaseDeadline[] = [];
  if (!ended) {
    deadlines.push({ key: 'case', kind: 'case', due: row.case_deadline });
    if (row.current_step_key && row.step_opened_at) {
      deadlines.push({ key: `step:${row.current_step_key}:${chinaDateOf(new Date(row.step_opened_at))}`, kind: 'step', due: row.step_deadline });
    }
  }
  return { id: row.id, caseNumber: row.case_number, itemId: row.item_id, unitId: row.unit_id, status: row.status, ended, deadlines, itemVersionId: row.item_version_id, channel: row.channel, enteredAt: row.created_at, submittedAt: row.submitted_at, stamp: stampOf(row) };
}

/** A page of running cases after `afterId` (id order), as supervision sees them. */
export async function findRunningCasesForSupervision(db: DbExecutor, afterId: string, limit: number): Promise<CaseUnderSupervision[]> {
  return (await findRunningCaseSupervisionFacts(db, afterId, limit)).map(describeCaseFacts);
}

/** Many cases as supervision sees them (those that exist), in one statement. */
export async function describeCasesForSupervision(db: DbExecutor, caseIds: readonly string[]): Promise<CaseUnderSupervision[]> {
  return (await findCaseSupervisionFactsOf(db, caseIds)).map(describeCaseFacts);
}

/** The current stamps of the cases with ids from `firstId` to `lastId`, by id: what a description read earlier is checked against. */
export async function findCaseSupervisionStamps(db: DbExecutor, firstId: string, lastId: string): Promise<Map<string, string>> {
  return new Map((await findCaseSupervisionStampsBetween(db, firstId, lastId)).map((row) => [row.id, stampOf(row)]));
}
