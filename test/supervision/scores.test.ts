// Performance scores (绩效考核) over HTTP: a unit whose case ran late, drew cards and a bad rating scores by the
// configured formula; the ranking is ordered, scoped and exported to Excel; the office changes the formula;
// and a past month recomputed later — after new findings and after its own findings were handled — is the same.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { after, before, test } from 'node:test';
import { createTestApp, deliverEvents, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { act, applyFor, completeGuide, publishItem } from '../services/fixtures.ts';
import { sweepDueSubjects } from '../../src/modules/supervision/index.ts';

const on = testDialect();
const DAY = 86_400_000;
let app: TestApp;
let itemId: string;

before(async () => {
  // Monday 16 November 2026, 09:00 in China.
  app = await createTestApp({ startAt: new Date('2026-11-16T01:00:00Z') });
  itemId = await publishItem(app, completeGuide({ promisedDays: 3 }));
});
after(() => app.close());

const sweep = () => sweepDueSubjects({ db: app.platform.database.db, calendar: () => app.platform.calendar.getCalendar(), now: app.clock.now });

interface Row { rank: number; unitName: string; total: number; onTimeScore: number; satisfactionScore: number; disciplineScore: number; warnings: number; yellowCards: number; redCards: number; complaints: number; overdueTasks: number; casesEnded: number; casesLate: number; ratings: number; averageRating: number | null }

async function scores(client: ApiClient, period: string): Promise<{ items: Row[]; formula: { weights: Record<string, number>; deductions: Record<string, number> } }> {
  const response = await client.get(`/api/supervision/scores?period=${period}`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body;
}

test(`${on}: a late case with cards and a bad rating lowers its unit's score by the formula; the ranking is ordered and scoped`, async () => {
  const citizen = await app.signIn('liu.yang');
  const window = await app.signIn('deng.xiao');
  const caseId = (await applyFor(citizen, itemId)).id;
  assert.equal((await act(window, caseId, { action: 'accept', opinion: '' })).status, 200);
  await deliverEvents(app);
  app.clock.advance(14 * DAY); // Monday 30 November: case and step far overdue
  await sweep();
  assert.equal((await act(await app.signIn('yang.lei'), caseId, { action: 'forward', opinion: '' })).status, 200);
  assert.equal((await act(await app.signIn('chen.jing'), caseId, { action: 'approve', opinion: '准予' })).status, 200);
  assert.equal((await act(await app.signIn('deng.xiao'), caseId, { action: 'conclude', opinion: '' })).status, 200);
  await deliverEvents(app);
  const rater = await app.signIn('liu.yang');
  assert.equal((await rater.post(`/api/my/cases/${caseId}/rating`, { level: 'dissatisfied', comment: '太慢了' })).status, 200);

  const supervisor = await app.signIn('tang.zheng');
  const november = await scores(supervisor, '2026-11');
  const samr = november.items.find((row) => row.unitName === '县市场监督管理局')!;
  assert.ok(samr.redCards >= 2 && samr.yellowCards >= 2, JSON.stringify(samr));
  assert.ok(samr.casesLate >= 1 && samr.ratings >= 1);
  const { weights, deductions } = november.formula;
  const discipline = Math.max(0, 100 - (samr.warnings * deductions.warning! + samr.yellowCards * deductions.yellow! + samr.redCards * deductions.red! + samr.complaints * deductions.complaint! + samr.overdueTasks * deductions.overdueTask!));
  assert.equal(samr.disciplineScore, Math.round(discipline * 100) / 100);
  assert.equal(samr.satisfactionScore, Math.round((((samr.averageRating ?? 0) - 1) / 4) * 100 * 100) / 100);
  assert.equal(samr.total, Math.round((weights.onTime! * samr.onTimeScore + weights.satisfaction! * samr.satisfactionScore + weights.discipline! * samr.disciplineScore) * 100) / 100);
  assert.ok(november.items.length >= 10, 'every department and hall of the county is ranked');
  for (let index = 1; index < november.items.length; index += 1) {
    assert.ok(november.items[index - 1]!.total >= november.items[index]!.total);
    assert.ok(november.items[index]!.rank >= november.items[index - 1]!.rank);
  }
  assert.ok(samr.rank > 1, 'the unit with cards is not first');

  const own = await scores(await app.signIn('chen.jing'), '2026-11');
  assert.deepEqual(own.items.map((row) => row.unitName), ['县市场监督管理局'], 'a unit sees its own row');
  assert.equal((await rater.get('/api/supervision/scores?period=2026-11')).status, 403);
  assert.equal((await supervisor.get('/api/supervision/scores?period=2026-13')).status, 400);
  assert.equal((await supervisor.get('/api/supervision/scores')).body.period, '2026-11', 'without a period: the current month in China');
  assert.equal((await supervisor.get('/api/supervision/scores?period=last-month')).status, 400);
  const quarter = await scores(supervisor, '2026-Q4');
  assert.ok(quarter.items.find((row) => row.unitName === '县市场监督管理局')!.redCards >= samr.redCards);

  const exported = await supervisor.get('/api/supervision/scores/export.xlsx?period=2026-11');
  assert.equal(exported.status, 200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(exported.body);
  const sheet = workbook.worksheets[0]!;
  assert.equal(sheet.getRow(1).getCell(2).value, '单位');
  assert.equal(sheet.rowCount, november.items.length + 1);
  const samrRow = sheet.getRows(2, november.items.length)!.find((row) => row.getCell(2).value === '县市场监督管理局')!;
  assert.equal(samrRow.getCell(3).value, samr.total);
});

test(`${on}: the office sets the formula; bad formulas are refused; a past month recomputed later is the same`, async () => {
  const supervisor = await app.signIn('tang.zheng');
  const head = await app.signIn('chen.jing');
  const formula = { weights: { onTime: 0.5, satisfaction: 0.2, discipline: 0.3 }, deductions: { warning: 1, yellow: 3, red: 10, complaint: 5, overdueTask: 5 } };
  assert.equal((await head.put('/api/supervision/score-formula', formula)).status, 403);
  assert.equal((await supervisor.put('/api/supervision/score-formula', { ...formula, weights: { onTime: 0.5, satisfaction: 0.5, discipline: 0.5 } })).status, 400);
  assert.equal((await supervisor.put('/api/supervision/score-formula', { ...formula, deductions: { ...formula.deductions, red: -1 } })).status, 400);
  assert.equal((await supervisor.put('/api/supervision/score-formula', formula)).status, 200);
  assert.deepEqual((await head.get('/api/supervision/score-formula')).body, formula);

  const november = await scores(supervisor, '2026-11');
  assert.deepEqual(november.formula, formula);

  // December: a new case runs late and draws cards; November's own red card is answered and accepted.
  app.clock.advance(2 * DAY);
  const citizen = await app.signIn('liu.yang');
  const window = await app.signIn('deng.xiao');
  const fresh = (await applyFor(citizen, itemId)).id;
  assert.equal((await act(window, fresh, { action: 'accept', opinion: '' })).status, 200);
  await deliverEvents(app);
  app.clock.advance(10 * DAY);
  await sweep();
  const owner = await app.signIn('chen.jing');
  const office = await app.signIn('tang.zheng');
  const red = (await owner.get('/api/supervision/findings?level=red&status=open&pageSize=100')).body.items.find((finding: { raisedOn: string }) => finding.raisedOn < '2026-12-01');
  assert.ok(red);
  assert.equal((await owner.post(`/api/supervision/findings/${red.id}/response`, { kind: 'rectify', text: '已加强时限管理' })).status, 200);
  assert.equal((await office.post(`/api/supervision/findings/${red.id}/review`, { decision: 'accept', opinion: '同意' })).status, 200);

  assert.deepEqual(await scores(office, '2026-11'), november, 'recomputing November gives the same scores');
  const december = await scores(office, '2026-12');
  assert.ok(december.items.find((row) => row.unitName === '县市场监督管理局')!.redCards >= 1);
});
