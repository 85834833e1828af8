// JSON routes of the supervision room's big screen and the findings statistics, and the statistics as Excel.
import { sendWorkbook } from '../../core/http/excel-export.ts';
import type { App } from '../../core/http/server.ts';
import { computeFindingStatistics, getSupervisionDashboard } from './dashboard.service.ts';
import { dashboardSchema, findingStatisticsSchema, statisticsQuerySchema, type FindingStatistics } from './dashboard.schema.ts';
import type { SupervisionDeps } from './supervision.deps.ts';
import type { Language } from '../../core/errors/app-error.ts';

const tags = ['supervision'];

const HEADERS = {
  zh: { unit: '单位', category: '监察类别', warning: '预警', yellow: '黄牌', red: '红牌', total: '合计', all: '合计', sheet: '监察统计', file: '电子监察统计' },
  en: { unit: 'Unit', category: 'Category', warning: 'Warnings', yellow: 'Yellow cards', red: 'Red cards', total: 'Total', all: 'Total', sheet: 'Findings', file: 'supervision-statistics' },
} as const;

/** The statistics' rows as sheet rows: one per unit and category, then the total. */
function workbookOf(statistics: FindingStatistics, language: Language) {
  const text = HEADERS[language];
  return {
    fileName: `${text.file}-${statistics.from}_${statistics.to}.xlsx`,
    sheetName: text.sheet,
    columns: [
      { header: text.unit, key: 'unitName', width: 28 },
      { header: text.category, key: 'categoryName', width: 16 },
      { header: text.warning, key: 'warning', width: 10 },
      { header: text.yellow, key: 'yellow', width: 10 },
      { header: text.red, key: 'red', width: 10 },
      { header: text.total, key: 'total', width: 10 },
    ],
    rows: [...statistics.rows, { unitName: text.all, categoryName: '', ...statistics.totals }],
  };
}

/** Registers /api/supervision/dashboard, /api/supervision/statistics and /api/supervision/statistics.xlsx. */
export function registerSupervisionDashboardRoutes(app: App, deps: SupervisionDeps): void {
  app.get(
    '/api/supervision/dashboard',
    {
      schema: {
        tags,
        summary: '监察大屏 Big screen of the supervision room (supervision.oversee)',
        description: 'Cases in progress by unit, findings today and per day over the last 30 days, findings by unit, the units ranked by weighted findings per case (预警 1, 黄牌 3, 红牌 5) and the newest 20 findings, all within the part of the organisation the office oversees.',
        response: { 200: dashboardSchema },
      },
    },
    async (request) => getSupervisionDashboard(deps, request.actor, request.language),
  );
  app.get(
    '/api/supervision/statistics',
    {
      schema: {
        tags,
        summary: '监察统计 Findings by unit, category and level',
        description: 'Findings raised from `from` to `to` (China dates, inclusive; this month by default), within the reader\'s finding scope; `unitId` includes the units below it.',
        querystring: statisticsQuerySchema,
        response: { 200: findingStatisticsSchema },
      },
    },
    async (request) => computeFindingStatistics(deps, request.actor, request.query, request.language),
  );
  app.get(
    '/api/supervision/statistics.xlsx',
    { schema: { tags, summary: '导出监察统计 Findings statistics as Excel', querystring: statisticsQuerySchema, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } },
    async (request, reply) => sendWorkbook(reply, workbookOf(await computeFindingStatistics(deps, request.actor, request.query, request.language), request.language)),
  );
}
