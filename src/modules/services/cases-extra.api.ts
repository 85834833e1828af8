// More case routes: statistics, Excel export of a search, batch approval of 即办件, and drafts.
import { z } from 'zod';
import { describeError } from '../../core/errors/error-codes.ts';
import { sendWorkbook } from '../../core/http/excel-export.ts';
import type { App } from '../../core/http/server.ts';
import { contentDisposition } from '../../core/files/index.ts';
import { NOTICE_KINDS, renderNoticeOfCase } from './case-notices.service.ts';
import { batchApprove } from './cases.batch.ts';
import { caseFilterSchema, draftInputSchema } from './cases.schema.ts';
import { searchCases } from './cases.views.ts';
import { discardApplicationDraft, getApplicationDraft, listApplicationDrafts, saveApplicationDraft } from './drafts.service.ts';
import type { ServicesDeps } from './services.deps.ts';
import { computeStatistics, statisticsQuerySchema, statisticsSchema } from './statistics.service.ts';

const EXPORT_LIMIT = 5000;
const TIME_STATE_NAMES: Record<string, string> = { not_started: '未开始计时', normal: '正常', warning: '预警', overdue: '超期', paused: '暂停计时', stopped: '已结束' };
const CHANNEL_NAMES: Record<string, string> = { online: '网上申请', window: '窗口登记', pushed: '部门系统上报' };
const draftSchema = z.object({ id: z.string(), itemId: z.string(), itemName: z.string(), form: z.record(z.string(), z.union([z.string(), z.number(), z.null()])), materials: z.array(z.object({ materialKey: z.string(), fileIds: z.array(z.string()) })), updatedAt: z.string() });

/** Registers /api/cases/statistics, /api/cases/export.xlsx, /api/cases/batch-approve and /api/my/drafts/*. */
export function registerCaseExtraRoutes(app: App, deps: ServicesDeps): void {
  app.get('/api/cases/statistics', { schema: { tags: ['services'], summary: '办件统计 Case statistics', querystring: statisticsQuerySchema, response: { 200: statisticsSchema } } }, async (request) =>
    computeStatistics(deps, request.actor, request.query),
  );

  app.get('/api/cases/export.xlsx', { schema: { tags: ['services'], summary: '导出办件 Export cases to Excel', querystring: caseFilterSchema } }, async (request, reply) => {
    const { items } = await searchCases(deps, request.actor, request.query, 1, EXPORT_LIMIT);
    return sendWorkbook(reply, {
      fileName: '办件列表.xlsx',
      sheetName: '办件',
      columns: [
        { header: '办件编号', key: 'caseNumber', width: 26 },
        { header: '事项', key: 'itemName', width: 32 },
        { header: '办理单位', key: 'unitName', width: 24 },
        { header: '申请人', key: 'applicantName', width: 20 },
        { header: '渠道', key: 'channel', width: 12 },
        { header: '状态', key: 'statusName', width: 10 },
        { header: '时限状态', key: 'timeState', width: 10 },
        { header: '截止日期', key: 'caseDeadline', width: 12 },
        { header: '剩余工作日', key: 'remainingDays', width: 10 },
        { header: '提交时间', key: 'submittedAt', width: 24 },
      ],
      rows: items.map((item) => ({ ...item, channel: CHANNEL_NAMES[item.channel] ?? item.channel, timeState: TIME_STATE_NAMES[item.timeState] ?? item.timeState })),
    });
  });

  app.post('/api/cases/batch-approve', {
    schema: {
      tags: ['services'],
      summary: '即办件批量审批 Batch approval of on-the-spot cases',
      body: z.object({ cases: z.array(z.object({ caseId: z.uuid(), version: z.number().int().min(1) })).min(1).max(100), opinion: z.string().trim().max(500).default('同意') }),
      response: { 200: z.object({ results: z.array(z.object({ caseId: z.string(), ok: z.boolean(), code: z.string().nullable(), message: z.string().nullable() })) }) },
    },
  }, async (request) => ({ results: await batchApprove(deps, request.actor, request.body, (error) => describeError(error.code, request.language, error.params).message) }));

  app.get('/api/my/drafts', { schema: { tags: ['services'], summary: '我的草稿 My drafts', response: { 200: z.object({ items: z.array(draftSchema) }) } } }, async (request) => ({ items: await listApplicationDrafts(deps.db, request.actor) }));
  app.post('/api/my/drafts', { schema: { tags: ['services'], summary: '保存草稿 Save a draft', body: draftInputSchema.extend({ id: z.uuid().optional() }), response: { 200: draftSchema } } }, async (request) =>
    saveApplicationDraft(deps.db, request.actor, request.body, deps.now()),
  );
  app.get('/api/my/drafts/:id', { schema: { tags: ['services'], summary: '草稿 A draft', params: z.object({ id: z.uuid() }), response: { 200: draftSchema } } }, async (request) =>
    getApplicationDraft(deps.db, request.actor, request.params.id),
  );
  app.delete('/api/my/drafts/:id', { schema: { tags: ['services'], summary: '删除草稿 Discard a draft', params: z.object({ id: z.uuid() }), response: { 200: z.object({ ok: z.literal(true) }) } } }, async (request) => {
    await discardApplicationDraft(deps.db, request.actor, request.params.id);
    return { ok: true as const };
  });
}

/** Registers the PDF notices of a case for staff and for the applicant. */
export function registerCaseNoticeRoutes(app: App, deps: ServicesDeps): void {
  const params = z.object({ id: z.uuid(), kind: z.enum(NOTICE_KINDS) });
  for (const prefix of ['/api/cases', '/api/my/cases']) {
    app.get(`${prefix}/:id/notices/:kind`, { schema: { tags: ['services'], summary: '办件文书（PDF）Notice of a case as PDF', params } }, async (request, reply) => {
      const { pdf, fileName } = await renderNoticeOfCase(deps, request.actor, request.params.id, request.params.kind);
      return reply.type('application/pdf').header('content-disposition', contentDisposition(fileName)).send(pdf);
    });
  }
}
