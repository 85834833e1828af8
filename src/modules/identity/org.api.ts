// Routes of the division/unit tree.
import { z } from 'zod';
import type { Db } from '../../core/db/database.ts';
import type { App } from '../../core/http/server.ts';
import { changeUnit, createUnit, listUnitTree } from './org.service.ts';
import { createUnitSchema, unitViewSchema, updateUnitSchema } from './org.schema.ts';

/** Registers /api/org/*. */
export function registerOrgRoutes(app: App, deps: { db: Db }): void {
  app.get('/api/org/tree', { schema: { tags: ['identity'], summary: '区划与单位树 Division and unit tree', response: { 200: z.object({ items: z.array(unitViewSchema) }) } } }, async (request) => ({
    items: await listUnitTree(deps.db, request.actor),
  }));
  app.post('/api/org/units', { schema: { tags: ['identity'], summary: '新增区划或单位 Add a division or unit', body: createUnitSchema, response: { 200: unitViewSchema } } }, async (request) =>
    createUnit(deps.db, request.actor, request.body),
  );
  app.patch('/api/org/units/:id', { schema: { tags: ['identity'], summary: '修改单位 Change a unit', params: z.object({ id: z.uuid() }), body: updateUnitSchema, response: { 200: unitViewSchema } } }, async (request) =>
    changeUnit(deps.db, request.actor, request.params.id, request.body),
  );
}
