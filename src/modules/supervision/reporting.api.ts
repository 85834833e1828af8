// Routes of the provincial delivery log.
import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../../core/http/pagination.ts';
import type { App } from '../../core/http/server.ts';
import { reportLogEntrySchema } from './reporting.schema.ts';
import { listReports, retryReport } from './reporting.service.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

/** Registers /api/supervision/reports. */
export function registerReportingRoutes(app: App, deps: SupervisionDeps): void {
  app.get('/api/supervision/reports', {
    schema: { tags: ['supervision'], summary: '上报省平台的记录 Reports to the provincial platform', querystring: z.object({ status: z.enum(['pending', 'sent', 'dead']).optional() }).extend(pageQuerySchema.shape), response: { 200: pageOf(reportLogEntrySchema) } },
  }, async (request) => {
    const { status, page, pageSize } = request.query;
    return { ...(await listReports(deps, request.actor, status, page, pageSize)), page, pageSize };
  });
  app.post('/api/supervision/reports/:id/retry', { schema: { tags: ['supervision'], summary: '重新上报 Retry a dead report', params: z.object({ id: z.string().min(1).max(64) }), response: { 200: reportLogEntrySchema } } }, async (request) =>
    retryReport(deps, request.actor, request.params.id),
  );
}
