// The supervising office's rules: the general timeliness rules (shipped with DOMAIN.md's defaults) and
// per-item overrides. A change is audited and re-evaluates every running case in the background, so each
// subject's next check day follows the new thresholds. Findings already raised are never raised again: a
// finding's key leaves the rule out (supervision-engine.ts).
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import { newId, toFlag, toTimestamp, fromFlag } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { enqueueJob } from '../../core/jobs/index.ts';
import { findItemNames } from '../services/index.ts';
import { requireRulesManager, isOverseer } from './supervision.policy.ts';
import { listTimelinessRuleDefinitions, timelinessRuleDefinition, toTimelinessRule } from './supervision-rules.ts';
import { deleteRule, findAllRules, findRuleById, insertRuleIfAbsent, updateRule } from './supervision.repository.ts';
import type { RuleView } from './supervision.schema.ts';
import type { SupervisionRuleRow } from './supervision.tables.ts';
import type { TimelinessThresholds } from './timeliness.ts';
import { defineReevaluateAllJob } from './supervision.jobs.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

function present(row: SupervisionRuleRow, itemNames: Map<string, string>): RuleView {
  const definition = timelinessRuleDefinition(row.code);
  const rule = toTimelinessRule(row);
  return {
    id: row.id, code: row.code, name: definition?.name ?? row.code, nameEn: definition?.nameEn ?? row.code, category: row.category, subjectType: row.subject_type, deadlineKind: row.deadline_kind,
    scopeKey: rule.scopeKey, scopeName: rule.scopeKey ? (itemNames.get(rule.scopeKey) ?? null) : null, thresholds: rule.thresholds, enabled: fromFlag(row.enabled), updatedAt: row.updated_at,
  };
}

function requireRuleReader(actor: Actor): void {
  if (isOverseer(actor)) return;
  requireRulesManager(actor);
}

/** Every rule, with the names of the items the overrides are for. */
export async function listRules(deps: SupervisionDeps, actor: Actor): Promise<RuleView[]> {
  requireRuleReader(actor);
  const rows = await findAllRules(deps.db);
  const names = await findItemNames(deps.db, rows.filter((row) => row.scope_key !== '').map((row) => row.scope_key));
  // Rules of codes no module declares any more stay stored but are not shown.
  const declared = new Set(listTimelinessRuleDefinitions().map((definition) => definition.code));
  return rows.filter((row) => declared.has(row.code)).map((row) => present(row, names));
}

async function presentOne(deps: SupervisionDeps, row: SupervisionRuleRow): Promise<RuleView> {
  return present(row, await findItemNames(deps.db, row.scope_key ? [row.scope_key] : []));
}

/** Adds a per-item override of a rule. */
export async function createRuleOverride(deps: SupervisionDeps, actor: Actor, input: { code: string; scopeKey: string; thresholds: TimelinessThresholds; enabled: boolean }): Promise<RuleView> {
  requireRulesManager(actor);
  const definition = timelinessRuleDefinition(input.code);
  if (!definition) throw new AppError('SUPERVISION_RULE_UNKNOWN', { code: input.code });
  if (!(await findItemNames(deps.db, [input.scopeKey])).has(input.scopeKey)) throw new AppError('SUPERVISION_SCOPE_UNKNOWN');
  const now = deps.now();
  const stamp = toTimestamp(now);
  const row: SupervisionRuleRow = {
    id: newId(now.getTime()), code: input.code, category: 'timeliness', subject_type: definition.subjectType, deadline_kind: definition.deadlineKind, scope_key: input.scopeKey,
    thresholds_json: JSON.stringify(input.thresholds), enabled: toFlag(input.enabled), created_at: stamp, updated_at: stamp, updated_by: actor.userId,
  };
  await deps.db.transaction().execute(async (tx) => {
    if (!(await insertRuleIfAbsent(tx, row))) throw new AppError('SUPERVISION_RULE_EXISTS');
    await recordAudit(tx, actor, { action: 'supervision.rule.create', subjectType: 'supervision_rule', subjectId: row.id, after: input }, now);
    await enqueueJob(tx, defineReevaluateAllJob(deps), {});
  });
  return presentOne(deps, row);
}

/** Changes a rule's thresholds or switches it on or off. */
export async function changeRule(deps: SupervisionDeps, actor: Actor, id: string, input: { thresholds?: TimelinessThresholds | undefined; enabled?: boolean | undefined }): Promise<RuleView> {
  requireRulesManager(actor);
  const now = deps.now();
  const changed = await deps.db.transaction().execute(async (tx) => {
    const row = await findRuleById(tx, id);
    if (!row) throw new AppError('SUPERVISION_RULE_NOT_FOUND');
    const before = toTimelinessRule(row);
    const changes = {
      thresholds_json: JSON.stringify(input.thresholds ?? before.thresholds),
      enabled: toFlag(input.enabled ?? before.enabled),
      updated_at: toTimestamp(now),
      updated_by: actor.userId,
    };
    await updateRule(tx, id, changes);
    await recordAudit(tx, actor, { action: 'supervision.rule.change', subjectType: 'supervision_rule', subjectId: id, before: { thresholds: before.thresholds, enabled: before.enabled }, after: input }, now);
    await enqueueJob(tx, defineReevaluateAllJob(deps), {});
    return { ...row, ...changes };
  });
  return presentOne(deps, changed);
}

/** Removes a per-item override; the item follows the general rule again. */
export async function removeRuleOverride(deps: SupervisionDeps, actor: Actor, id: string): Promise<void> {
  requireRulesManager(actor);
  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    const row = await findRuleById(tx, id);
    if (!row) throw new AppError('SUPERVISION_RULE_NOT_FOUND');
    if (row.scope_key === '') throw new AppError('SUPERVISION_RULE_GENERAL');
    await deleteRule(tx, id);
    await recordAudit(tx, actor, { action: 'supervision.rule.delete', subjectType: 'supervision_rule', subjectId: id, before: toTimelinessRule(row) }, now);
    await enqueueJob(tx, defineReevaluateAllJob(deps), {});
  });
}
