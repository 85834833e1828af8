// All SQL on life events (一件事) and the items they bundle.
import type { Insertable, Updateable } from 'kysely';
import type { DbExecutor } from '../../core/db/database.ts';
import type { LifeEventsTable } from './services.tables.ts';

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

/** Changes a life event found by id (its code included). */
export async function updateLifeEvent(db: DbExecutor, id: string, changes: Updateable<LifeEventsTable>): Promise<void> {
  await db.updateTable('life_events').set(changes).where('id', '=', id).execute();
}

/** Deletes a life event and its item list (the items themselves stay). */
export async function deleteLifeEvent(db: DbExecutor, id: string): Promise<void> {
  await db.deleteFrom('life_event_items').where('life_event_id', '=', id).execute();
  await db.deleteFrom('life_events').where('id', '=', id).execute();
}

/** Replaces the items bundled in a life event, in order. */
export async function replaceLifeEventItems(db: DbExecutor, lifeEventId: string, itemIds: readonly string[]): Promise<void> {
  await db.deleteFrom('life_event_items').where('life_event_id', '=', lifeEventId).execute();
  if (itemIds.length > 0) await db.insertInto('life_event_items').values(itemIds.map((item_id, sort_order) => ({ life_event_id: lifeEventId, item_id, sort_order }))).execute();
}

/** Every life event with the number of its published items (the public list). */
export function findLifeEvents(db: DbExecutor) {
  return db
    .selectFrom('life_events')
    .leftJoin('life_event_items', 'life_event_items.life_event_id', 'life_events.id')
    .leftJoin('service_items', (join) => join.onRef('service_items.id', '=', 'life_event_items.item_id').on('service_items.status', '=', 'published'))
    .select(['life_events.id', 'life_events.code', 'life_events.name', 'life_events.name_en', 'life_events.audience', 'life_events.description', (eb) => eb.fn.count('service_items.id').as('item_count')])
    .groupBy(['life_events.id', 'life_events.code', 'life_events.name', 'life_events.name_en', 'life_events.audience', 'life_events.description', 'life_events.sort_order'])
    .orderBy('life_events.sort_order')
    .orderBy('life_events.code')
    .execute();
}

/** Every life event row, in display order (the console's list). */
export function findAllLifeEvents(db: DbExecutor) {
  return db.selectFrom('life_events').selectAll().orderBy('sort_order').orderBy('code').execute();
}

/** The items of every life event with their name, unit and status, in each event's order. */
export function findLifeEventItemRows(db: DbExecutor) {
  return db
    .selectFrom('life_event_items')
    .innerJoin('service_items', 'service_items.id', 'life_event_items.item_id')
    .innerJoin('units', 'units.id', 'service_items.unit_id')
    .select(['life_event_items.life_event_id', 'service_items.id', 'service_items.name', 'service_items.status', 'units.name as unit_name'])
    .orderBy('life_event_items.life_event_id')
    .orderBy('life_event_items.sort_order')
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

/** Name and status of the items with these ids that exist. */
export async function findItemStatuses(db: DbExecutor, ids: readonly string[]): Promise<Array<{ id: string; name: string; status: string }>> {
  if (ids.length === 0) return [];
  return db.selectFrom('service_items').select(['id', 'name', 'status']).where('id', 'in', [...ids]).execute();
}
