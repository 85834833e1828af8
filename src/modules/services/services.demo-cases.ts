// Demo cases in every state, made through the same use cases staff and citizens use.
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { Db } from '../../core/db/database.ts';

/** Creates the demo cases (filled in with the case engine). */
export async function seedDemoCases(_db: Db, _deps: { calendar: () => WorkingCalendar; now: () => Date; itemIdsByCode: Map<string, string> }): Promise<void> {}
