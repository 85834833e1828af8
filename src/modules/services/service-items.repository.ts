// All SQL on service items, their versions and themes (life events: life-events.repository.ts).
import type { Insertable, Updateable } from 'kysely';
import { escapeLike, scopeCondition, type DataScope } from '../../core/auth/data-scope.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { toCount } from '../../core/db/values.ts';
import type { ServiceItemRow, ServiceItemsTable, ServiceItemVersionRow, ServiceItemVersionsTable } from './services.tables.ts';

export interface ItemFilter {
  q?: string | undefined;
  unitId?: string | undefined;
  status?: ServiceItemRow['status'] | undefined;
  itemType?: string | undefined;
  theme?: string | undefined;
  audience?: string | undefined;
  lifeEventId?: string | undefined;
}

export type ItemListRow = ServiceItemRow & { unit_name: string };

/** A page of items; `scope` null means the public catalogue (published only, no scope). */
export async function findItems(db: DbExecutor, scope: DataScope | null, filter: ItemFilter, page: number, pageSize: number): Promise<{ items: ItemListRow[]; total: number }> {
  let query = db.selectFrom('service_items').innerJoin('units', 'units.id', 'service_items.unit_id');
  if (scope) query = query.where((eb) => scopeCondition(eb, scope, { unitIdColumn: 'service_items.unit_id', unitPathColumn: 'units.path', ownerColumn: 'service_items.unit_id' }));
  if (filter.status) query = query.where('service_items.status', '=', filter.status);
  if (filter.unitId) query = query.where('service_items.unit_id', '=', filter.unitId);
  if (filter.itemType) query = query.where('service_items.item_type', '=', filter.itemType);
  if (filter.audience) query = query.where('service_items.audiences', 'like', `%${escapeLike(filter.audience)}%`);
  if (filter.theme) {
    const theme = filter.theme;
    query = query.where((eb) => eb.exists(eb.selectFrom('service_item_themes').select('item_id').whereRef('service_item_themes.item_id', '=', 'service_items.id').where('theme_code', '=', theme)));
  }
  if (filter.lifeEventId) {
    const lifeEventId = filter.lifeEventId;
    query = query.where((eb) => eb.exists(eb.selectFrom('life_event_items').select('item_id').whereRef('life_event_items.item_id', '=', 'service_items.id').where('life_event_id', '=', lifeEventId)));
  }
  if (filter.q) query = query.where('service_items.search_text', 'like', `%${escapeLike(filter.q.toLowerCase())}%`);
  const [items, count] = await Promise.all([
    query.selectAll('service_items').select('units.name as unit_name').orderBy('units.sort_order').orderBy('service_items.basic_code').orderBy('service_items.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(count.total) };
}

/** One item by id with its unit's name and path, or undefined. */
export function findItemById(db: DbExecutor, id: string): Promise<(ItemListRow & { unit_path: string }) | undefined> {
  return db
    .selectFrom('service_items')
    .innerJoin('units', 'units.id', 'service_items.unit_id')
    .selectAll('service_items')
    .select(['units.name as unit_name', 'units.path as unit_path'])
    .where('service_items.id', '=', id)
    .executeTakeFirst();
}

/** The item holding an implementation code, or undefined. */
export function findItemByImplementationCode(db: DbExecutor, code: string): Promise<ServiceItemRow | undefined> {
  return db.selectFrom('service_items').selectAll().where('implementation_code', '=', code).executeTakeFirst();
}

/** Inserts an item row. */
export async function insertItem(db: DbExecutor, row: Insertable<ServiceItemsTable>): Promise<void> {
  await db.insertInto('service_items').values(row).execute();
}

/** Updates an item row. */
export async function updateItem(db: DbExecutor, id: string, changes: Updateable<ServiceItemsTable>): Promise<void> {
  await db.updateTable('service_items').set(changes).where('id', '=', id).execute();
}

/** Inserts an item version. */
export async function insertVersion(db: DbExecutor, row: Insertable<ServiceItemVersionsTable>): Promise<void> {
  await db.insertInto('service_item_versions').values(row).execute();
}

/** Updates an item version. */
export async function updateVersion(db: DbExecutor, id: string, changes: Updateable<ServiceItemVersionsTable>): Promise<void> {
  await db.updateTable('service_item_versions').set(changes).where('id', '=', id).execute();
}

/** One version by id, or undefined. */
export function findVersionById(db: DbExecutor, id: string): Promise<ServiceItemVersionRow | undefined> {
  return db.selectFrom('service_item_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The history of an item's versions, newest first (without their bodies). */
export function findVersionHistory(db: DbExecutor, itemId: string): Promise<Array<Omit<ServiceItemVersionRow, 'guide' | 'process'>>> {
  return db
    .selectFrom('service_item_versions')
    .select(['id', 'item_id', 'version_no', 'status', 'review_note', 'created_by', 'submitted_by', 'submitted_at', 'reviewed_by', 'reviewed_at', 'published_at', 'created_at', 'updated_at'])
    .where('item_id', '=', itemId)
    .orderBy('version_no', 'desc')
    .execute();
}

/** The highest version number of an item (0 when none). */
export async function findLatestVersionNumber(db: DbExecutor, itemId: string): Promise<number> {
  const row = await db.selectFrom('service_item_versions').select((eb) => eb.fn.max('version_no').as('latest')).where('item_id', '=', itemId).executeTakeFirst();
  return toCount(row?.latest ?? 0);
}

/** Replaces the themes an item is listed under. */
export async function replaceItemThemes(db: DbExecutor, itemId: string, themes: readonly string[]): Promise<void> {
  await db.deleteFrom('service_item_themes').where('item_id', '=', itemId).execute();
  if (themes.length > 0) await db.insertInto('service_item_themes').values(themes.map((theme_code) => ({ item_id: itemId, theme_code }))).execute();
}

/** Number of published items per theme. */
export async function countPublishedByTheme(db: DbExecutor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('service_item_themes')
    .innerJoin('service_items', 'service_items.id', 'service_item_themes.item_id')
    .select(['service_item_themes.theme_code', (eb) => eb.fn.countAll().as('total')])
    .where('service_items.status', '=', 'published')
    .groupBy('service_item_themes.theme_code')
    .execute();
  return new Map(rows.map((row) => [row.theme_code, toCount(row.total)]));
}

/** Number of published items per implementing unit, with the unit's name. */
export function countPublishedByUnit(db: DbExecutor): Promise<Array<{ unit_id: string; unit_name: string; total: number | string | bigint }>> {
  return db
    .selectFrom('service_items')
    .innerJoin('units', 'units.id', 'service_items.unit_id')
    .select(['service_items.unit_id', 'units.name as unit_name', (eb) => eb.fn.countAll<number>().as('total')])
    .where('service_items.status', '=', 'published')
    .groupBy(['service_items.unit_id', 'units.name', 'units.sort_order'])
    .orderBy('units.sort_order')
    .orderBy('units.name')
    .execute();
}

/** The guides (JSON text) of every version of an item: which files the item's materials have referenced. */
export async function findVersionGuides(db: DbExecutor, itemId: string): Promise<string[]> {
  const rows = await db.selectFrom('service_item_versions').select('guide').where('item_id', '=', itemId).execute();
  return rows.map((row) => row.guide);
}

/** A version with what deciding access to its files needs: its item's status and unit, or undefined. */
export function findVersionAccessFacts(db: DbExecutor, versionId: string) {
  return db
    .selectFrom('service_item_versions')
    .innerJoin('service_items', 'service_items.id', 'service_item_versions.item_id')
    .innerJoin('units', 'units.id', 'service_items.unit_id')
    .select([
      'service_item_versions.id',
      'service_item_versions.status',
      'service_item_versions.published_at',
      'service_items.status as item_status',
      'service_items.unit_id',
      'units.path as unit_path',
    ])
    .where('service_item_versions.id', '=', versionId)
    .executeTakeFirst();
}

/** Names of items by id (those that exist), for other modules that refer to items. */
export async function findItemNames(db: DbExecutor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('service_items').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A page of published items after `afterId` (id order) with their published guide, process and unit facts. */
export function findPublishedItemsWithGuides(db: DbExecutor, afterId: string, limit: number) {
  return itemsWithPublishedGuide(db).where('service_items.status', '=', 'published').where('service_items.id', '>', afterId).orderBy('service_items.id').limit(limit).execute();
}

/** One item with its published guide, process and unit facts (guide null unless published; unit null when gone). */
export function findItemWithPublishedGuide(db: DbExecutor, itemId: string) {
  return itemsWithPublishedGuide(db).where('service_items.id', '=', itemId).executeTakeFirst();
}

function itemsWithPublishedGuide(db: DbExecutor) {
  return db
    .selectFrom('service_items')
    .leftJoin('service_item_versions', 'service_item_versions.id', 'service_items.published_version_id')
    .leftJoin('units', 'units.id', 'service_items.unit_id')
    .select(['service_items.id', 'service_items.unit_id', 'service_items.name', 'service_items.status', 'service_items.published_version_id', 'service_item_versions.guide', 'service_item_versions.process', 'units.kind as unit_kind', 'units.credit_code as unit_credit_code']);
}
