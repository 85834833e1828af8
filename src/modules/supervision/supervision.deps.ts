// What supervision needs from the platform: the database, the working-day calendar and the clock.
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { Db } from '../../core/db/database.ts';

export interface SupervisionDeps {
  db: Db;
  calendar: () => WorkingCalendar;
  now: () => Date;
  /** The provincial supervision platform's endpoint; unset: nothing is reported. */
  reporting?: { url: string; token: string | undefined } | undefined;
}
