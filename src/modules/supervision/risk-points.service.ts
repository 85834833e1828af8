// 廉政风险点: the supervising office keeps, per item and step, the integrity risks (name, type, level,
// description, control measures). Staff read them where they work (the step of a case, the item's process);
// a point that requires a second approver makes the record checks demand one at its step.
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import { fromFlag, newId, toFlag, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { findItemNames, findItemWithSteps, type ItemFacts } from '../services/index.ts';
import { requireRulesManager } from './supervision.policy.ts';
import { deleteRiskPoint, findRiskPointById, findRiskPoints, insertRiskPoint, updateRiskPoint, type RiskPointRow } from './risk-points.repository.ts';
import { RISK_LEVELS, RISK_TYPES, type RiskPointInput, type RiskPointView } from './risk-points.schema.ts';
import type { SupervisionDeps } from './supervision.deps.ts';
import { forgetRiskSteps } from './case-subjects.ts';

function present(row: RiskPointRow, itemName: string, stepName: string | null): RiskPointView {
  return {
    id: row.id, itemId: row.item_id, itemName, stepKey: row.step_key, stepName, name: row.name, riskType: row.risk_type, riskTypeName: RISK_TYPES[row.risk_type as keyof typeof RISK_TYPES] ?? row.risk_type,
    level: row.level, levelName: RISK_LEVELS[row.level as keyof typeof RISK_LEVELS] ?? row.level, description: row.description, controlMeasures: row.control_measures,
    requiresSecondApprover: fromFlag(row.requires_second_approver), updatedAt: row.updated_at,
  };
}

function requireStaff(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'staff') throw new AppError('FORBIDDEN');
}

async function requireItemStep(deps: SupervisionDeps, itemId: string, stepKey: string): Promise<ItemFacts> {
  const item = await findItemWithSteps(deps.db, itemId);
  if (!item) throw new AppError('SUPERVISION_SCOPE_UNKNOWN');
  if (!item.steps.some((step) => step.key === stepKey)) throw new AppError('RISK_POINT_STEP_UNKNOWN', { step: stepKey });
  return item;
}

/** The register, of one item or of all; any member of staff may read it. */
export async function listRiskPoints(deps: SupervisionDeps, actor: Actor, itemId: string | undefined): Promise<RiskPointView[]> {
  requireStaff(actor);
  const rows = await findRiskPoints(deps.db, itemId);
  const names = await findItemNames(deps.db, [...new Set(rows.map((row) => row.item_id))]);
  const steps = new Map<string, Map<string, string>>();
  for (const id of names.keys()) steps.set(id, new Map((await findItemWithSteps(deps.db, id))?.steps.map((step) => [step.key, step.name]) ?? []));
  return rows.map((row) => present(row, names.get(row.item_id) ?? '', steps.get(row.item_id)?.get(row.step_key) ?? null));
}

/** Adds a point to the register. */
export async function createRiskPoint(deps: SupervisionDeps, actor: Actor, input: RiskPointInput): Promise<RiskPointView> {
  requireRulesManager(actor);
  const item = await requireItemStep(deps, input.itemId, input.stepKey);
  const now = deps.now();
  const stamp = toTimestamp(now);
  const row: RiskPointRow = {
    id: newId(now.getTime()), item_id: input.itemId, step_key: input.stepKey, name: input.name, risk_type: input.riskType, level: input.level, description: input.description,
    control_measures: input.controlMeasures, requires_second_approver: toFlag(input.requiresSecondApprover), created_at: stamp, updated_at: stamp, updated_by: actor.userId,
  };
  await deps.db.transaction().execute(async (tx) => {
    await insertRiskPoint(tx, row);
    await recordAudit(tx, actor, { action: 'supervision.risk_point.create', subjectType: 'integrity_risk_point', subjectId: row.id, after: input }, now);
  });
  forgetRiskSteps(deps.db);
  return present(row, item.name, item.steps.find((step) => step.key === row.step_key)?.name ?? null);
}

/** Changes a point. */
export async function changeRiskPoint(deps: SupervisionDeps, actor: Actor, id: string, input: Partial<Omit<RiskPointInput, 'itemId'>>): Promise<RiskPointView> {
  requireRulesManager(actor);
  const row = await findRiskPointById(deps.db, id);
  if (!row) throw new AppError('RISK_POINT_NOT_FOUND');
  const item = await requireItemStep(deps, row.item_id, input.stepKey ?? row.step_key);
  const now = deps.now();
  const changes = {
    ...(input.stepKey !== undefined && { step_key: input.stepKey }), ...(input.name !== undefined && { name: input.name }), ...(input.riskType !== undefined && { risk_type: input.riskType }),
    ...(input.level !== undefined && { level: input.level }), ...(input.description !== undefined && { description: input.description }),
    ...(input.controlMeasures !== undefined && { control_measures: input.controlMeasures }), ...(input.requiresSecondApprover !== undefined && { requires_second_approver: toFlag(input.requiresSecondApprover) }),
    updated_at: toTimestamp(now), updated_by: actor.userId,
  };
  await deps.db.transaction().execute(async (tx) => {
    await updateRiskPoint(tx, id, changes);
    await recordAudit(tx, actor, { action: 'supervision.risk_point.change', subjectType: 'integrity_risk_point', subjectId: id, before: present(row, item.name, null), after: input }, now);
  });
  forgetRiskSteps(deps.db);
  const updated = { ...row, ...changes };
  return present(updated, item.name, item.steps.find((step) => step.key === updated.step_key)?.name ?? null);
}

/** Removes a point from the register (the audit record keeps what it was). */
export async function removeRiskPoint(deps: SupervisionDeps, actor: Actor, id: string): Promise<void> {
  requireRulesManager(actor);
  const row = await findRiskPointById(deps.db, id);
  if (!row) throw new AppError('RISK_POINT_NOT_FOUND');
  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    await deleteRiskPoint(tx, id);
    await recordAudit(tx, actor, { action: 'supervision.risk_point.delete', subjectType: 'integrity_risk_point', subjectId: id, before: present(row, '', null) }, now);
  });
  forgetRiskSteps(deps.db);
}
