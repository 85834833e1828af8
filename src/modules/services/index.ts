// The service hall module's public face: the item catalogue, processes, cases and their routes.
import './services.errors.ts';
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { Db } from '../../core/db/database.ts';
import type { App } from '../../core/http/server.ts';
import { grantToBuiltinRole, registerPermissions } from '../identity/index.ts';
import { registerCaseRoutes } from './cases.api.ts';
import { registerServiceItemRoutes } from './service-items.api.ts';
import { registerServicePages } from './services.pages.ts';
import { servicesPermissions } from './services.permissions.ts';

export { servicesMigrations } from './migrations/index.ts';
export { seedDemoServices } from './services.seed.ts';
export { defineServicesPeriodicJobs, refreshDueCaseClocks } from './services.jobs.ts';

registerPermissions(servicesPermissions);
grantToBuiltinRole('dept_head', ['services.items.read', 'services.items.edit', 'services.cases.read', 'services.cases.review', 'services.cases.decide']);
grantToBuiltinRole('dept_staff', ['services.items.read', 'services.items.edit', 'services.cases.read', 'services.cases.accept', 'services.cases.review']);
grantToBuiltinRole('hall_window', ['services.items.read', 'services.cases.read', 'services.cases.accept', 'services.cases.register']);
grantToBuiltinRole('supervisor', ['services.items.read', 'services.cases.read']);
grantToBuiltinRole('hall_admin', ['services.items.read', 'services.items.review', 'services.cases.read']);

/** Registers every service-hall route. */
export function registerServicesRoutes(app: App, deps: { db: Db; calendar: () => WorkingCalendar; now: () => Date }): void {
  registerServiceItemRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerServicePages(app, deps);
}
