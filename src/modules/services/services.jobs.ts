// Time-driven work of the service hall: a case's time state (normal → warning → overdue) changes
// with the calendar, not with an event, so a periodic job recomputes exactly the cases whose
// stored next_check_on has come, and announces each change as a domain event.
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { Db } from '../../core/db/database.ts';
import { definePeriodicJob, type PeriodicJobDefinition } from '../../core/jobs/index.ts';
import { publishEvent } from '../../core/notify/index.ts';
import { chinaDateOf } from './case-history.ts';
import { refreshCaseClock } from './case-transition.ts';
import { findCasesDueForCheck } from './cases.repository.ts';
import { loadPinnedVersion } from './pinned-versions.ts';

const BATCH = 500;

/** Recomputes the clocks of every case whose next change has come; returns how many were looked at. */
export async function refreshDueCaseClocks(deps: { db: Db; calendar: () => WorkingCalendar; now: () => Date }): Promise<number> {
  let refreshed = 0;
  for (;;) {
    const now = deps.now();
    const due = await findCasesDueForCheck(deps.db, chinaDateOf(now), BATCH);
    for (const row of due) {
      await deps.db.transaction().execute(async (tx) => {
        const { process } = await loadPinnedVersion(tx, row.item_version_id);
        const clock = await refreshCaseClock(tx, deps.calendar(), row, process, now);
        if (clock.timeState !== row.time_state) {
          await publishEvent(tx, 'case.time_state_changed', { caseId: row.id, caseNumber: row.case_number, itemId: row.item_id, unitId: row.unit_id, from: row.time_state, to: clock.timeState }, { unitId: row.unit_id }, now);
        }
      });
    }
    refreshed += due.length;
    if (due.length < BATCH) return refreshed;
  }
}

/** The service hall's periodic jobs. */
export function defineServicesPeriodicJobs(deps: { db: Db; calendar: () => WorkingCalendar; now: () => Date }): PeriodicJobDefinition[] {
  return [definePeriodicJob({ name: 'services.refreshCaseClocks', everySeconds: 300, run: async () => void (await refreshDueCaseClocks(deps)) })];
}
