// Platform settings as JSON values under stable keys (security policy, site identification…).
import type { DbExecutor } from '../db/database.ts';
import { toTimestamp } from '../db/values.ts';

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
  updated_by: string | null;
}

declare module '../db/database.ts' {
  interface Database {
    settings: SettingsTable;
  }
}

/** The stored value of a setting, or undefined when it was never set. */
export async function readSetting<T>(db: DbExecutor, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value_json) as T) : undefined;
}

/** Stores a setting, replacing any earlier value. */
export async function writeSetting(db: DbExecutor, key: string, value: unknown, updatedBy: string | null): Promise<void> {
  const row = { key, value_json: JSON.stringify(value), updated_at: toTimestamp(Date.now()), updated_by: updatedBy };
  await db
    .insertInto('settings')
    .values(row)
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value_json: row.value_json, updated_at: row.updated_at, updated_by: row.updated_by }))
    .execute();
}
