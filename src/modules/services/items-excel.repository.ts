// All SQL of the catalogue's Excel import and export: import records, and items and versions looked up in bulk.
import type { Insertable, Updateable } from 'kysely';
import type { DbExecutor } from '../../core/db/database.ts';
import type { ItemImportRow, ItemImportsTable } from './items-excel.tables.ts';
import type { ServiceItemRow, ServiceItemsTable, ServiceItemVersionRow, ServiceItemVersionsTable } from './services.tables.ts';

// Both databases take a few hundred bound parameters per statement without trouble.
const LOOKUP_CHUNK = 500;

function chunksOf<T>(values: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < values.length; start += LOOKUP_CHUNK) chunks.push(values.slice(start, start + LOOKUP_CHUNK));
  return chunks;
}

/** Inserts an import record. */
export async function insertItemImport(db: DbExecutor, row: Insertable<ItemImportsTable>): Promise<void> {
  await db.insertInto('item_imports').values(row).execute();
}

/** One import record by id, or undefined. */
export function findItemImportById(db: DbExecutor, id: string): Promise<ItemImportRow | undefined> {
  return db.selectFrom('item_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Updates an import record. */
export async function updateItemImport(db: DbExecutor, id: string, changes: Updateable<ItemImportsTable>): Promise<void> {
  await db.updateTable('item_imports').set(changes).where('id', '=', id).execute();
}

export type ImportedItemRow = ServiceItemRow & { unit_name: string; unit_path: string };

/** The items holding any of the implementation codes, with their unit's name and path. */
export async function findItemsByImplementationCodes(db: DbExecutor, codes: readonly string[]): Promise<ImportedItemRow[]> {
  const rows: ImportedItemRow[] = [];
  for (const chunk of chunksOf([...new Set(codes)])) {
    rows.push(
      ...(await db
        .selectFrom('service_items')
        .innerJoin('units', 'units.id', 'service_items.unit_id')
        .selectAll('service_items')
        .select(['units.name as unit_name', 'units.path as unit_path'])
        .where('service_items.implementation_code', 'in', chunk)
        .execute()),
    );
  }
  return rows;
}

/** The versions with the given ids (guides and processes included). */
export async function findVersionsByIds(db: DbExecutor, ids: readonly string[]): Promise<ServiceItemVersionRow[]> {
  const rows: ServiceItemVersionRow[] = [];
  for (const chunk of chunksOf([...new Set(ids)])) {
    rows.push(...(await db.selectFrom('service_item_versions').selectAll().where('id', 'in', chunk).execute()));
  }
  return rows;
}

// Rows per multi-row insert: well under both databases' limits on bound parameters (~20 columns each).
const INSERT_CHUNK = 100;

/** Inserts many item rows, a few statements in all (an import of thousands of items). */
export async function insertItemsInBulk(db: DbExecutor, rows: ReadonlyArray<Insertable<ServiceItemsTable>>): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) await db.insertInto('service_items').values(rows.slice(start, start + INSERT_CHUNK)).execute();
}

/** Inserts many item versions, a few statements in all. */
export async function insertVersionsInBulk(db: DbExecutor, rows: ReadonlyArray<Insertable<ServiceItemVersionsTable>>): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) await db.insertInto('service_item_versions').values(rows.slice(start, start + INSERT_CHUNK)).execute();
}
