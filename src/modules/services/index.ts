// The service hall module's public face: the item catalogue, processes, cases and their routes.
import './services.errors.ts';
import type { App } from '../../core/http/server.ts';
import type { JobDefinition } from '../../core/jobs/index.ts';
import { grantToBuiltinRole, registerPermissions } from '../identity/index.ts';
import { registerCaseRoutes } from './cases.api.ts';
import { registerCaseExtraRoutes, registerCaseNoticeRoutes } from './cases-extra.api.ts';
import { registerItemExcelRoutes } from './items-excel.api.ts';
import { registerLifeEventRoutes } from './life-events.api.ts';
import { registerRatingRoutes } from './ratings.api.ts';
import { registerIntakeRoutes } from './intake.api.ts';
import { defineItemExcelJobs } from './items-excel.jobs.ts';
import type { ServicesDeps } from './services.deps.ts';
import { registerServiceItemRoutes } from './service-items.api.ts';
import { registerServicePages } from './services.pages.ts';
import { servicesPermissions } from './services.permissions.ts';

export { servicesMigrations } from './migrations/index.ts';
export { seedDemoServices } from './services.seed.ts';
export { defineServicesPeriodicJobs, refreshDueCaseClocks } from './services.jobs.ts';
export type { ServicesDeps } from './services.deps.ts';
export { findItemNames } from './service-items.repository.ts';
export { findItemWithSteps, type ItemFacts } from './item-steps.ts';
export { describeCaseForReport, type CaseReport } from './case-report.ts';
export { findCaseOfApplicant } from './cases.repository.ts';
export { caseStillAtStamp } from './case-supervision.repository.ts';
export { listMyCases } from './cases.views.ts';
// For pages other modules add to the hall (投诉): who the applicant is, the hall's text, dates, paging and forms.
export { applicantOf, hallTextOf, messageOf, seeOther, signInUrl, textField, UUID_PATTERN, type Breadcrumb } from './services.pages.common.ts';
export { firstField, pageFormsOf, type PageMultipartForm } from './services.pages.uploads.ts';
export { formatDate, formatDateTime, pageLinks } from './services.pages.views.ts';
export type { HallMessages } from './services.pages.messages.ts';
export { countEndedCasesByUnit, sumRatingsByUnit, type UnitCaseOutcomes, type UnitRatings } from './unit-performance.repository.ts';
export { caseWithRecordForSupervisionAnd, describeCaseRecordsForSupervision, describeCaseWithRecordForSupervision, type CaseRecordForSupervision } from './case-record.ts';
export { describeItemForSupervision, findPublishedItemsForSupervision, type ItemUnderSupervision } from './item-supervision.ts';
export { describeCasesForSupervision, findCaseSupervisionStamps, findRunningCasesForSupervision, type CaseUnderSupervision, type CaseDeadline } from './case-supervision.ts';
export { countCasesOfUnitsForSupervision, type UnitCaseCounts } from './case-counts.repository.ts';

/** The service hall's background jobs. */
export function defineServicesJobs(deps: ServicesDeps): JobDefinition[] {
  return [...defineItemExcelJobs(deps)];
}

registerPermissions(servicesPermissions);
grantToBuiltinRole('dept_head', ['services.items.read', 'services.items.edit', 'services.cases.read', 'services.cases.review', 'services.cases.decide']);
grantToBuiltinRole('dept_staff', ['services.items.read', 'services.items.edit', 'services.cases.read', 'services.cases.accept', 'services.cases.review']);
grantToBuiltinRole('hall_window', ['services.items.read', 'services.cases.read', 'services.cases.accept', 'services.cases.register']);
grantToBuiltinRole('supervisor', ['services.items.read', 'services.cases.read']);
grantToBuiltinRole('hall_admin', ['services.items.read', 'services.items.review', 'services.cases.read', 'services.integrations.manage']);

/** Registers every service-hall route. */
export function registerServicesRoutes(app: App, deps: ServicesDeps): void {
  registerServiceItemRoutes(app, deps);
  registerLifeEventRoutes(app, deps);
  registerItemExcelRoutes(app, deps);
  registerCaseExtraRoutes(app, deps);
  registerCaseNoticeRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerRatingRoutes(app, deps);
  registerIntakeRoutes(app, deps);
  registerServicePages(app, deps);
}
