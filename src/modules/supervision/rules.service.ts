// The supervising office's rules: the general rules (shipped with DOMAIN.md's defaults) and per-item
// overrides. A change is audited and re-evaluates every running case in the background, so each subject's
// next check day follows the new thresholds. Findings already raised are never raised again: a finding's
// key leaves the rule's settings out (supervision-engine.ts, case-subjects.ts).
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import { fromFlag, newId, toFlag, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { enqueueJob } from '../../core/jobs/index.ts';
import { findItemNames } from '../services/index.ts';
import { isOverseer, requireRulesManager } from './supervision.policy.ts';
import { listRuleDefinitions, RULE_CATEGORIES, ruleDefinition, ruleSettings, type RuleDefinition } from './supervision-rules.ts';
import { deleteRule, findAllRules, findRuleById, insertRuleIfAbsent, updateRule } from './supervision.repository.ts';
import type { RuleView } from './supervision.schema.ts';
import type { SupervisionRuleRow } from './supervision.tables.ts';
import { defineReevaluateAllJob } from './supervision.jobs.ts';
import { forgetCachedRules } from './supervision-evaluation.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

function present(row: SupervisionRuleRow, definition: RuleDefinition, itemNames: Map<string, string>): RuleView {
  const scopeKey = row.scope_key === '' ? null : row.scope_key;
  return {
    id: row.id, code: row.code, name: definition.name, nameEn: definition.nameEn, category: definition.category, categoryName: RULE_CATEGORIES[definition.category],
    subjectType: definition.subjectType, deadlineKind: definition.deadlineKind, scopeKey, scopeName: scopeKey ? (itemNames.get(scopeKey) ?? null) : null,
    settings: ruleSettings(row) as RuleView['settings'], enabled: fromFlag(row.enabled), updatedAt: row.updated_at,
  };
}

/** The settings checked by the rule's own schema; VALIDATION_FAILED naming the field otherwise. */
function parseSettings(definition: RuleDefinition, settings: unknown): Record<string, unknown> {
  const parsed = definition.settingsSchema.safeParse(settings);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', {}, parsed.error.issues.map((issue) => ({ path: ['settings', ...issue.path].join('.'), message: issue.message })));
  return parsed.data;
}

function requireDefinition(code: string): RuleDefinition {
  const definition = ruleDefinition(code);
  if (!definition) throw new AppError('SUPERVISION_RULE_UNKNOWN', { code });
  return definition;
}

/** Every rule of a declared code, general ones first, with the names of the items the overrides are for. */
export async function listRules(deps: SupervisionDeps, actor: Actor): Promise<RuleView[]> {
  if (!isOverseer(actor)) requireRulesManager(actor);
  const rows = await findAllRules(deps.db);
  const names = await findItemNames(deps.db, rows.filter((row) => row.scope_key !== '').map((row) => row.scope_key));
  const order = new Map(listRuleDefinitions().map((definition, index) => [definition.code, index]));
  return rows
    .filter((row) => order.has(row.code))
    .sort((a, b) => order.get(a.code)! - order.get(b.code)! || a.scope_key.localeCompare(b.scope_key))
    .map((row) => present(row, ruleDefinition(row.code)!, names));
}

async function presentOne(deps: SupervisionDeps, row: SupervisionRuleRow): Promise<RuleView> {
  return present(row, requireDefinition(row.code), await findItemNames(deps.db, row.scope_key ? [row.scope_key] : []));
}

/** Adds a per-item override of a rule (its settings default to the general rule's). */
export async function createRuleOverride(deps: SupervisionDeps, actor: Actor, input: { code: string; scopeKey: string; settings?: Record<string, unknown> | undefined; enabled: boolean }): Promise<RuleView> {
  requireRulesManager(actor);
  const definition = requireDefinition(input.code);
  const settings = parseSettings(definition, input.settings ?? definition.defaults);
  if (!(await findItemNames(deps.db, [input.scopeKey])).has(input.scopeKey)) throw new AppError('SUPERVISION_SCOPE_UNKNOWN');
  const now = deps.now();
  const stamp = toTimestamp(now);
  const row: SupervisionRuleRow = {
    id: newId(now.getTime()), code: input.code, category: definition.category, subject_type: definition.subjectType, deadline_kind: definition.deadlineKind ?? '', scope_key: input.scopeKey,
    settings_json: JSON.stringify(settings), enabled: toFlag(input.enabled), created_at: stamp, updated_at: stamp, updated_by: actor.userId,
  };
  await deps.db.transaction().execute(async (tx) => {
    if (!(await insertRuleIfAbsent(tx, row))) throw new AppError('SUPERVISION_RULE_EXISTS');
    await recordAudit(tx, actor, { action: 'supervision.rule.create', subjectType: 'supervision_rule', subjectId: row.id, after: { code: input.code, scopeKey: input.scopeKey, settings, enabled: input.enabled } }, now);
    await enqueueJob(tx, defineReevaluateAllJob(deps), {}, { runAt: now });
  });
  forgetCachedRules(deps.db);
  return presentOne(deps, row);
}

/** Changes a rule's settings or switches it on or off. */
export async function changeRule(deps: SupervisionDeps, actor: Actor, id: string, input: { settings?: Record<string, unknown> | undefined; enabled?: boolean | undefined }): Promise<RuleView> {
  requireRulesManager(actor);
  const now = deps.now();
  const changed = await deps.db.transaction().execute(async (tx) => {
    const row = await findRuleById(tx, id);
    if (!row) throw new AppError('SUPERVISION_RULE_NOT_FOUND');
    const definition = requireDefinition(row.code);
    const before = { settings: ruleSettings(row), enabled: fromFlag(row.enabled) };
    const settings = input.settings === undefined ? before.settings : parseSettings(definition, input.settings);
    const changes = { settings_json: JSON.stringify(settings), enabled: toFlag(input.enabled ?? before.enabled), updated_at: toTimestamp(now), updated_by: actor.userId };
    await updateRule(tx, id, changes);
    await recordAudit(tx, actor, { action: 'supervision.rule.change', subjectType: 'supervision_rule', subjectId: id, before, after: { settings, enabled: input.enabled ?? before.enabled } }, now);
    await enqueueJob(tx, defineReevaluateAllJob(deps), {}, { runAt: now });
    return { ...row, ...changes };
  });
  forgetCachedRules(deps.db);
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
    await recordAudit(tx, actor, { action: 'supervision.rule.delete', subjectType: 'supervision_rule', subjectId: id, before: { code: row.code, scopeKey: row.scope_key, settings: ruleSettings(row) } }, now);
    await enqueueJob(tx, defineReevaluateAllJob(deps), {}, { runAt: now });
  });
  forgetCachedRules(deps.db);
}
