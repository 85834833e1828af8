// All SQL on the division/unit tree.
import type { Insertable, Updateable } from 'kysely';
import type { DbExecutor } from '../../core/db/database.ts';
import type { UnitRow, UnitsTable } from './identity.tables.ts';

/** Every node of the tree ordered for display (parents before children). */
export function findAllUnits(db: DbExecutor): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().orderBy('depth').orderBy('sort_order').orderBy('name').execute();
}

/** One node or undefined. */
export function findUnitById(db: DbExecutor, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The node holding a credit code, or undefined. */
export function findUnitByCreditCode(db: DbExecutor, creditCode: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
}

/** Units of given kinds under a path prefix (e.g. the county's departments). */
export function findUnitsOfKinds(db: DbExecutor, kinds: UnitRow['kind'][], underPath: string): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().where('kind', 'in', kinds).where('path', 'like', `${underPath}%`).orderBy('sort_order').orderBy('name').execute();
}

/** The first node of a kind (e.g. the county the platform serves). */
export function findFirstUnitOfKind(db: DbExecutor, kind: UnitRow['kind']): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('kind', '=', kind).orderBy('depth').orderBy('sort_order').limit(1).executeTakeFirst();
}

/** Inserts a node. */
export async function insertUnit(db: DbExecutor, row: Insertable<UnitsTable>): Promise<void> {
  await db.insertInto('units').values(row).execute();
}

/** Updates a node's own fields. */
export async function updateUnit(db: DbExecutor, id: string, changes: Updateable<UnitsTable>): Promise<void> {
  await db.updateTable('units').set(changes).where('id', '=', id).execute();
}

/** True when the table has no rows yet (first start). */
export async function isUnitTreeEmpty(db: DbExecutor): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
