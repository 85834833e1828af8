// What electronic supervision checks of a case's record besides its deadlines: how it entered the platform,
// its events in order, the materials on file when it was accepted, and what its item's guide allows (the
// required materials, the standard fees, the fine ranges of the discretion standard).
import type { DbExecutor } from '../../core/db/database.ts';
import { fromJson } from '../../core/db/values.ts';
import { findCaseById, findCaseEvents, findMaterialKeys } from './cases.repository.ts';
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
  events: Array<{ seq: number; type: string; stepKey: string | null; actorUserId: string | null; occurredAt: string; detail: Record<string, unknown> }>;
}

/** The record of one case as supervision checks it, or undefined when there is no such case. */
export async function describeCaseRecordForSupervision(db: DbExecutor, caseId: string): Promise<CaseRecordForSupervision | undefined> {
  const row = await findCaseById(db, caseId);
  if (!row) return undefined;
  const [{ guide, process }, events, materials] = await Promise.all([loadPinnedVersion(db, row.item_version_id), findCaseEvents(db, caseId), findMaterialKeys(db, caseId)]);
  const accepted = events.find((event) => event.type === 'accepted');
  return {
    channel: row.channel,
    enteredAt: row.created_at,
    submittedAt: row.submitted_at,
    requiredMaterialKeys: guide.materials.filter((material) => material.required).map((material) => material.key),
    materialKeysAtAcceptance: [...new Set(materials.filter((material) => !accepted || material.created_at <= accepted.occurred_at).map((material) => material.material_key))],
    charged: guide.charged,
    standardFees: guide.fees.map((fee) => ({ name: fee.name, amount: fee.amount })),
    circumstances: guide.discretion.flatMap((standard) => standard.circumstances.map((circumstance) => ({ code: circumstance.code, fineMin: circumstance.fineMin, fineMax: circumstance.fineMax }))),
    secondApproverStepKeys: process.steps.filter((step) => step.requiresSecondApprover).map((step) => step.key),
    events: events.map((event) => ({ seq: event.seq, type: event.type, stepKey: event.step_key, actorUserId: event.actor_user_id, occurredAt: event.occurred_at, detail: fromJson<Record<string, unknown>>(event.detail) ?? {} })),
  };
}
