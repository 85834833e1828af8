// Server-rendered public pages of the service hall (办事大厅).
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { Db } from '../../core/db/database.ts';
import type { App } from '../../core/http/server.ts';

/** Registers the public service-hall pages. */
export function registerServicePages(_app: App, _deps: { db: Db; calendar: () => WorkingCalendar; now: () => Date }): void {}
