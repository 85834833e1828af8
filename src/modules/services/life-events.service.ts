// 一件事: life events that bundle several items a person or company needs together (opening a
// restaurant, a baby's birth). The service-hall office maintains them; the public browses them.
import { z } from 'zod';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import type { Db } from '../../core/db/database.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { countExistingItems, findLifeEvent, findLifeEventItemIds, replaceLifeEventItems, upsertLifeEvent } from './service-items.repository.ts';
import { requirePermission } from './services.policy.ts';

export const lifeEventInputSchema = z.object({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, '编码为小写字母开头的字母、数字或下划线 / the code is lower-case letters, digits or _'),
  name: z.string().trim().min(2).max(60),
  nameEn: z.string().trim().max(120).nullable().default(null),
  audience: z.enum(['person', 'company']),
  description: z.string().trim().max(1000).default(''),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
  itemIds: z.array(z.uuid()).max(30).default([]),
});
export type LifeEventInput = z.infer<typeof lifeEventInputSchema>;

export const lifeEventViewSchema = lifeEventInputSchema.extend({ id: z.string() });

/** Creates or updates (by code) a life event with its items, in the given order. */
export async function saveLifeEvent(db: Db, actor: Actor, input: LifeEventInput, now = new Date()) {
  requirePermission(actor, 'services.items.review');
  const itemIds = [...new Set(input.itemIds)];
  if ((await countExistingItems(db, itemIds)) !== itemIds.length) throw new AppError('ITEM_NOT_FOUND');
  const id = await db.transaction().execute(async (tx) => {
    const stamp = toTimestamp(now);
    const savedId = await upsertLifeEvent(tx, { id: newId(now.getTime()), code: input.code, name: input.name, name_en: input.nameEn, audience: input.audience, description: input.description, sort_order: input.sortOrder, created_at: stamp, updated_at: stamp });
    await replaceLifeEventItems(tx, savedId, itemIds);
    await recordAudit(tx, actor, { action: 'services.life_event.save', subjectType: 'life_event', subjectId: savedId, after: { ...input, itemIds } }, now);
    return savedId;
  });
  return getLifeEvent(db, id);
}

/** One life event with its item ids, for editing. */
export async function getLifeEvent(db: Db, id: string) {
  const row = await findLifeEvent(db, { id });
  if (!row) throw new AppError('LIFE_EVENT_NOT_FOUND');
  return { id: row.id, code: row.code, name: row.name, nameEn: row.name_en, audience: row.audience as 'person' | 'company', description: row.description, sortOrder: row.sort_order, itemIds: await findLifeEventItemIds(db, row.id) };
}
