// What the service hall needs from the platform: the database, the working-day calendar, the clock
// and the file store (materials, imports, notices).
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { Db } from '../../core/db/database.ts';
import type { BlobStore } from '../../core/files/index.ts';

export interface ServicesDeps {
  db: Db;
  calendar: () => WorkingCalendar;
  now: () => Date;
  store: BlobStore;
}
