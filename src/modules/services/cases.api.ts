// Routes of cases: applicants apply, follow and answer their cases; staff work their queue, act,
// register walk-ins and search; anyone looks up progress by case number and query code.
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { pageOf, pageQuerySchema } from '../../core/http/pagination.ts';
import type { App } from '../../core/http/server.ts';
import { reusableMaterialSchema } from './cases.schema.ts';
import { applicantActionInputSchema, applicationInputSchema, caseDetailSchema, caseFilterSchema, caseSummarySchema, lookupInputSchema, queueEntrySchema, queueFilterSchema, receiptSchema, staffActionInputSchema, supplyInputSchema, walkInInputSchema } from './cases.schema.ts';
import { actOnCase, registerWalkIn, submitApplication, supplyMaterials, withdrawCase, type CaseDeps } from './cases.service.ts';
import { getCaseForApplicant, getCaseForStaff, listMyCases, listQueue, listReusableMaterials, lookupCase, searchCases } from './cases.views.ts';

const idParams = z.object({ id: z.uuid() });
const versionResponse = z.object({ version: z.number() });
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,100}$/;

/** Registers /api/applications, /api/my/cases/*, /api/cases/* and /api/public/case-lookup. */
export function registerCaseRoutes(app: App, deps: CaseDeps): void {
  app.post('/api/applications', {
    schema: { tags: ['services'], summary: '提交申请（Idempotency-Key 防重复提交）Apply online', body: applicationInputSchema, response: { 200: receiptSchema.extend({ replayed: z.boolean() }) } },
  }, async (request) => {
    const header = request.headers['idempotency-key'];
    if (header !== undefined && (typeof header !== 'string' || !IDEMPOTENCY_KEY.test(header))) {
      throw new AppError('VALIDATION_FAILED', {}, [{ path: 'Idempotency-Key', message: '幂等键须为 8–100 个可见 ASCII 字符 / the idempotency key must be 8–100 printable ASCII characters' }]);
    }
    return submitApplication(deps, request.actor, request.body, header ?? null);
  });
  app.get('/api/my/cases', { schema: { tags: ['services'], summary: '我的办件 My cases', querystring: pageQuerySchema, response: { 200: pageOf(caseSummarySchema) } } }, async (request) => {
    const { page, pageSize } = request.query;
    return { ...(await listMyCases(deps, request.actor, page, pageSize)), page, pageSize };
  });
  app.get('/api/my/materials', { schema: { tags: ['services'], summary: '我提交过的材料（可复用）My earlier materials, for reuse', response: { 200: z.object({ items: z.array(reusableMaterialSchema) }) } } }, async (request) => ({
    items: await listReusableMaterials(deps, request.actor),
  }));
  app.get('/api/my/cases/:id', { schema: { tags: ['services'], summary: '我的办件详情 One of my cases', params: idParams, response: { 200: caseDetailSchema } } }, async (request) =>
    getCaseForApplicant(deps, request.actor, request.params.id, request.language),
  );
  app.post('/api/my/cases/:id/supply', { schema: { tags: ['services'], summary: '补正材料 Supply requested materials', params: idParams, body: supplyInputSchema, response: { 200: versionResponse } } }, async (request) =>
    supplyMaterials(deps, request.actor, request.params.id, request.body),
  );
  app.post('/api/my/cases/:id/withdraw', { schema: { tags: ['services'], summary: '撤回申请 Withdraw an application', params: idParams, body: applicantActionInputSchema, response: { 200: versionResponse } } }, async (request) =>
    withdrawCase(deps, request.actor, request.params.id, { version: request.body.version, reason: request.body.command.reason }),
  );

  app.get('/api/cases/queue', { schema: { tags: ['services'], summary: '我的待办 My work queue', querystring: queueFilterSchema.extend(pageQuerySchema.shape), response: { 200: pageOf(queueEntrySchema) } } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return { ...(await listQueue(deps, request.actor, filter, page, pageSize)), page, pageSize };
  });
  app.get('/api/cases', {
    schema: {
      tags: ['services'],
      summary: '办件综合查询（总数超过一万条时 totalCapped 为真）Search cases',
      querystring: caseFilterSchema.extend(pageQuerySchema.shape),
      response: { 200: pageOf(caseSummarySchema).extend({ totalCapped: z.boolean() }) },
    },
  }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return { ...(await searchCases(deps, request.actor, filter, page, pageSize)), page, pageSize };
  });
  app.post('/api/cases/walk-in', { schema: { tags: ['services'], summary: '窗口登记 Register a walk-in application', body: walkInInputSchema, response: { 200: receiptSchema } } }, async (request) =>
    registerWalkIn(deps, request.actor, request.body),
  );
  app.get('/api/cases/:id', { schema: { tags: ['services'], summary: '办件详情 A case', params: idParams, response: { 200: caseDetailSchema } } }, async (request) =>
    getCaseForStaff(deps, request.actor, request.params.id, request.language),
  );
  app.post('/api/cases/:id/actions', {
    schema: { tags: ['services'], summary: '办理操作（受理、补正、转交、退回、会签、决定、办结…）Act on a case', params: idParams, body: staffActionInputSchema, response: { 200: versionResponse } },
  }, async (request) => actOnCase(deps, request.actor, request.params.id, request.body.version, request.body.command));

  app.post('/api/public/case-lookup', {
    schema: { tags: ['public'], summary: '办件进度查询 Look up a case', body: lookupInputSchema },
    config: { csrf: false, rateLimit: { max: 20, timeWindow: 60_000 } },
  }, async (request) => lookupCase(deps, request.body.caseNumber, request.body.queryCode, request.language));
}
