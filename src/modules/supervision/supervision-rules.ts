// The catalogue of supervision rules and their shipped defaults. Two kinds:
//   - timeliness rules, one per deadline kind of a subject type (a case's promised deadline, its current
//     step; a disclosure request's reply later), with thresholds in working days;
//   - checks of a case's record (case-checks.ts), each raising one level (DOMAIN.md: red for any fee or
//     legality violation), some with a threshold of their own.
// The supervising office tunes each rule's settings, in general or per item, as data; a stored setting that no
// longer parses falls back to the default rather than stop supervision.
import { z } from 'zod';
import type { DbExecutor } from '../../core/db/database.ts';
import { fromFlag, newId, toTimestamp } from '../../core/db/values.ts';
import type { CaseCheckCode, CaseCheckSettings } from './case-checks.ts';
import type { TimelinessRule } from './supervision-engine.ts';
import { insertRuleIfAbsent } from './supervision.repository.ts';
import type { SupervisionRuleRow } from './supervision.tables.ts';
import { DEFAULT_TIMELINESS_THRESHOLDS, FINDING_LEVELS, timelinessThresholdsSchema, type FindingLevel, type TimelinessThresholds } from './timeliness.ts';

export const RULE_CATEGORIES = { timeliness: '时效', legality: '程序合法', completeness: '内容完整', fees: '收费', discretion: '处罚裁量', offsystem: '体外循环' } as const;
export type RuleCategory = keyof typeof RULE_CATEGORIES;

export interface RuleDefinition {
  code: string;
  category: RuleCategory;
  subjectType: string;
  /** The deadline kind a timeliness rule watches; null for checks of the record. */
  deadlineKind: string | null;
  name: string;
  nameEn: string;
  settingsSchema: z.ZodType<Record<string, unknown>>;
  defaults: Record<string, unknown>;
}

const definitions = new Map<string, RuleDefinition>();

/** Declares a rule code (once, by the module whose subjects it watches). */
export function defineRule(definition: RuleDefinition): void {
  if (definitions.has(definition.code)) throw new Error(`Supervision rule ${definition.code} is defined twice`);
  definitions.set(definition.code, definition);
}

/** Declares a timeliness rule over one deadline kind of a subject type, with DOMAIN.md's default thresholds. */
export function defineTimelinessRule(definition: { code: string; subjectType: string; deadlineKind: string; name: string; nameEn: string }): void {
  defineRule({ ...definition, category: 'timeliness', settingsSchema: timelinessThresholdsSchema, defaults: DEFAULT_TIMELINESS_THRESHOLDS });
}

/** The definition of a rule code, or undefined for a code nobody declared. */
export function ruleDefinition(code: string): RuleDefinition | undefined {
  return definitions.get(code);
}

/** Every declared rule. */
export function listRuleDefinitions(): RuleDefinition[] {
  return [...definitions.values()];
}

const levelSchema = z.enum(FINDING_LEVELS).describe('触发的级别 / the level a violation raises');
const checkSettingsSchema = z.object({ level: levelSchema }).strict();

function defineCheck(code: CaseCheckCode, name: string, nameEn: string, level: FindingLevel, extra?: { schema: z.ZodRawShape; defaults: Record<string, unknown> }): void {
  const category = code.split('.')[0] as RuleCategory;
  const settingsSchema = extra ? z.object({ level: levelSchema, ...extra.schema }).strict() : checkSettingsSchema;
  defineRule({ code, category, subjectType: 'case', deadlineKind: null, name, nameEn, settingsSchema, defaults: { level, ...extra?.defaults } });
}

defineTimelinessRule({ code: 'timeliness.case', subjectType: 'case', deadlineKind: 'case', name: '办件承诺时限', nameEn: 'Promised time limit of the case' });
defineTimelinessRule({ code: 'timeliness.step', subjectType: 'case', deadlineKind: 'step', name: '办理环节时限', nameEn: 'Time limit of the current step' });
defineTimelinessRule({ code: 'timeliness.supervision_task', subjectType: 'supervision_task', deadlineKind: 'reply', name: '督办事项答复时限', nameEn: 'Reply limit of a supervision task' });
defineTimelinessRule({ code: 'timeliness.complaint', subjectType: 'complaint', deadlineKind: 'reply', name: '投诉答复时限', nameEn: 'Reply limit of a complaint' });
defineCheck('legality.order', '违反办理程序（跳过环节或顺序颠倒）', 'Steps skipped or out of order', 'red');
defineCheck('legality.reason', '不予受理、不予许可或不予处罚未说明理由或依据', 'Refusal or denial without reason or legal basis', 'red');
defineCheck('legality.supplement_repeated', '多次要求补正（未一次性告知）', 'Supplement requested more than once', 'red');
defineCheck('legality.refused_complete', '材料齐全却不予受理', 'Refused although the application was complete', 'red');
defineCheck('legality.decider_role', '由无权限的人员作出决定', 'Decided by someone without the step\'s permission', 'red');
defineCheck('legality.second_approver', '高风险环节未经第二人审核（廉政风险点）', 'High-risk step completed without a second approver', 'red');
defineCheck('completeness.materials', '受理时缺少必要材料', 'Accepted with required materials missing', 'yellow');
defineCheck('fees.unlisted', '收取未列明的费用', 'A fee the item does not list', 'red');
defineCheck('fees.amount', '收费金额与标准不符', 'A fee at another amount than its standard', 'red');
defineCheck('discretion.fine', '罚款超出裁量基准', 'A fine outside its discretion range', 'red');
defineRule({
  code: 'completeness.guide', category: 'completeness', subjectType: 'service_item', deadlineKind: null, name: '已发布事项的办事指南要素不全', nameEn: 'A published item\'s guide lacks required elements',
  settingsSchema: checkSettingsSchema, defaults: { level: 'yellow' },
});
defineCheck('offsystem.entered_after_decision', '决定后才录入系统（事后补录）', 'Entered after its decision', 'red');
defineCheck('offsystem.backdated', '申请日期早于录入日期过多（体外循环）', 'Submitted long before it entered the platform', 'yellow', {
  schema: { maxEntryDelayDays: z.number().int().min(0).max(30).describe('申请至录入最多相隔的工作日 / most working days from submission to entry') },
  defaults: { maxEntryDelayDays: 1 },
});

/** Makes sure every declared rule has its general row with the shipped defaults; never changes an existing one. */
export async function ensureDefaultSupervisionRules(tx: DbExecutor, now: Date = new Date()): Promise<void> {
  const stamp = toTimestamp(now);
  for (const definition of definitions.values()) {
    await insertRuleIfAbsent(tx, {
      id: newId(now.getTime()), code: definition.code, category: definition.category, subject_type: definition.subjectType, deadline_kind: definition.deadlineKind ?? '', scope_key: '',
      settings_json: JSON.stringify(definition.defaults), enabled: 1, created_at: stamp, updated_at: stamp, updated_by: null,
    });
  }
}

// Every evaluation reads its rules; parsing a handful of small JSON settings each time cost more than the
// evaluation itself. Parsed settings are kept by code and text (a changed rule has new text).
const parsedSettings = new Map<string, Record<string, unknown>>();

/** A stored rule's settings, parsed by its definition (the defaults when the code is unknown or the stored value is bad). */
export function ruleSettings(row: Pick<SupervisionRuleRow, 'code' | 'settings_json'>): Record<string, unknown> {
  const key = `${row.code}\u0000${row.settings_json}`;
  const known = parsedSettings.get(key);
  if (known) return known;
  const settings = parseSettings(row);
  if (parsedSettings.size > 10_000) parsedSettings.clear();
  parsedSettings.set(key, settings);
  return settings;
}

function parseSettings(row: Pick<SupervisionRuleRow, 'code' | 'settings_json'>): Record<string, unknown> {
  const definition = definitions.get(row.code);
  if (!definition) return {};
  try {
    const parsed = definition.settingsSchema.safeParse(JSON.parse(row.settings_json));
    return parsed.success ? parsed.data : definition.defaults;
  } catch {
    return definition.defaults;
  }
}

/** A stored timeliness rule as the engine takes it. */
export function toTimelinessRule(row: SupervisionRuleRow): TimelinessRule {
  return { code: row.code, subjectType: row.subject_type, deadlineKind: row.deadline_kind, scopeKey: row.scope_key === '' ? null : row.scope_key, thresholds: thresholdsOf(ruleSettings(row)), enabled: fromFlag(row.enabled) };
}

const thresholdsBySettings = new WeakMap<Record<string, unknown>, TimelinessThresholds>();

function thresholdsOf(settings: Record<string, unknown>): TimelinessThresholds {
  let thresholds = thresholdsBySettings.get(settings);
  if (!thresholds) {
    const parsed = timelinessThresholdsSchema.safeParse(settings);
    thresholds = parsed.success ? parsed.data : DEFAULT_TIMELINESS_THRESHOLDS;
    thresholdsBySettings.set(settings, thresholds);
  }
  return thresholds;
}

export interface CheckRule {
  /** A check of a case's record (CaseCheckCode), or of another subject's (`completeness.guide`). */
  code: string;
  level: FindingLevel;
  settings: CaseCheckSettings;
}

/**
 * The checks in force for a subject of a scope (an item's own setting overriding the general one), by code, with
 * their levels and the thresholds the checks read. A check switched off is absent.
 */
export function checkRulesFor(rows: readonly SupervisionRuleRow[], scopeKey: string | null): Map<string, CheckRule> {
  const chosen = new Map<string, SupervisionRuleRow>();
  for (const row of rows) {
    if (row.category === 'timeliness') continue;
    if (row.scope_key === '' && !chosen.has(row.code)) chosen.set(row.code, row);
    if (row.scope_key !== '' && row.scope_key === scopeKey) chosen.set(row.code, row);
  }
  const rules = new Map<string, CheckRule>();
  for (const row of chosen.values()) {
    if (!fromFlag(row.enabled)) continue;
    const settings = ruleSettings(row);
    const level = FINDING_LEVELS.includes(settings.level as FindingLevel) ? (settings.level as FindingLevel) : 'red';
    rules.set(row.code, { code: row.code, level, settings: { maxEntryDelayDays: typeof settings.maxEntryDelayDays === 'number' ? settings.maxEntryDelayDays : 1 } });
  }
  return rules;
}

