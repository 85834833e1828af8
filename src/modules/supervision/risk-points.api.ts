// Routes of the integrity risk register (廉政风险点).
import { z } from 'zod';
import type { App } from '../../core/http/server.ts';
import { riskPointInputSchema, riskPointUpdateSchema, riskPointViewSchema } from './risk-points.schema.ts';
import { changeRiskPoint, createRiskPoint, listRiskPoints, removeRiskPoint } from './risk-points.service.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['supervision'];

/** Registers /api/supervision/risk-points. */
export function registerRiskPointRoutes(app: App, deps: SupervisionDeps): void {
  app.get('/api/supervision/risk-points', { schema: { tags, summary: '廉政风险点 The integrity risk register', querystring: z.object({ itemId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(riskPointViewSchema) }) } } }, async (request) => ({
    items: await listRiskPoints(deps, request.actor, request.query.itemId),
  }));
  app.post('/api/supervision/risk-points', { schema: { tags, summary: '登记风险点 Add a risk point', body: riskPointInputSchema, response: { 200: riskPointViewSchema } } }, async (request) =>
    createRiskPoint(deps, request.actor, request.body),
  );
  app.patch('/api/supervision/risk-points/:id', { schema: { tags, summary: '修改风险点 Change a risk point', params: idParams, body: riskPointUpdateSchema, response: { 200: riskPointViewSchema } } }, async (request) =>
    changeRiskPoint(deps, request.actor, request.params.id, request.body),
  );
  app.delete('/api/supervision/risk-points/:id', { schema: { tags, summary: '删除风险点 Remove a risk point', params: idParams, response: { 200: z.object({ deleted: z.literal(true) }) } } }, async (request) => {
    await removeRiskPoint(deps, request.actor, request.params.id);
    return { deleted: true as const };
  });
}
