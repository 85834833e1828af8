// All SQL of the working-day calendar: the local overrides (本地调整) a county makes on top of the shipped
// State Council data, one row per date in `calendar_overrides`.
import type { DbExecutor } from '../db/database.ts';
import { fromFlag, toFlag, toTimestamp } from '../db/values.ts';

export interface CalendarOverridesTable {
  date: string;
  working: number;
  note: string;
  updated_at: string;
  updated_by: string | null;
}

declare module '../db/database.ts' {
  interface Database {
    calendar_overrides: CalendarOverridesTable;
  }
}

export interface StoredOverride {
  date: string;
  working: boolean;
  note: string;
  updatedAt: string;
  updatedBy: string | null;
}

function toStoredOverride(row: CalendarOverridesTable): StoredOverride {
  return { date: row.date, working: fromFlag(row.working), note: row.note, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/** Every override, in date order (the calendar is rebuilt from all of them). */
export async function listOverrides(db: DbExecutor): Promise<StoredOverride[]> {
  const rows = await db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
  return rows.map(toStoredOverride);
}

/** The overrides of one year, in date order. */
export async function listOverridesOfYear(db: DbExecutor, year: number): Promise<StoredOverride[]> {
  const rows = await db
    .selectFrom('calendar_overrides')
    .selectAll()
    .where('date', '>=', `${String(year).padStart(4, '0')}-01-01`)
    .where('date', '<=', `${String(year).padStart(4, '0')}-12-31`)
    .orderBy('date')
    .execute();
  return rows.map(toStoredOverride);
}

/** The override of one date, or undefined when the date has none. */
export async function readOverride(db: DbExecutor, date: string): Promise<StoredOverride | undefined> {
  const row = await db.selectFrom('calendar_overrides').selectAll().where('date', '=', date).executeTakeFirst();
  return row ? toStoredOverride(row) : undefined;
}

/** Stores the override of a date, replacing any earlier one. */
export async function upsertOverride(
  db: DbExecutor,
  override: { date: string; working: boolean; note: string },
  updatedBy: string | null,
  now: Date,
): Promise<void> {
  const row = { date: override.date, working: toFlag(override.working), note: override.note, updated_at: toTimestamp(now), updated_by: updatedBy };
  await db
    .insertInto('calendar_overrides')
    .values(row)
    .onConflict((conflict) => conflict.column('date').doUpdateSet({ working: row.working, note: row.note, updated_at: row.updated_at, updated_by: row.updated_by }))
    .execute();
}

/** Deletes the override of a date; true when there was one. */
export async function deleteOverride(db: DbExecutor, date: string): Promise<boolean> {
  const result = await db.deleteFrom('calendar_overrides').where('date', '=', date).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
