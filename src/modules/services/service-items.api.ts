// Routes of service items: the console's catalogue management and the public catalogue.
import { z } from 'zod';
import type { Db } from '../../core/db/database.ts';
import { pageOf, pageQuerySchema } from '../../core/http/pagination.ts';
import type { App } from '../../core/http/server.ts';
import { itemDetailSchema, itemEditSchema, itemFilterSchema, itemInputSchema, itemSummarySchema, retireInputSchema, reviewInputSchema } from './service-items.schema.ts';
import { createItem, editItem, getItemForStaff, listItemsForStaff, retireItem, reviewItem, submitItem } from './service-items.service.ts';
import { readServicesSettings, servicesSettingsSchema, writeServicesSettings } from './services.settings.ts';
import { getPublishedGuide, listPublishedItems, listThemes, publicGuideSchema } from './service-catalogue.service.ts';

const idParams = z.object({ id: z.uuid() });
const ok = z.object({ ok: z.literal(true) });

/** Registers /api/service-items/* (staff), /api/public/service-items and themes, and the hall settings. */
export function registerServiceItemRoutes(app: App, deps: { db: Db; now: () => Date }): void {
  const { db, now } = deps;
  app.get('/api/service-items', { schema: { tags: ['services'], summary: '事项列表 Service items', querystring: itemFilterSchema.extend(pageQuerySchema.shape), response: { 200: pageOf(itemSummarySchema) } } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return { ...(await listItemsForStaff(db, request.actor, filter, page, pageSize, request.language)), page, pageSize };
  });
  app.post('/api/service-items', { schema: { tags: ['services'], summary: '新建事项 Create a service item', body: itemInputSchema, response: { 200: itemDetailSchema } } }, async (request) => {
    const { id } = await createItem(db, request.actor, request.body, now());
    return getItemForStaff(db, request.actor, id, request.language);
  });
  app.get('/api/service-items/:id', { schema: { tags: ['services'], summary: '事项详情 A service item', params: idParams, response: { 200: itemDetailSchema } } }, async (request) =>
    getItemForStaff(db, request.actor, request.params.id, request.language),
  );
  app.put('/api/service-items/:id', { schema: { tags: ['services'], summary: '编辑事项（已发布事项生成新版本）Edit a service item', params: idParams, body: itemEditSchema, response: { 200: itemDetailSchema } } }, async (request) => {
    await editItem(db, request.actor, request.params.id, request.body, now());
    return getItemForStaff(db, request.actor, request.params.id, request.language);
  });
  app.post('/api/service-items/:id/submit', { schema: { tags: ['services'], summary: '提交审核 Submit for review', params: idParams, response: { 200: itemDetailSchema } } }, async (request) => {
    await submitItem(db, request.actor, request.params.id, now());
    return getItemForStaff(db, request.actor, request.params.id, request.language);
  });
  app.post('/api/service-items/:id/review', { schema: { tags: ['services'], summary: '审核：发布或退回 Review: publish or return', params: idParams, body: reviewInputSchema, response: { 200: itemDetailSchema } } }, async (request) => {
    await reviewItem(db, request.actor, request.params.id, request.body, now());
    return getItemForStaff(db, request.actor, request.params.id, request.language);
  });
  app.post('/api/service-items/:id/retire', { schema: { tags: ['services'], summary: '停用事项 Retire a service item', params: idParams, body: retireInputSchema, response: { 200: ok } } }, async (request) => {
    await retireItem(db, request.actor, request.params.id, request.body.reason, now());
    return { ok: true as const };
  });

  app.get('/api/public/service-items', { schema: { tags: ['public'], summary: '公开事项目录 Public catalogue', querystring: itemFilterSchema.omit({ status: true }).extend(pageQuerySchema.shape), response: { 200: pageOf(itemSummarySchema) } } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return { ...(await listPublishedItems(db, filter, page, pageSize, request.language)), page, pageSize };
  });
  app.get('/api/public/service-items/:id', { schema: { tags: ['public'], summary: '办事指南 Service guide', params: idParams, response: { 200: publicGuideSchema } } }, async (request) =>
    getPublishedGuide(db, request.params.id, request.language),
  );
  app.get('/api/public/themes', { schema: { tags: ['public'], summary: '主题分类 Themes', response: { 200: z.object({ items: z.array(z.object({ code: z.string(), audience: z.string(), name: z.string(), itemCount: z.number() })) }) } } }, async (request) => ({
    items: await listThemes(db, request.language),
  }));
  app.get('/api/services/settings', { schema: { tags: ['services'], summary: '办事大厅设置 Service hall settings', response: { 200: servicesSettingsSchema } } }, async (request) => readServicesSettings(db, request.actor));
  app.put('/api/services/settings', { schema: { tags: ['services'], summary: '修改办事大厅设置 Change the service hall settings', body: servicesSettingsSchema, response: { 200: servicesSettingsSchema } } }, async (request) =>
    writeServicesSettings(db, request.actor, request.body),
  );
}
