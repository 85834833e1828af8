// 一件事: life events that bundle several items a person or company needs together (opening a
// restaurant, a baby's birth). The service-hall office (services.items.review) maintains them; staff who
// read the catalogue see them in the console; the public browses them.
import { hasPermission, type Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import type { Db, DbExecutor } from '../../core/db/database.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { publishEvent } from '../../core/notify/index.ts';
import type { LifeEventEntry, LifeEventInput, LifeEventView } from './life-events.schema.ts';
import { deleteLifeEvent, findAllLifeEvents, findItemStatuses, findLifeEvent, findLifeEventItemIds, findLifeEventItemRows, replaceLifeEventItems, updateLifeEvent, upsertLifeEvent } from './life-events.repository.ts';
import type { ItemStatus } from './service-items.schema.ts';
import { requirePermission, resolveItemReadScope } from './services.policy.ts';
import type { LifeEventsTable } from './services.tables.ts';

const MANAGE = 'services.items.review';

function presentLifeEvent(row: LifeEventsTable, itemIds: string[]): LifeEventView {
  return { id: row.id, code: row.code, name: row.name, nameEn: row.name_en, audience: row.audience as 'person' | 'company', description: row.description, sortOrder: row.sort_order, itemIds };
}

/**
 * The items to bundle, without duplicates: every id must be an item (ITEM_NOT_FOUND), and an item not already in
 * the event must be published (LIFE_EVENT_ITEM_NOT_PUBLISHED), so the public list never gains a draft; an item
 * retired since it was added may stay until staff remove it.
 */
async function checkBundledItems(db: DbExecutor, itemIds: readonly string[], alreadyBundled: readonly string[]): Promise<string[]> {
  const ids = [...new Set(itemIds)];
  const found = await findItemStatuses(db, ids);
  if (found.length !== ids.length) throw new AppError('ITEM_NOT_FOUND');
  const kept = new Set(alreadyBundled);
  const unpublished = found.filter((item) => item.status !== 'published' && !kept.has(item.id));
  if (unpublished.length > 0) throw new AppError('LIFE_EVENT_ITEM_NOT_PUBLISHED', { items: unpublished.map((item) => item.name).join('、') });
  return ids;
}

/** Creates or updates (by code) a life event with its items, in the given order. */
export async function saveLifeEvent(db: Db, actor: Actor, input: LifeEventInput, now = new Date()): Promise<LifeEventView> {
  requirePermission(actor, MANAGE);
  const id = await db.transaction().execute(async (tx) => {
    const existing = await findLifeEvent(tx, { code: input.code });
    const itemIds = await checkBundledItems(tx, input.itemIds, existing ? await findLifeEventItemIds(tx, existing.id) : []);
    const stamp = toTimestamp(now);
    const savedId = await upsertLifeEvent(tx, { id: newId(now.getTime()), code: input.code, name: input.name, name_en: input.nameEn, audience: input.audience, description: input.description, sort_order: input.sortOrder, created_at: stamp, updated_at: stamp });
    await replaceLifeEventItems(tx, savedId, itemIds);
    await recordAudit(tx, actor, { action: 'services.life_event.save', subjectType: 'life_event', subjectId: savedId, after: { ...input, itemIds } }, now);
    await publishEvent(tx, 'life_event.changed', { lifeEventId: savedId }, {}, now);
    return savedId;
  });
  return getLifeEvent(db, actor, id);
}

/** Changes the life event with this id, its code included (LIFE_EVENT_CODE_TAKEN when another event has the new code). */
export async function changeLifeEvent(db: Db, actor: Actor, id: string, input: LifeEventInput, now = new Date()): Promise<LifeEventView> {
  requirePermission(actor, MANAGE);
  await db.transaction().execute(async (tx) => {
    const row = await findLifeEvent(tx, { id });
    if (!row) throw new AppError('LIFE_EVENT_NOT_FOUND');
    const holder = input.code === row.code ? undefined : await findLifeEvent(tx, { code: input.code });
    if (holder) throw new AppError('LIFE_EVENT_CODE_TAKEN', { code: input.code }, [{ path: 'code', message: `编码 ${input.code} 已被“${holder.name}”使用 / the code ${input.code} is used by another life event` }]);
    const before = presentLifeEvent(row, await findLifeEventItemIds(tx, id));
    const itemIds = await checkBundledItems(tx, input.itemIds, before.itemIds);
    await updateLifeEvent(tx, id, { code: input.code, name: input.name, name_en: input.nameEn, audience: input.audience, description: input.description, sort_order: input.sortOrder, updated_at: toTimestamp(now) });
    await replaceLifeEventItems(tx, id, itemIds);
    await recordAudit(tx, actor, { action: 'services.life_event.update', subjectType: 'life_event', subjectId: id, before, after: { ...input, itemIds } }, now);
    await publishEvent(tx, 'life_event.changed', { lifeEventId: id }, {}, now);
  });
  return getLifeEvent(db, actor, id);
}

/** Removes a life event from the catalogue (its items stay); the audit record keeps what it was. */
export async function removeLifeEvent(db: Db, actor: Actor, id: string, now = new Date()): Promise<void> {
  requirePermission(actor, MANAGE);
  await db.transaction().execute(async (tx) => {
    const row = await findLifeEvent(tx, { id });
    if (!row) throw new AppError('LIFE_EVENT_NOT_FOUND');
    const before = presentLifeEvent(row, await findLifeEventItemIds(tx, id));
    await deleteLifeEvent(tx, id);
    await recordAudit(tx, actor, { action: 'services.life_event.delete', subjectType: 'life_event', subjectId: id, before }, now);
    await publishEvent(tx, 'life_event.changed', { lifeEventId: id, deleted: true }, {}, now);
  });
}

/** One life event with its item ids, for staff who read the catalogue. */
export async function getLifeEvent(db: Db, actor: Actor, id: string): Promise<LifeEventView> {
  resolveItemReadScope(actor);
  const row = await findLifeEvent(db, { id });
  if (!row) throw new AppError('LIFE_EVENT_NOT_FOUND');
  return presentLifeEvent(row, await findLifeEventItemIds(db, row.id));
}

/** Every life event with its items (name, unit, status) for the console, and whether the actor may manage them. */
export async function listLifeEventsForStaff(db: Db, actor: Actor): Promise<{ items: LifeEventEntry[]; can: { manage: boolean } }> {
  resolveItemReadScope(actor);
  const [rows, itemRows] = await Promise.all([findAllLifeEvents(db), findLifeEventItemRows(db)]);
  const itemsByEvent = new Map<string, LifeEventEntry['items']>();
  for (const item of itemRows) {
    const list = itemsByEvent.get(item.life_event_id) ?? [];
    list.push({ id: item.id, name: item.name, unitName: item.unit_name, status: item.status as ItemStatus });
    itemsByEvent.set(item.life_event_id, list);
  }
  const items = rows.map((row) => {
    const bundled = itemsByEvent.get(row.id) ?? [];
    return { ...presentLifeEvent(row, bundled.map((item) => item.id)), items: bundled, updatedAt: row.updated_at };
  });
  return { items, can: { manage: hasPermission(actor, MANAGE) } };
}
