// The public catalogue: published items by theme, department, life event or search, and the
// complete guide of one item as citizens read it. No sign-in needed; nothing unpublished shows.
import { z } from 'zod';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { processDefinitionSchema } from './process.schema.ts';
import { THEMES } from './service-catalogue.ts';
import { serviceGuideSchema } from './service-guide.schema.ts';
import { itemSummarySchema, type ItemSummary } from './service-items.schema.ts';
import { findLifeEvents } from './life-events.repository.ts';
import { countPublishedByTheme, findItemById, findItems, findVersionById, type ItemFilter } from './service-items.repository.ts';
import { presentItemSummary, readVersionBody } from './service-items.service.ts';

export const publicGuideSchema = itemSummarySchema.extend({ versionNo: z.number(), guide: serviceGuideSchema, process: processDefinitionSchema });

/** A page of published items. */
export async function listPublishedItems(db: Db, filter: Omit<ItemFilter, 'status'>, page: number, pageSize: number, language: 'zh' | 'en' = 'zh'): Promise<{ items: ItemSummary[]; total: number }> {
  const { items, total } = await findItems(db, null, { ...filter, status: 'published' }, page, pageSize);
  return { items: items.map((row) => presentItemSummary(row, language)), total };
}

/** The published guide and process of an item (404 for drafts and retired items). */
export async function getPublishedGuide(db: Db, id: string, language: 'zh' | 'en' = 'zh'): Promise<z.infer<typeof publicGuideSchema>> {
  const item = await findItemById(db, id);
  if (!item || item.status !== 'published' || !item.published_version_id) throw new AppError('ITEM_NOT_FOUND');
  const version = await findVersionById(db, item.published_version_id);
  if (!version) throw new AppError('ITEM_NOT_FOUND');
  return { ...presentItemSummary(item, language), versionNo: version.version_no, ...readVersionBody(version) };
}

/** Every theme with its number of published items. */
export async function listThemes(db: Db, language: 'zh' | 'en' = 'zh') {
  const counts = await countPublishedByTheme(db);
  return THEMES.map((theme) => ({ code: theme.code, audience: theme.audience, name: theme[language], itemCount: counts.get(theme.code) ?? 0 }));
}

/** Every life event (一件事) with its number of published items. */
export async function listLifeEvents(db: Db, language: 'zh' | 'en' = 'zh') {
  const rows = await findLifeEvents(db);
  return rows.map((row) => ({ id: row.id, code: row.code, name: language === 'en' ? (row.name_en ?? row.name) : row.name, audience: row.audience, description: row.description, itemCount: Number(row.item_count) }));
}
