// SQL of the integrity risk register (廉政风险点).
import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../core/db/database.ts';
import { preparedQuery } from '../../core/db/prepared-query.ts';

export interface IntegrityRiskPointsTable {
  id: string;
  item_id: string;
  step_key: string;
  name: string;
  risk_type: string;
  level: string;
  description: string;
  control_measures: string;
  requires_second_approver: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}
export type RiskPointRow = Selectable<IntegrityRiskPointsTable>;

declare module '../../core/db/database.ts' {
  interface Database {
    integrity_risk_points: IntegrityRiskPointsTable;
  }
}

/** The points of one item (all steps), or of every item, in step order. */
export function findRiskPoints(db: DbExecutor, itemId: string | undefined): Promise<RiskPointRow[]> {
  let query = db.selectFrom('integrity_risk_points').selectAll();
  if (itemId) query = query.where('item_id', '=', itemId);
  return query.orderBy('item_id').orderBy('step_key').orderBy('created_at').execute();
}

/** One point, or undefined. */
export function findRiskPointById(db: DbExecutor, id: string): Promise<RiskPointRow | undefined> {
  return db.selectFrom('integrity_risk_points').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRiskPoint(db: DbExecutor, row: RiskPointRow): Promise<void> {
  await db.insertInto('integrity_risk_points').values(row).execute();
}

export async function updateRiskPoint(db: DbExecutor, id: string, changes: Partial<Omit<RiskPointRow, 'id' | 'item_id' | 'created_at'>>): Promise<void> {
  await db.updateTable('integrity_risk_points').set(changes).where('id', '=', id).execute();
}

export async function deleteRiskPoint(db: DbExecutor, id: string): Promise<void> {
  await db.deleteFrom('integrity_risk_points').where('id', '=', id).execute();
}

// Read on every case event by the record checks, so prepared once.
const selectSecondApproverSteps = preparedQuery((db, values: { itemId: string }) =>
  db.selectFrom('integrity_risk_points').select('step_key').distinct().where('item_id', '=', values.itemId).where('requires_second_approver', '=', 1),
);

/** The steps of an item whose risk points require a second approver. */
export async function findSecondApproverSteps(db: DbExecutor, itemId: string): Promise<string[]> {
  return (await selectSecondApproverSteps(db, { itemId })).rows.map((row) => row.step_key);
}
