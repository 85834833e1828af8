// JSON routes of electronic supervision: the rules, the findings and their handling.
import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../../core/http/pagination.ts';
import type { App } from '../../core/http/server.ts';
import { getFinding, listFindings, respondToFinding, reviewFinding } from './findings.service.ts';
import { changeRule, createRuleOverride, listRules, removeRuleOverride } from './rules.service.ts';
import { createRuleInputSchema, findingDetailSchema, findingFilterSchema, findingViewSchema, respondInputSchema, reviewInputSchema, ruleViewSchema, updateRuleInputSchema } from './supervision.schema.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['supervision'];

/** Registers /api/supervision/*. */
export function registerSupervisionRoutes(app: App, deps: SupervisionDeps): void {
  app.get('/api/supervision/rules', { schema: { tags, summary: '监察规则 Supervision rules', response: { 200: z.object({ items: z.array(ruleViewSchema) }) } } }, async (request) => ({
    items: await listRules(deps, request.actor),
  }));
  app.post('/api/supervision/rules', { schema: { tags, summary: '为事项单独设置规则 Override a rule for one item', body: createRuleInputSchema, response: { 200: ruleViewSchema } } }, async (request) =>
    createRuleOverride(deps, request.actor, request.body),
  );
  app.patch('/api/supervision/rules/:id', { schema: { tags, summary: '修改监察规则 Change a rule', params: idParams, body: updateRuleInputSchema, response: { 200: ruleViewSchema } } }, async (request) =>
    changeRule(deps, request.actor, request.params.id, request.body),
  );
  app.delete('/api/supervision/rules/:id', { schema: { tags, summary: '删除事项单独设置 Remove an item override', params: idParams, response: { 200: z.object({ deleted: z.literal(true) }) } } }, async (request) => {
    await removeRuleOverride(deps, request.actor, request.params.id);
    return { deleted: true as const };
  });

  app.get('/api/supervision/findings', { schema: { tags, summary: '监察记录（预警、黄牌、红牌） Findings', querystring: findingFilterSchema.extend(pageQuerySchema.shape), response: { 200: pageOf(findingViewSchema) } } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return { ...(await listFindings(deps, request.actor, filter, page, pageSize)), page, pageSize };
  });
  app.get('/api/supervision/findings/:id', { schema: { tags, summary: '监察记录及处理过程 A finding and its history', params: idParams, response: { 200: findingDetailSchema } } }, async (request) =>
    getFinding(deps, request.actor, request.params.id),
  );
  app.post('/api/supervision/findings/:id/response', { schema: { tags, summary: '申辩或整改 Explain or rectify', params: idParams, body: respondInputSchema, response: { 200: findingDetailSchema } } }, async (request) =>
    respondToFinding(deps, request.actor, request.params.id, request.body),
  );
  app.post('/api/supervision/findings/:id/review', { schema: { tags, summary: '审核申辩或整改 Accept or reject the answer', params: idParams, body: reviewInputSchema, response: { 200: findingDetailSchema } } }, async (request) =>
    reviewFinding(deps, request.actor, request.params.id, request.body),
  );
}
