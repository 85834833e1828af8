// What electronic supervision checks of a case's record besides its deadlines: how it entered the platform,
// its events in order, the materials on file when it was accepted, and what its item's guide allows (the
// required materials, the standard fees, the fine ranges of the discretion standard).
import type { RawBuilder } from 'kysely';
import type { DbExecutor } from '../../core/db/database.ts';
import { fromJson } from '../../core/db/values.ts';
import { describeCaseFacts, type CaseUnderSupervision } from './case-supervision.ts';
import { caseSupervisionFactsWithRecordAnd, findCaseRecords, findCaseSupervisionFactsWithRecord, type CaseRecordRows } from './case-supervision.repository.ts';
import { loadPinnedVersion } from './pinned-versions.ts';

export interface CaseRecordForSupervision {
  channel: string;
  enteredAt: string;
  submittedAt: string;
  requiredMaterialKeys: string[];
  materialKeysAtAcceptance: string[];
  charged: boolean;
  standardFees: Array<{ name: string; amount: number }>;
  circumstances: Array<{ code: string; fineMin: number; fineMax: number }>;
  /** Steps of the case's process that need a second approver (high integrity risk). */
  secondApproverStepKeys: string[];
  /** The permission each step of the case's process requires of whoever acts at it. */
  stepPermissions: Record<string, string>;
  events: Array<{ seq: number; type: string; stepKey: string | null; actorUserId: string | null; occurredAt: string; detail: Record<string, unknown> }>;
}

type RecordSource = Pick<CaseUnderSupervision, 'id' | 'itemVersionId' | 'channel' | 'enteredAt' | 'submittedAt'>;

/**
 * One case as supervision sees it (its deadlines) with its record, read in one statement: what
 * supervision's subscriber needs after each of the case's events. Undefined when there is no such case.
 */
export async function describeCaseWithRecordForSupervision(db: DbExecutor, caseId: string): Promise<{ found: CaseUnderSupervision; record: CaseRecordForSupervision } | undefined> {
  const read = await findCaseSupervisionFactsWithRecord(db, caseId);
  if (!read) return undefined;
  const found = describeCaseFacts(read.facts);
  return { found, record: buildRecord(found, await loadPinnedVersion(db, found.itemVersionId), read.record) };
}

/**
 * describeCaseWithRecordForSupervision reading one more value in the same statement: `alongside(caseId)`, a scalar
 * subquery of the caller's as text (supervision's watched row of the case), returned beside the case.
 */
export function caseWithRecordForSupervisionAnd(alongside: (caseId: string) => RawBuilder<string | null>): (db: DbExecutor, caseId: string) => Promise<{ found: CaseUnderSupervision; record: CaseRecordForSupervision; alongside: string | null } | undefined> {
  const read = caseSupervisionFactsWithRecordAnd(alongside);
  return async (db, caseId) => {
    const rows = await read(db, caseId);
    if (!rows) return undefined;
    const found = describeCaseFacts(rows.facts);
    return { found, record: buildRecord(found, await loadPinnedVersion(db, found.itemVersionId), rows.record), alongside: rows.alongside };
  };
}

/** The records of many cases, by case id: their events and materials in one statement (pinned versions are cached). */
export async function describeCaseRecordsForSupervision(db: DbExecutor, found: readonly RecordSource[]): Promise<Map<string, CaseRecordForSupervision>> {
  const rows = await findCaseRecords(db, found.map((entry) => entry.id));
  const records = new Map<string, CaseRecordForSupervision>();
  for (const entry of found) records.set(entry.id, buildRecord(entry, await loadPinnedVersion(db, entry.itemVersionId), rows.get(entry.id) ?? { events: [], materials: [] }));
  return records;
}

function buildRecord(found: RecordSource, { guide, process }: Awaited<ReturnType<typeof loadPinnedVersion>>, { events, materials }: CaseRecordRows): CaseRecordForSupervision {
  const accepted = events.find((event) => event.type === 'accepted');
  return {
    channel: found.channel,
    enteredAt: found.enteredAt,
    submittedAt: found.submittedAt,
    requiredMaterialKeys: guide.materials.filter((material) => material.required).map((material) => material.key),
    materialKeysAtAcceptance: [...new Set(materials.filter((material) => !accepted || material.at <= accepted.at).map((material) => material.type))],
    charged: guide.charged,
    standardFees: guide.fees.map((fee) => ({ name: fee.name, amount: fee.amount })),
    circumstances: guide.discretion.flatMap((standard) => standard.circumstances.map((circumstance) => ({ code: circumstance.code, fineMin: circumstance.fineMin, fineMax: circumstance.fineMax }))),
    secondApproverStepKeys: process.steps.filter((step) => step.requiresSecondApprover).map((step) => step.key),
    stepPermissions: Object.fromEntries(process.steps.map((step) => [step.key, step.permission])),
    events: events.map((event) => ({ seq: event.seq ?? 0, type: event.type, stepKey: event.step_key, actorUserId: event.actor_user_id, occurredAt: event.at, detail: fromJson<Record<string, unknown>>(event.detail) ?? {} })),
  };
}
