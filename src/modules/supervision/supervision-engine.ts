// The supervision rule engine, generic over what it supervises. A subject (a case today; a disclosure request,
// a mailbox letter or a proposal later) is described by its deadlines, each of a kind its module names
// ('case', 'step', 'reply', …); rules are data that name the subject type and deadline kind they watch. The
// engine answers two questions for one subject on one day: which findings stand (rule × deadline × level), and
// the next day anything can change without an event — which the subject stores, so a scheduler looks only at
// subjects whose moment has come. Pure: storage, notification and idempotency live around it.
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import { levelsUpTo, timelinessOf, type FindingLevel, type TimelinessThresholds } from './timeliness.ts';

/** One running deadline of a subject; `due` is null while it does not run (paused, stopped, not started). */
export interface SupervisedDeadline {
  /** Which deadline of the subject this is, stable across evaluations (e.g. 'case', 'step:review'). */
  key: string;
  /** What kind of deadline, as rules name it (e.g. 'case', 'step'). */
  kind: string;
  due: string | null;
}

export interface SupervisedSubject {
  type: string;
  id: string;
  /** What per-item (or per-category) rules match, e.g. the case's service item; null when none applies. */
  scopeKey: string | null;
  deadlines: readonly SupervisedDeadline[];
}

export interface TimelinessRule {
  code: string;
  subjectType: string;
  deadlineKind: string;
  /** null: every subject of the type; otherwise only subjects with this scope key, overriding the general rule. */
  scopeKey: string | null;
  thresholds: TimelinessThresholds;
  enabled: boolean;
}

export interface StandingFinding {
  ruleCode: string;
  subjectType: string;
  subjectId: string;
  deadlineKey: string;
  level: FindingLevel;
  due: string;
}

export interface SubjectEvaluation {
  findings: StandingFinding[];
  /** The first day after `today` on which a finding can appear without an event; null: none can. */
  nextCheckOn: string | null;
}

/** The rule that watches a deadline kind of a subject: the one for its scope if enabled, else the general one. */
export function ruleFor(rules: readonly TimelinessRule[], subject: Pick<SupervisedSubject, 'type' | 'scopeKey'>, deadlineKind: string): TimelinessRule | null {
  let general: TimelinessRule | null = null;
  for (const rule of rules) {
    if (rule.subjectType !== subject.type || rule.deadlineKind !== deadlineKind) continue;
    if (rule.scopeKey !== null && rule.scopeKey === subject.scopeKey) return rule.enabled ? rule : null;
    if (rule.scopeKey === null) general = rule;
  }
  return general?.enabled ? general : null;
}

/** The findings that stand for a subject on `today`, and when to look at it next. */
export function evaluateSubject(calendar: WorkingCalendar, subject: SupervisedSubject, rules: readonly TimelinessRule[], today: string): SubjectEvaluation {
  const findings: StandingFinding[] = [];
  let nextCheckOn: string | null = null;
  for (const deadline of subject.deadlines) {
    if (deadline.due === null) continue;
    const rule = ruleFor(rules, subject, deadline.kind);
    if (!rule) continue;
    const { level, next: change } = timelinessOf(calendar, deadline.due, today, rule.thresholds);
    for (const reached of levelsUpTo(level)) {
      findings.push({ ruleCode: rule.code, subjectType: subject.type, subjectId: subject.id, deadlineKey: deadline.key, level: reached, due: deadline.due });
    }
    if (change !== null && (nextCheckOn === null || change < nextCheckOn)) nextCheckOn = change;
  }
  return { findings, nextCheckOn };
}

/**
 * The identity of a finding: one per subject, deadline and level, however often it is evaluated. The rule is
 * not part of it, so replacing a rule (a per-item threshold, say) never raises again what was raised before.
 */
export function findingKey(finding: Pick<StandingFinding, 'subjectType' | 'subjectId' | 'deadlineKey' | 'level'>): string {
  return ['timeliness', finding.subjectType, finding.subjectId, finding.deadlineKey, finding.level].join('|');
}
