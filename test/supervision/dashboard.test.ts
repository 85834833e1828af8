// The supervision room's big screen and the findings statistics over HTTP on a real server and database: the
// numbers agree with what is stored (counted independently here), a case going overdue shows up today, every
// unit, count and finding lies inside the viewer's scope (a unit's head cannot open the big screen; an office
// watching one bureau sees only that bureau), bad queries are refused, and the Excel export opens with exceljs
// and holds the same numbers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { createTestApp, deliverEvents, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { act, applyFor, completeGuide, publishItem, unitIdByName } from '../services/fixtures.ts';
import { sweepDueSubjects } from '../../src/modules/supervision/index.ts';

const on = testDialect();
const DAY = 86_400_000;
const LEVELS = ['warning', 'yellow', 'red'] as const;
let app: TestApp;
let caseId: string;
let samrId: string;
let countyId: string;
let officeId: string;

before(async () => {
  // Monday 16 November 2026, 09:00 in China.
  app = await createTestApp({ startAt: new Date('2026-11-16T01:00:00Z') });
  const itemId = await publishItem(app, completeGuide({ promisedDays: 3, statutoryDays: 20 }));
  const head = await app.signIn('chen.jing');
  samrId = await unitIdByName(head, '县市场监督管理局');
  countyId = await unitIdByName(head, '示范县');
  officeId = await unitIdByName(head, '县纪委监委');
  const citizen = await app.signIn('liu.yang');
  caseId = (await applyFor(citizen, itemId)).id;
  assert.equal((await act(await app.signIn('deng.xiao'), caseId, { action: 'accept', opinion: '材料齐全' })).status, 200);
  await deliverEvents(app, 20);
  // Wednesday: the review step (due Tuesday) is overdue: a yellow card raised today.
  app.clock.advance(2 * DAY);
  await sweepDueSubjects({ db: app.platform.database.db, calendar: () => app.platform.calendar.getCalendar(), now: app.clock.now });
});
after(() => app.close());


type Counts = { warning: number; yellow: number; red: number; total: number };

function counts(rows: Array<{ level: string; count: number | string | bigint }>): Counts {
  const result: Counts = { warning: 0, yellow: 0, red: 0, total: 0 };
  for (const row of rows) {
    result[row.level as (typeof LEVELS)[number]] += Number(row.count);
    result.total += Number(row.count);
  }
  return result;
}

async function unitPath(unitId: string): Promise<string> {
  return (await app.platform.database.db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirstOrThrow()).path;
}

/** Findings stored between two China dates (inclusive) under a unit path, grouped as the test asks. */
async function storedFindings(from: string, to: string, underPath: string) {
  return app.platform.database.db
    .selectFrom('supervision_findings')
    .innerJoin('units', 'units.id', 'supervision_findings.unit_id')
    .select(['supervision_findings.unit_id', 'units.name', 'supervision_findings.category', 'supervision_findings.level', 'supervision_findings.raised_on', 'supervision_findings.status'])
    .where('supervision_findings.raised_on', '>=', from)
    .where('supervision_findings.raised_on', '<=', to)
    .where('units.path', 'like', `${underPath}%`)
    .execute();
}

async function dashboardOf(client: ApiClient) {
  const response = await client.get('/api/supervision/dashboard');
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body;
}

test(`${on}: the big screen counts what is stored, today's yellow card included, and ranks units by its stated rule`, async () => {
  const supervisor = await app.signIn('tang.zheng');
  const board = await dashboardOf(supervisor);
  assert.equal(board.today, '2026-11-18');
  assert.equal(board.from, '2026-10-20');
  assert.equal(board.windowDays, 30);
  assert.equal(board.scopeUnitName, '示范县');
  assert.equal(board.trend.length, 30);
  assert.equal(board.trend[0].date, '2026-10-20');
  assert.equal(board.trend.at(-1).date, '2026-11-18');

  const countyPath = await unitPath(countyId);
  const stored = await storedFindings('2026-10-20', '2026-11-18', countyPath);
  assert.ok(stored.length > 0);
  const today = stored.filter((row) => row.raised_on === '2026-11-18');
  assert.deepEqual(board.findingsToday, counts(today.map((row) => ({ level: row.level, count: 1 }))));
  assert.ok(board.findingsToday.yellow >= 1, 'the overdue review step raised a yellow card today');
  assert.deepEqual(board.findingsInWindow, counts(stored.map((row) => ({ level: row.level, count: 1 }))));
  for (const day of board.trend) {
    assert.deepEqual({ warning: day.warning, yellow: day.yellow, red: day.red, total: day.total }, counts(stored.filter((row) => row.raised_on === day.date).map((row) => ({ level: row.level, count: 1 }))), day.date);
  }

  // Per unit, with the market regulator's yellow card.
  const samr = board.byUnit.find((unit: { unitId: string }) => unit.unitId === samrId);
  assert.ok(samr && samr.yellow >= 1);
  for (const unit of board.byUnit) {
    assert.deepEqual({ warning: unit.warning, yellow: unit.yellow, red: unit.red, total: unit.total }, counts(stored.filter((row) => row.unit_id === unit.unitId).map((row) => ({ level: row.level, count: 1 }))), unit.unitName);
  }
  assert.equal(board.byUnit.reduce((sum: number, unit: Counts) => sum + unit.total, 0), stored.length);

  // Cases in progress, per unit, as stored.
  const running = await app.platform.database.db
    .selectFrom('cases')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .select(['cases.unit_id', sql<number>`count(*)`.as('count')])
    .where('cases.status', 'in', ['submitted', 'supplementing', 'in_progress', 'suspended'])
    .where('units.path', 'like', `${countyPath}%`)
    .groupBy('cases.unit_id')
    .execute();
  assert.equal(board.casesInProgress.total, running.reduce((sum, row) => sum + Number(row.count), 0));
  assert.deepEqual(
    board.casesInProgress.byUnit.map((unit: { unitId: string; count: number }) => [unit.unitId, unit.count]).sort(),
    running.map((row) => [row.unit_id, Number(row.count)]).sort(),
  );
  assert.ok(board.casesInProgress.byUnit.some((unit: { unitId: string; count: number }) => unit.unitId === samrId && unit.count >= 1));

  // The handling backlog: open findings wait for the unit, none has been answered yet.
  const open = await app.platform.database.db.selectFrom('supervision_findings').select(sql<number>`count(*)`.as('count')).where('status', '=', 'open').executeTakeFirstOrThrow();
  assert.deepEqual(board.handling, { awaitingAnswer: Number(open.count), awaitingReview: 0 });

  // The ranking follows its rule: weighted findings (1, 3, 5) per case, lowest first, shared ranks for ties.
  assert.deepEqual(board.ranking.weights, { warning: 1, yellow: 3, red: 5 });
  const units = board.ranking.units as Array<Counts & { rank: number; unitName: string; cases: number; weighted: number; perCase: number }>;
  assert.ok(units.length >= board.byUnit.length);
  for (const [index, unit] of units.entries()) {
    assert.equal(unit.weighted, unit.warning + 3 * unit.yellow + 5 * unit.red, unit.unitName);
    assert.equal(unit.perCase, Math.round((unit.weighted / Math.max(unit.cases, 1)) * 100) / 100, unit.unitName);
    if (index > 0) {
      const previous = units[index - 1]!;
      assert.ok(previous.perCase <= unit.perCase, 'lowest weighted findings per case first');
      assert.equal(unit.rank, previous.perCase === unit.perCase ? previous.rank : index + 1);
    } else assert.equal(unit.rank, 1);
  }
  const samrRanked = units.find((unit) => unit.unitName === '县市场监督管理局')!;
  assert.ok(samrRanked.cases >= 1 && samrRanked.yellow >= 1);

  // The newest 20 findings, newest first, the overdue case's among them.
  assert.ok(board.newest.length > 0 && board.newest.length <= 20);
  const raisedAt = board.newest.map((finding: { raisedAt: string }) => finding.raisedAt);
  assert.deepEqual(raisedAt, [...raisedAt].sort().reverse());
  const yellow = board.newest.find((finding: { subjectId: string; level: string }) => finding.subjectId === caseId && finding.level === 'yellow');
  assert.ok(yellow, 'the yellow card of the overdue case is among the newest');
  assert.equal(yellow.levelName, '黄牌');
  assert.equal(yellow.unitName, '县市场监督管理局');
  assert.equal(yellow.categoryName, '时效');

  // English names on request.
  supervisor.language = 'en';
  const english = await dashboardOf(supervisor);
  assert.equal(english.newest.find((finding: { id: string }) => finding.id === yellow.id).levelName, 'yellow card');
  supervisor.language = 'zh-CN';
});

test(`${on}: only supervising offices open the big screen, and each sees only what it oversees`, async () => {
  assert.equal((await app.client().get('/api/supervision/dashboard')).status, 401);
  assert.equal((await (await app.signIn('chen.jing')).get('/api/supervision/dashboard')).status, 403, "a unit's head does not oversee");
  assert.equal((await (await app.signIn('yang.lei')).get('/api/supervision/dashboard')).status, 403);
  assert.equal((await (await app.signIn('liu.yang')).get('/api/supervision/dashboard')).status, 403);
  const hallAdmin = await dashboardOf(await app.signIn('jiang.wen'));
  assert.equal(hallAdmin.scopeUnitName, null, 'an overseer granted everything sees everything');

  // The county's office now watches the market regulator only: nothing of another unit may appear.
  const db = app.platform.database.db;
  await db.updateTable('supervision_offices').set({ supervised_unit_id: samrId }).where('office_unit_id', '=', officeId).execute();
  try {
    const supervisor = await app.signIn('tang.zheng');
    const board = await dashboardOf(supervisor);
    assert.equal(board.scopeUnitName, '县市场监督管理局');
    const unitIds = new Set<string>([
      ...board.casesInProgress.byUnit.map((unit: { unitId: string }) => unit.unitId),
      ...board.byUnit.map((unit: { unitId: string }) => unit.unitId),
      ...board.ranking.units.map((unit: { unitId: string }) => unit.unitId),
      ...board.newest.map((finding: { unitId: string }) => finding.unitId),
    ]);
    assert.deepEqual([...unitIds], [samrId]);
    const stored = await storedFindings(board.from, board.today, await unitPath(samrId));
    assert.equal(board.findingsInWindow.total, stored.length);
    assert.ok(hallAdmin.findingsInWindow.total > stored.length, 'other units have findings the narrowed office no longer sees');

    const statistics = await supervisor.get('/api/supervision/statistics');
    assert.equal(statistics.status, 200);
    assert.ok(statistics.body.rows.every((row: { unitId: string }) => row.unitId === samrId));
    // Asking for a unit outside the office's reach gives nothing rather than that unit's numbers.
    const hrss = await unitIdByName(supervisor, '县人力资源和社会保障局');
    assert.equal((await supervisor.get(`/api/supervision/statistics?unitId=${hrss}&from=2026-10-01`)).body.totals.total, 0);
  } finally {
    await db.updateTable('supervision_offices').set({ supervised_unit_id: countyId }).where('office_unit_id', '=', officeId).execute();
  }

  // A unit's head reads the statistics of the own unit only.
  const head = await (await app.signIn('chen.jing')).get('/api/supervision/statistics?from=2026-10-01');
  assert.equal(head.status, 200);
  assert.ok(head.body.rows.length > 0);
  assert.ok(head.body.rows.every((row: { unitId: string }) => row.unitId === samrId));
  const other = await (await app.signIn('huang.yong')).get('/api/supervision/statistics?from=2026-10-01');
  assert.ok(other.body.rows.every((row: { unitId: string }) => row.unitId !== samrId));
  assert.equal((await (await app.signIn('liu.yang')).get('/api/supervision/statistics')).status, 403);
  assert.equal((await app.client().get('/api/supervision/statistics.xlsx')).status, 401);
});

test(`${on}: statistics count findings by unit, category and level over a period, with filters; bad queries are refused`, async () => {
  const supervisor = await app.signIn('tang.zheng');
  const countyPath = await unitPath(countyId);

  // Default: this month, to today.
  const month = await supervisor.get('/api/supervision/statistics');
  assert.equal(month.status, 200, JSON.stringify(month.body));
  assert.equal(month.body.from, '2026-11-01');
  assert.equal(month.body.to, '2026-11-18');
  const stored = await storedFindings('2026-11-01', '2026-11-18', countyPath);
  assert.equal(month.body.totals.total, stored.length);
  for (const row of month.body.rows) {
    const expected = counts(stored.filter((finding) => finding.unit_id === row.unitId && finding.category === row.category).map((finding) => ({ level: finding.level, count: 1 })));
    assert.deepEqual({ warning: row.warning, yellow: row.yellow, red: row.red, total: row.total }, expected, `${row.unitName} ${row.category}`);
  }
  assert.equal(month.body.rows.reduce((sum: number, row: Counts) => sum + row.total, 0), stored.length);
  assert.deepEqual(month.body.totals, counts(stored.map((finding) => ({ level: finding.level, count: 1 }))));
  assert.deepEqual(month.body.byCategory.map((row: { category: string }) => row.category), ['timeliness', 'legality', 'completeness', 'fees', 'discretion', 'offsystem']);
  assert.equal(month.body.byCategory.find((row: { category: string }) => row.category === 'timeliness').categoryName, '时效');
  const samrRows = month.body.rows.filter((row: { unitId: string }) => row.unitId === samrId);
  assert.ok(samrRows.some((row: Counts & { category: string }) => row.category === 'timeliness' && row.yellow >= 1));

  // Filters: one level, one category, one unit (and what is below it), one day.
  const yellow = await supervisor.get('/api/supervision/statistics?level=yellow');
  assert.equal(yellow.body.level, 'yellow');
  assert.equal(yellow.body.totals.total, stored.filter((finding) => finding.level === 'yellow').length);
  assert.equal(yellow.body.totals.warning + yellow.body.totals.red, 0);
  const timeliness = await supervisor.get('/api/supervision/statistics?category=timeliness');
  assert.equal(timeliness.body.totals.total, stored.filter((finding) => finding.category === 'timeliness').length);
  assert.deepEqual(timeliness.body.byCategory.map((row: { category: string }) => row.category), ['timeliness']);
  const unit = await supervisor.get(`/api/supervision/statistics?unitId=${samrId}`);
  assert.equal(unit.body.totals.total, stored.filter((finding) => finding.unit_id === samrId).length);
  const county = await supervisor.get(`/api/supervision/statistics?unitId=${countyId}`);
  assert.equal(county.body.totals.total, stored.length, 'a unit includes the units below it');
  const oneDay = await supervisor.get('/api/supervision/statistics?from=2026-11-18&to=2026-11-18');
  assert.equal(oneDay.body.totals.total, stored.filter((finding) => finding.raised_on === '2026-11-18').length);
  const empty = await supervisor.get('/api/supervision/statistics?from=2025-01-01&to=2025-01-31');
  assert.deepEqual(empty.body.totals, { warning: 0, yellow: 0, red: 0, total: 0 });
  assert.deepEqual(empty.body.rows, []);

  for (const query of ['from=2026-13-01', 'from=2026-11-18&to=2026-11-01', 'level=purple', 'category=nothing', 'unitId=abc', 'unitId=00000000-0000-4000-8000-000000000000', 'colour=red']) {
    const refused = await supervisor.get(`/api/supervision/statistics?${query}`);
    assert.equal(refused.status, 400, `${query}: ${JSON.stringify(refused.body)}`);
    assert.equal(refused.body.error.code, 'VALIDATION_FAILED', query);
  }
  assert.equal((await supervisor.get('/api/supervision/statistics.xlsx?level=purple')).status, 400);
});

test(`${on}: the statistics workbook opens with exceljs and holds the same numbers`, async () => {
  const supervisor = await app.signIn('tang.zheng');
  const json = (await supervisor.get('/api/supervision/statistics?from=2026-10-01')).body;
  const response = await supervisor.get('/api/supervision/statistics.xlsx?from=2026-10-01');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(response.headers.get('content-disposition') ?? '', /filename\*=UTF-8''%E7%94%B5%E5%AD%90%E7%9B%91%E5%AF%9F%E7%BB%9F%E8%AE%A1-2026-10-01_2026-11-18\.xlsx/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('监察统计');
  assert.ok(sheet);
  const values = (rowNumber: number) => (sheet.getRow(rowNumber).values as unknown[]).slice(1);
  assert.deepEqual(values(1), ['单位', '监察类别', '预警', '黄牌', '红牌', '合计']);
  assert.equal(sheet.rowCount, json.rows.length + 2);
  json.rows.forEach((row: Counts & { unitName: string; categoryName: string }, index: number) => {
    assert.deepEqual(values(index + 2), [row.unitName, row.categoryName, row.warning, row.yellow, row.red, row.total]);
  });
  const totals = values(json.rows.length + 2);
  assert.deepEqual([totals[0], totals[2], totals[3], totals[4], totals[5]], ['合计', json.totals.warning, json.totals.yellow, json.totals.red, json.totals.total]);
  assert.ok(json.totals.total > 0);

  // In English when asked.
  supervisor.language = 'en';
  const english = await supervisor.get('/api/supervision/statistics.xlsx?from=2026-10-01');
  const englishBook = new ExcelJS.Workbook();
  await englishBook.xlsx.load(english.body as unknown as ExcelJS.Buffer);
  assert.deepEqual((englishBook.getWorksheet('Findings')!.getRow(1).values as unknown[]).slice(1), ['Unit', 'Category', 'Warnings', 'Yellow cards', 'Red cards', 'Total']);
});
