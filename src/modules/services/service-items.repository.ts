// All SQL on service items, their versions, themes and life events.
import type { Insertable, Updateable } from 'kysely';
import { escapeLike, scopeCondition, type DataScope } from '../../core/auth/data-scope.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { toCount } from '../../core/db/values.ts';
import type { LifeEventsTable, ServiceItemRow, ServiceItemsTable, ServiceItemVersionRow, ServiceItemVersionsTable } from './services.tables.ts';

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

/** Inserts a life event or updates the one with the same code; returns its id. */
export async function upsertLifeEvent(db: DbExecutor, row: Insertable<LifeEventsTable>): Promise<string> {
  const existing = await db.selectFrom('life_events').select('id').where('code', '=', row.code).executeTakeFirst();
  if (existing) {
    await db.updateTable('life_events').set({ name: row.name, name_en: row.name_en ?? null, audience: row.audience, description: row.description, sort_order: row.sort_order ?? 0, updated_at: row.updated_at }).where('id', '=', existing.id).execute();
    return existing.id;
  }
  await db.insertInto('life_events').values(row).execute();
  return row.id;
}

/** Replaces the items bundled in a life event, in order. */
export async function replaceLifeEventItems(db: DbExecutor, lifeEventId: string, itemIds: readonly string[]): Promise<void> {
  await db.deleteFrom('life_event_items').where('life_event_id', '=', lifeEventId).execute();
  if (itemIds.length > 0) await db.insertInto('life_event_items').values(itemIds.map((item_id, sort_order) => ({ life_event_id: lifeEventId, item_id, sort_order }))).execute();
}

/** Every life event with the number of its published items. */
export function findLifeEvents(db: DbExecutor) {
  return db
    .selectFrom('life_events')
    .leftJoin('life_event_items', 'life_event_items.life_event_id', 'life_events.id')
    .leftJoin('service_items', (join) => join.onRef('service_items.id', '=', 'life_event_items.item_id').on('service_items.status', '=', 'published'))
    .select(['life_events.id', 'life_events.code', 'life_events.name', 'life_events.name_en', 'life_events.audience', 'life_events.description', (eb) => eb.fn.count('service_items.id').as('item_count')])
    .groupBy(['life_events.id', 'life_events.code', 'life_events.name', 'life_events.name_en', 'life_events.audience', 'life_events.description', 'life_events.sort_order'])
    .orderBy('life_events.sort_order')
    .execute();
}

/** One life event by id or code, or undefined. */
export function findLifeEvent(db: DbExecutor, reference: { id?: string; code?: string }) {
  let query = db.selectFrom('life_events').selectAll();
  if (reference.id) query = query.where('id', '=', reference.id);
  if (reference.code) query = query.where('code', '=', reference.code);
  return query.executeTakeFirst();
}

/** The ids of the items bundled in a life event, in order. */
export async function findLifeEventItemIds(db: DbExecutor, lifeEventId: string): Promise<string[]> {
  const rows = await db.selectFrom('life_event_items').select('item_id').where('life_event_id', '=', lifeEventId).orderBy('sort_order').execute();
  return rows.map((row) => row.item_id);
}

/** How many of these ids are items that exist. */
export async function countExistingItems(db: DbExecutor, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await db.selectFrom('service_items').select((eb) => eb.fn.countAll().as('total')).where('id', 'in', [...ids]).executeTakeFirstOrThrow();
  return toCount(row.total);
}
