// Electronic supervision (电子监察): rules over every case's deadlines evaluated right after each case event
// and when a stored check day comes, findings (warning / yellow / red card) that notify the unit, the unit's
// explanation or rectification and the supervising office's review.
import './supervision.errors.ts';
import type { App } from '../../core/http/server.ts';
import type { EventSubscription } from '../../core/notify/index.ts';
import { grantToBuiltinRole, registerPermissions } from '../identity/index.ts';
import { caseEventBatchSubscriber, caseEventSubscriber } from './case-subjects.ts';
import { itemEventSubscriber } from './item-subjects.ts';
import { registerSupervisionRoutes } from './supervision.api.ts';
import { registerOfficeRoutes } from './offices.api.ts';
import { registerTaskRoutes } from './tasks.api.ts';
import { registerComplaintRoutes } from './complaints.api.ts';
import { registerComplaintPages } from './complaints.pages.ts';
import { registerSupervisionDashboardRoutes } from './dashboard.api.ts';
import { registerRiskPointRoutes } from './risk-points.api.ts';
import { registerSupervisionLogRoutes } from './supervision-log.api.ts';
import { registerReportingRoutes } from './reporting.api.ts';
import { registerScoreRoutes } from './scores.api.ts';
import { reportingSubscriber } from './reporting.service.ts';
import type { SupervisionDeps } from './supervision.deps.ts';
import { supervisionPermissions } from './supervision.permissions.ts';

export { supervisionMigrations } from './migrations/index.ts';
export { ensureDefaultSupervisionRules, defineRule, defineTimelinessRule } from './supervision-rules.ts';
export { seedDemoSupervision } from './supervision.seed.ts';
export { defineSupervisionJobs, defineSupervisionPeriodicJobs, sweepDueSubjects } from './supervision.jobs.ts';
export { deliverDueReports, MAX_REPORT_ATTEMPTS } from './reporting.service.ts';
export { reportBatchSchema, REPORT_FORMAT } from './reporting.schema.ts';
export { reevaluateAllCases } from './case-subjects.ts';
export { reevaluateAllItems } from './item-subjects.ts';
export { countOverdueTasksByUnit } from './tasks.repository.ts';
export { countComplaintsByUnit } from './complaints.repository.ts';
export { TASK_SUBJECT } from './tasks.service.ts';
export { COMPLAINT_SUBJECT } from './complaints.service.ts';
export type { SupervisionDeps } from './supervision.deps.ts';
export { DEFAULT_TIMELINESS_THRESHOLDS, FINDING_LEVELS, levelsUpTo, nextTimelinessChange, timelinessLevel, timelinessThresholdsSchema, type FindingLevel, type TimelinessThresholds } from './timeliness.ts';
export { evaluateSubject, findingKey, ruleFor, type StandingFinding, type SubjectEvaluation, type SupervisedDeadline, type SupervisedSubject, type TimelinessRule } from './supervision-engine.ts';

registerPermissions(supervisionPermissions);
grantToBuiltinRole('dept_head', ['supervision.findings.read', 'supervision.findings.respond']);
grantToBuiltinRole('dept_staff', ['supervision.findings.read']);
grantToBuiltinRole('supervisor', ['supervision.findings.read', 'supervision.oversee', 'supervision.rules.manage']);
grantToBuiltinRole('hall_admin', ['supervision.findings.read', 'supervision.oversee']);

/** The outbox subscriptions of supervision: every case event is evaluated right after it commits (a claimed batch's cases together), every published or retired item checked. */
export function supervisionSubscriptions(deps: SupervisionDeps): EventSubscription[] {
  const subscriptions: EventSubscription[] = [
    { pattern: 'case.*', handler: caseEventSubscriber(deps), batchHandler: caseEventBatchSubscriber(deps), name: 'supervision.evaluateCase' },
    { pattern: 'service_item.*', handler: itemEventSubscriber(deps), name: 'supervision.checkItemGuide' },
  ];
  if (deps.reporting) {
    subscriptions.push({ pattern: 'case.*', handler: reportingSubscriber(deps), name: 'supervision.reportCase' }, { pattern: 'supervision.finding_raised', handler: reportingSubscriber(deps), name: 'supervision.reportFinding' });
  }
  return subscriptions;
}

/** Registers every supervision route. */
export function registerSupervisionModule(app: App, deps: SupervisionDeps): void {
  registerSupervisionRoutes(app, deps);
  registerOfficeRoutes(app, deps);
  registerTaskRoutes(app, deps);
  registerComplaintRoutes(app, deps);
  registerComplaintPages(app, deps);
  registerSupervisionDashboardRoutes(app, deps);
  registerRiskPointRoutes(app, deps);
  registerSupervisionLogRoutes(app, deps);
  registerReportingRoutes(app, deps);
  registerScoreRoutes(app, deps);
}
