// Routes of life events (一件事): the console's list and edits (/api/life-events) and the public list.
import { z } from 'zod';
import type { Db } from '../../core/db/database.ts';
import type { App } from '../../core/http/server.ts';
import { lifeEventInputSchema, lifeEventListSchema, lifeEventViewSchema, publicLifeEventListSchema } from './life-events.schema.ts';
import { changeLifeEvent, getLifeEvent, listLifeEventsForStaff, removeLifeEvent, saveLifeEvent } from './life-events.service.ts';
import { listLifeEvents } from './service-catalogue.service.ts';

const idParams = z.object({ id: z.uuid() });
const ok = z.object({ ok: z.literal(true) });

/** Registers /api/life-events (staff: list, save by code, read, change, delete) and /api/public/life-events. */
export function registerLifeEventRoutes(app: App, deps: { db: Db }): void {
  const { db } = deps;
  app.get('/api/life-events', { schema: { tags: ['services'], summary: '一件事列表（含事项）Life events with their items', response: { 200: lifeEventListSchema } } }, async (request) =>
    listLifeEventsForStaff(db, request.actor),
  );
  app.post('/api/life-events', { schema: { tags: ['services'], summary: '保存一件事（按编码新建或更新）Save a life event by code', body: lifeEventInputSchema, response: { 200: lifeEventViewSchema } } }, async (request) =>
    saveLifeEvent(db, request.actor, request.body),
  );
  app.get('/api/life-events/:id', { schema: { tags: ['services'], summary: '一件事详情 A life event', params: idParams, response: { 200: lifeEventViewSchema } } }, async (request) =>
    getLifeEvent(db, request.actor, request.params.id),
  );
  app.put('/api/life-events/:id', { schema: { tags: ['services'], summary: '修改一件事（可改编码）Change a life event', params: idParams, body: lifeEventInputSchema, response: { 200: lifeEventViewSchema } } }, async (request) =>
    changeLifeEvent(db, request.actor, request.params.id, request.body),
  );
  app.delete('/api/life-events/:id', { schema: { tags: ['services'], summary: '删除一件事（事项保留）Delete a life event', params: idParams, response: { 200: ok } } }, async (request) => {
    await removeLifeEvent(db, request.actor, request.params.id);
    return { ok: true as const };
  });
  app.get('/api/public/life-events', { schema: { tags: ['public'], summary: '一件事 Life events', response: { 200: publicLifeEventListSchema } } }, async (request) => ({
    items: await listLifeEvents(db, request.language),
  }));
}
