// Findings and how they are handled: the unit explains (申辩) or rectifies (整改) with attachments, the
// supervising office accepts (closed) or rejects (open again); every step stays in the finding's history and
// the office's actions are in the audit chain (the supervision log).
import type { Actor } from '../../core/auth/actor.ts';
import { isInScope, type DataScope } from '../../core/auth/data-scope.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { attachUploads, findFilesOfOwners, registerFileOwnerType } from '../../core/files/index.ts';
import { LEVEL_NAMES } from './finding-batch.ts';
import { describeFinding } from './supervision-evaluation.ts';
import { ruleDefinition } from './supervision-rules.ts';
import type { FindingLevel } from './timeliness.ts';
import { findFindingActions, findFindingById, findFindingOfAction, findFindings, updateFindingStatus, type FindingWithUnit } from './findings.repository.ts';
import { canRespondTo, canReview, isOverseer, resolveFindingScope } from './supervision.policy.ts';
import { findSupervisedUnitOfOffice, insertFindingAction } from './supervision.repository.ts';
import type { FindingDetail, FindingFilter, FindingView } from './supervision.schema.ts';
import type { FindingAction } from './supervision.tables.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

/** Files an answer carries belong to the answer (an entry of the finding's history). */
export const FINDING_ANSWER_OWNER_TYPE = 'supervision_answer';

/** The findings the actor may see. */
export async function findingScopeOf(db: DbExecutor, actor: Actor): Promise<DataScope> {
  const office = actor.kind === 'staff' && actor.unitId && isOverseer(actor) ? await findSupervisedUnitOfOffice(db, actor.unitId) : undefined;
  return resolveFindingScope(actor, office?.path ?? null);
}

function isVisible(scope: DataScope, finding: FindingWithUnit): boolean {
  // Findings belong to units: no personal owner, so a personal scope sees none.
  return isInScope(scope, { unitId: finding.unit_id, unitPath: finding.unit_path });
}

registerFileOwnerType(FINDING_ANSWER_OWNER_TYPE, {
  canRead: async (actor, actionId, db) => {
    const finding = await findFindingOfAction(db, actionId);
    return finding !== undefined && actor.kind === 'staff' && isVisible(await findingScopeOf(db, actor), finding);
  },
  // Attaching happens only inside respondToFinding, after it has checked the actor may answer.
  canAttach: async (actor, actionId, db) => {
    const finding = await findFindingOfAction(db, actionId);
    return finding !== undefined && actor.kind === 'staff' && actor.unitId === finding.unit_id;
  },
});

function present(actor: Actor, row: FindingWithUnit): FindingView {
  const level = row.level as FindingLevel;
  return {
    id: row.id, category: row.category, ruleCode: row.rule_code, level, levelName: LEVEL_NAMES[level].zh,
    ruleName: ruleDefinition(row.rule_code)?.name ?? row.rule_code,
    ruleNameEn: ruleDefinition(row.rule_code)?.nameEn ?? row.rule_code,
    description: row.detail ?? (row.due_on ? describeFinding({ ruleCode: row.rule_code, level, due: row.due_on }) : row.rule_code),
    subjectType: row.subject_type, subjectId: row.subject_id, subjectLabel: row.subject_label, unitId: row.unit_id, unitName: row.unit_name,
    deadlineKey: row.deadline_key, dueOn: row.due_on, raisedAt: row.raised_at, raisedOn: row.raised_on, resolvedAt: row.resolved_at, status: row.status,
    canRespond: canRespondTo(actor, row), canReview: canReview(actor, row),
  };
}

/** A page of findings in the actor's scope. */
export async function listFindings(deps: SupervisionDeps, actor: Actor, filter: FindingFilter, page: number, pageSize: number): Promise<{ items: FindingView[]; total: number }> {
  const scope = await findingScopeOf(deps.db, actor);
  const { items, total } = await findFindings(deps.db, scope, filter, page, pageSize);
  return { items: items.map((row) => present(actor, row)), total };
}

async function loadVisible(db: DbExecutor, actor: Actor, id: string): Promise<FindingWithUnit> {
  const scope = await findingScopeOf(db, actor);
  const row = await findFindingById(db, id);
  if (!row || !isVisible(scope, row)) throw new AppError('FINDING_NOT_FOUND');
  return row;
}

/** One finding with its full history and the files of each answer. */
export async function getFinding(deps: SupervisionDeps, actor: Actor, id: string): Promise<FindingDetail> {
  const row = await loadVisible(deps.db, actor, id);
  const actions = await findFindingActions(deps.db, id);
  const files = await findFilesOfOwners(deps.db, FINDING_ANSWER_OWNER_TYPE, actions.map((action) => action.id));
  return {
    ...present(actor, row),
    history: actions.map((action) => ({ id: action.id, action: action.action, actorName: action.actor_name, note: action.note, occurredAt: action.occurred_at, files: files.get(action.id) ?? [] })),
  };
}

async function appendAction(tx: DbExecutor, actor: Actor, findingId: string, action: FindingAction, note: string, now: Date): Promise<string> {
  const id = newId(now.getTime());
  await insertFindingAction(tx, { id, finding_id: findingId, action, actor_user_id: actor.userId, actor_name: actor.name, actor_unit_id: actor.unitId, note, occurred_at: toTimestamp(now) });
  return id;
}

/** The unit explains why the finding is unfounded (申辩) or reports what it corrected (整改), with files. */
export async function respondToFinding(deps: SupervisionDeps, actor: Actor, id: string, input: { kind: 'explain' | 'rectify'; text: string; fileIds: string[] }): Promise<FindingDetail> {
  const row = await loadVisible(deps.db, actor, id);
  if (!canRespondTo(actor, row)) throw row.status === 'open' ? new AppError('FORBIDDEN') : new AppError('FINDING_NOT_OPEN', { status: row.status });
  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    if (!(await updateFindingStatus(tx, id, 'open', 'responded', toTimestamp(now)))) throw new AppError('FINDING_CHANGED');
    const actionId = await appendAction(tx, actor, id, input.kind === 'explain' ? 'explained' : 'rectified', input.text, now);
    if (input.fileIds.length > 0) await attachUploads(tx, actor, input.fileIds, { ownerType: FINDING_ANSWER_OWNER_TYPE, ownerId: actionId });
    await recordAudit(tx, actor, { action: `supervision.finding.${input.kind}`, subjectType: 'supervision_finding', subjectId: id, after: { text: input.text, fileIds: input.fileIds } }, now);
  });
  return getFinding(deps, actor, id);
}

/** The supervising office accepts the unit's answer (the finding is closed) or rejects it (open again, with the reason). */
export async function reviewFinding(deps: SupervisionDeps, actor: Actor, id: string, input: { decision: 'accept' | 'reject'; opinion: string }): Promise<FindingDetail> {
  const row = await loadVisible(deps.db, actor, id);
  if (!isOverseer(actor)) throw new AppError('FORBIDDEN');
  if (!canReview(actor, row)) throw new AppError('FINDING_NOT_RESPONDED', { status: row.status });
  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    if (!(await updateFindingStatus(tx, id, 'responded', input.decision === 'accept' ? 'closed' : 'open', toTimestamp(now)))) throw new AppError('FINDING_CHANGED');
    await appendAction(tx, actor, id, input.decision === 'accept' ? 'accepted' : 'rejected', input.opinion, now);
    await recordAudit(tx, actor, { action: `supervision.finding.${input.decision}`, subjectType: 'supervision_finding', subjectId: id, after: { opinion: input.opinion } }, now);
  });
  return getFinding(deps, actor, id);
}
