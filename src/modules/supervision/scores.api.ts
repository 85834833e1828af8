// Routes of the performance scores (绩效考核): the ranking of a period, its Excel export, the formula.
import { z } from 'zod';
import { todayInChina } from '../../core/calendar/working-days.ts';
import { sendWorkbook } from '../../core/http/excel-export.ts';
import type { App } from '../../core/http/server.ts';
import { periodSchema, scoreFormulaSchema, scoresViewSchema } from './scores.schema.ts';
import { getScoreFormula, listScores, saveScoreFormula } from './scores.service.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

/** The current month in China, the period asked for when none is given. */
function currentMonth(deps: SupervisionDeps): string {
  return todayInChina(deps.now()).slice(0, 7);
}

const tags = ['supervision'];
const periodQuery = z.object({ period: periodSchema.optional() });

/** Registers /api/supervision/scores and /api/supervision/score-formula. */
export function registerScoreRoutes(app: App, deps: SupervisionDeps): void {
  app.get('/api/supervision/scores', { schema: { tags, summary: '绩效考核排名 Performance scores of a period', querystring: periodQuery, response: { 200: scoresViewSchema } } }, async (request) =>
    listScores(deps, request.actor, request.query.period ?? currentMonth(deps)),
  );
  app.get('/api/supervision/scores/export.xlsx', { schema: { tags, summary: '导出绩效考核排名 Export the ranking to Excel', querystring: periodQuery } }, async (request, reply) => {
    const scores = await listScores(deps, request.actor, request.query.period ?? currentMonth(deps));
    return sendWorkbook(reply, {
      fileName: `绩效考核-${scores.period}.xlsx`,
      sheetName: `绩效考核 ${scores.period}`,
      columns: [
        { header: '名次', key: 'rank', width: 6 },
        { header: '单位', key: 'unitName', width: 26 },
        { header: '总分', key: 'total', width: 8 },
        { header: '按时办结得分', key: 'onTimeScore' },
        { header: '满意度得分', key: 'satisfactionScore' },
        { header: '监察得分', key: 'disciplineScore' },
        { header: '办结件数', key: 'casesEnded' },
        { header: '超期办结', key: 'casesLate' },
        { header: '评价数', key: 'ratings' },
        { header: '平均评价', key: 'averageRating' },
        { header: '预警', key: 'warnings' },
        { header: '黄牌', key: 'yellowCards' },
        { header: '红牌', key: 'redCards' },
        { header: '投诉', key: 'complaints' },
        { header: '督办超期', key: 'overdueTasks' },
      ],
      rows: scores.items,
    });
  });
  app.get('/api/supervision/score-formula', { schema: { tags, summary: '考核公式 The scoring formula', response: { 200: scoreFormulaSchema } } }, async (request) => getScoreFormula(deps, request.actor));
  app.put('/api/supervision/score-formula', { schema: { tags, summary: '设置考核公式 Set the scoring formula', body: scoreFormulaSchema, response: { 200: scoreFormulaSchema } } }, async (request) =>
    saveScoreFormula(deps, request.actor, request.body),
  );
}
