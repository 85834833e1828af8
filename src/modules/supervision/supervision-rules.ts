// The catalogue of timeliness rules and their shipped defaults. A module that has deadlines to supervise
// (the service hall's cases today; disclosure requests, letters and proposals later) declares a rule code per
// deadline kind here; the supervising office then tunes the thresholds, in general or per item, as data.
import type { DbExecutor } from '../../core/db/database.ts';
import { newId, toTimestamp, fromFlag } from '../../core/db/values.ts';
import { DEFAULT_TIMELINESS_THRESHOLDS, timelinessThresholdsSchema, type TimelinessThresholds } from './timeliness.ts';
import type { TimelinessRule } from './supervision-engine.ts';
import { insertRuleIfAbsent } from './supervision.repository.ts';
import type { SupervisionRuleRow } from './supervision.tables.ts';

export interface TimelinessRuleDefinition {
  code: string;
  subjectType: string;
  deadlineKind: string;
  name: string;
  nameEn: string;
}

const definitions = new Map<string, TimelinessRuleDefinition>();

/** Declares a timeliness rule code (once, by the module whose subjects it watches). */
export function defineTimelinessRule(definition: TimelinessRuleDefinition): void {
  if (definitions.has(definition.code)) throw new Error(`Supervision rule ${definition.code} is defined twice`);
  definitions.set(definition.code, definition);
}

/** The definition of a rule code, or undefined for a code nobody declared. */
export function timelinessRuleDefinition(code: string): TimelinessRuleDefinition | undefined {
  return definitions.get(code);
}

/** Every declared rule code. */
export function listTimelinessRuleDefinitions(): TimelinessRuleDefinition[] {
  return [...definitions.values()];
}

defineTimelinessRule({ code: 'timeliness.case', subjectType: 'case', deadlineKind: 'case', name: '办件承诺时限', nameEn: 'Promised time limit of the case' });
defineTimelinessRule({ code: 'timeliness.step', subjectType: 'case', deadlineKind: 'step', name: '办理环节时限', nameEn: 'Time limit of the current step' });

/** Makes sure every declared rule has its general row (with DOMAIN.md's default thresholds); never changes an existing one. */
export async function ensureDefaultSupervisionRules(tx: DbExecutor, now: Date = new Date()): Promise<void> {
  const stamp = toTimestamp(now);
  for (const definition of definitions.values()) {
    await insertRuleIfAbsent(tx, {
      id: newId(now.getTime()), code: definition.code, category: 'timeliness', subject_type: definition.subjectType, deadline_kind: definition.deadlineKind, scope_key: '',
      thresholds_json: JSON.stringify(DEFAULT_TIMELINESS_THRESHOLDS), enabled: 1, created_at: stamp, updated_at: stamp, updated_by: null,
    });
  }
}

/** A stored rule as the engine takes it. A row whose thresholds no longer parse keeps the defaults rather than stop supervision. */
export function toTimelinessRule(row: SupervisionRuleRow): TimelinessRule {
  return { code: row.code, subjectType: row.subject_type, deadlineKind: row.deadline_kind, scopeKey: row.scope_key === '' ? null : row.scope_key, thresholds: parseThresholds(row.thresholds_json), enabled: fromFlag(row.enabled) };
}

function parseThresholds(json: string): TimelinessThresholds {
  try {
    const parsed = timelinessThresholdsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : DEFAULT_TIMELINESS_THRESHOLDS;
  } catch {
    return DEFAULT_TIMELINESS_THRESHOLDS;
  }
}
