// The item catalogue's Excel export and import through HTTP: sheets and rows of the export, a round trip that opens
// new draft versions, a row-by-row report that writes nothing, progress, 2 000 rows, scope, and files that are not
// the catalogue workbook. The job worker does not run in tests: each import's job is run with worker.runOnce().
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { samplePdf } from '../../src/core/files/test-support.ts';
import { makeCreditCode } from '../../src/core/ids/credit-code.ts';
import { demoUnits } from '../../src/modules/identity/index.ts';
import { createTestApp, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';

let app: TestApp;
const on = testDialect();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const creditCodeOf = (key: string) => demoUnits.find((unit) => unit.key === key)!.creditCode!;

const ITEM_HEADERS = ['实施主体', '统一社会信用代码', '基本编码', '业务办理项编码', '实施编码', '事项名称', '事项类型', '办件类型', '服务对象', '主题分类', '事项简介', '设定依据', '受理条件', '办理流程', '法定办结时限（工作日）', '承诺办结时限（工作日）', '是否收费', '办理地点', '办理时间', '咨询方式', '监督投诉方式', '到办事现场次数', '是否网上办理', '事项状态', '版本号'];
const MATERIAL_HEADERS = ['实施编码', '事项名称', '材料键名', '材料名称', '是否必需', '材料形式', '份数', '可替代的电子证照', '备注'];
const FEE_HEADERS = ['实施编码', '事项名称', '收费项目', '收费依据', '收费标准（元）'];

before(async () => {
  app = await createTestApp();
});
after(() => app.close());

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

async function toBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A workbook of the catalogue layout from rows given by header. */
async function buildWorkbook(sheets: { items: Array<Record<string, unknown>>; materials?: Array<Record<string, unknown>>; fees?: Array<Record<string, unknown>> }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, headers, rows] of [['事项', ITEM_HEADERS, sheets.items], ['申请材料', MATERIAL_HEADERS, sheets.materials ?? []], ['收费', FEE_HEADERS, sheets.fees ?? []]] as const) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([...headers]);
    for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? null));
  }
  return toBytes(workbook);
}

/** The header → value records of a sheet's data rows, with their row numbers. */
function sheetRecords(sheet: ExcelJS.Worksheet): Array<{ row: number; values: Record<string, unknown> }> {
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
  const records: Array<{ row: number; values: Record<string, unknown> }> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values: Record<string, unknown> = {};
    (row.values as unknown[]).forEach((value, index) => {
      if (headers[index]) values[headers[index]] = value;
    });
    records.push({ row: number, values });
  });
  return records;
}

/** A complete, valid new item row at a unit; `n` makes its basic code unique. */
function newItemRow(creditCode: string, n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    统一社会信用代码: creditCode, 基本编码: `88${String(n).padStart(10, '0')}`, 事项名称: `批量导入测试事项${n}`, 事项类型: '01 行政许可', 办件类型: '承诺件', 服务对象: '自然人、法人', 主题分类: '经营许可',
    事项简介: '导入测试', 设定依据: '《测试条例》第一条', 受理条件: '材料齐全', 办理流程: '申请→受理→审查→决定', '法定办结时限（工作日）': 20, '承诺办结时限（工作日）': 10, 是否收费: '否',
    办理地点: '政务服务中心', 办理时间: '工作日 9:00—17:00', 咨询方式: '0999-12345678', 监督投诉方式: '12345', 到办事现场次数: 1, 是否网上办理: '是', ...overrides,
  };
}

async function upload(client: ApiClient, bytes: Buffer, name = '事项目录.xlsx', type = XLSX) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  return client.post('/api/service-items/imports', form);
}

/** Uploads a workbook, runs its job and returns the finished import. */
async function importWorkbook(client: ApiClient, bytes: Buffer) {
  const started = await upload(client, bytes);
  assert.equal(started.status, 202, JSON.stringify(started.body));
  assert.equal(started.body.status, 'queued');
  await app.platform.worker.runOnce();
  const finished = await client.get(`/api/service-items/imports/${started.body.id}`);
  assert.equal(finished.status, 200, JSON.stringify(finished.body));
  return finished.body;
}

async function exportAs(client: ApiClient, query = '') {
  const response = await client.get(`/api/service-items/export.xlsx${query}`);
  assert.equal(response.status, 200, String(response.body));
  assert.equal(response.headers.get('content-type'), XLSX);
  return response.body as Buffer;
}

async function listAll(client: ApiClient) {
  const items: Array<{ id: string; name: string; implementationCode: string; status: string }> = [];
  for (let page = 1; ; page += 1) {
    const response = await client.get(`/api/service-items?pageSize=100&page=${page}`);
    items.push(...response.body.items);
    if (items.length >= response.body.total) return items;
  }
}

test(`${on}: the export has the three sheets, one row per item of the actor's scope, with a bold frozen header`, async () => {
  const head = await app.signIn('chen.jing');
  const workbook = await loadWorkbook(await exportAs(head));
  assert.deepEqual(workbook.worksheets.map((sheet) => sheet.name), ['事项', '申请材料', '收费']);
  const items = workbook.getWorksheet('事项')!;
  assert.deepEqual((items.getRow(1).values as unknown[]).slice(1), ITEM_HEADERS);
  assert.equal(items.getRow(1).font?.bold, true);
  assert.equal(items.views[0]?.state, 'frozen');
  assert.ok((items.getColumn(6).width ?? 0) >= 20, 'the name column is wide');
  const records = sheetRecords(items);
  const listed = await listAll(head);
  assert.equal(records.length, listed.length);
  assert.ok(records.every((record) => record.values['实施主体'] === '县市场监督管理局'), 'only the unit\'s own items');
  const licence = records.find((record) => record.values['事项名称'] === '食品经营许可');
  assert.ok(licence, 'the food licence is exported');
  assert.equal(licence.values['统一社会信用代码'], creditCodeOf('dept.samr'));
  assert.equal(licence.values['基本编码'], '000103010001');
  assert.equal(licence.values['事项类型'], '01 行政许可');
  assert.equal(licence.values['办件类型'], '承诺件');
  assert.equal(licence.values['服务对象'], '法人、自然人');
  assert.equal(licence.values['承诺办结时限（工作日）'], 5);
  assert.equal(licence.values['事项状态'], '已发布');
  const code = licence.values['实施编码'];
  const materials = sheetRecords(workbook.getWorksheet('申请材料')!).filter((record) => record.values['实施编码'] === code);
  assert.equal(materials.length, 5);
  assert.equal(materials[0]!.values['材料名称'], '食品经营许可申请书');
  const filtered = sheetRecords((await loadWorkbook(await exportAs(head, `?q=${encodeURIComponent('食品经营许可')}`))).getWorksheet('事项')!);
  assert.ok(filtered.length >= 1 && filtered.length < records.length, 'the list filters apply');
  assert.equal((await app.client().get('/api/service-items/export.xlsx')).status, 401);
});

test(`${on}: the exported workbook imports as is; a changed name opens a new draft version, the rest is unchanged`, async () => {
  const head = await app.signIn('chen.jing');
  const workbook = await loadWorkbook(await exportAs(head));
  const records = sheetRecords(workbook.getWorksheet('事项')!);
  const licence = records.find((record) => record.values['事项名称'] === '食品经营许可')!;
  workbook.getWorksheet('事项')!.getRow(licence.row).getCell(6).value = '食品经营许可（修订）';
  const before = await listAll(head);
  const done = await importWorkbook(head, await toBytes(workbook));
  assert.equal(done.status, 'done', JSON.stringify(done.report));
  assert.deepEqual(done.report, []);
  assert.deepEqual(done.counts, { created: 0, updated: 1, unchanged: records.length - 1 });
  assert.equal(done.percent, 100);
  assert.equal(done.processedRows, done.totalRows);
  const item = before.find((entry) => entry.implementationCode === licence.values['实施编码'])!;
  const detail = await head.get(`/api/service-items/${item.id}`);
  assert.equal(detail.body.version.versionNo, 2);
  assert.equal(detail.body.version.status, 'draft');
  assert.equal(detail.body.guide.name, '食品经营许可（修订）');
  assert.equal(detail.body.guide.materials.length, 5);
  assert.ok(detail.body.guide.form.length > 0, 'the application form is kept');
  assert.equal(detail.body.status, 'published', 'the published version stays public until the new one is published');
  assert.equal((await app.client().get(`/api/public/service-items/${item.id}`)).body.guide.name, '食品经营许可');
  assert.equal((await listAll(head)).length, before.length);
  const audit = await (await app.signIn('auditadmin')).get(`/api/audit?action=${encodeURIComponent('services.item.edit')}&pageSize=100`);
  assert.equal(audit.status, 200, JSON.stringify(audit.body));
  assert.equal(audit.body.items.filter((record: { subjectId: string }) => record.subjectId === item.id).length, 1, 'one audit record for the changed item');
});

test(`${on}: an item under review imports back unchanged but cannot be changed; a draft is changed in place`, async () => {
  const health = await app.signIn('zheng.hui');
  const workbook = await loadWorkbook(await exportAs(health));
  const records = sheetRecords(workbook.getWorksheet('事项')!);
  const inReview = records.find((record) => record.values['事项状态'] === '审核中');
  assert.ok(inReview, 'the demo health commission has an item under review');
  const unchanged = await importWorkbook(health, await toBytes(workbook));
  assert.equal(unchanged.status, 'done', JSON.stringify(unchanged.report));
  assert.deepEqual(unchanged.counts, { created: 0, updated: 0, unchanged: records.length });
  workbook.getWorksheet('事项')!.getRow(inReview.row).getCell(6).value = '审核中事项改名';
  const refused = await importWorkbook(health, await toBytes(workbook));
  assert.equal(refused.status, 'failed');
  assert.deepEqual(refused.report.map((entry: { row: number; column: string }) => [entry.row, entry.column]), [[inReview.row, '实施编码']]);
  assert.match(refused.report[0].message, /审核中/);

  const drc = await app.signIn('li.na');
  const drcBook = await loadWorkbook(await exportAs(drc));
  const draft = sheetRecords(drcBook.getWorksheet('事项')!).find((record) => record.values['事项状态'] === '草稿')!;
  drcBook.getWorksheet('事项')!.getRow(draft.row).getCell(6).value = '草稿事项改名';
  const done = await importWorkbook(drc, await toBytes(drcBook));
  assert.equal(done.status, 'done', JSON.stringify(done.report));
  assert.equal(done.counts.updated, 1);
  const item = (await drc.get(`/api/service-items?q=${encodeURIComponent('草稿事项改名')}`)).body.items[0];
  assert.ok(item, 'a draft\'s listing follows its guide');
  const detail = (await drc.get(`/api/service-items/${item.id}`)).body;
  assert.equal(detail.version.versionNo, 1, 'the working draft is updated in place');
  assert.equal(detail.history.length, 1);
});

test(`${on}: three bad rows are reported by sheet, row and column, and nothing is written`, async () => {
  const head = await app.signIn('chen.jing');
  const samr = creditCodeOf('dept.samr');
  const before = await listAll(head);
  const bytes = await buildWorkbook({
    items: [newItemRow(samr, 1), newItemRow(samr, 2, { 事项类型: '99 不存在的类型' }), newItemRow(samr, 3), newItemRow(samr, 4, { '承诺办结时限（工作日）': 400 })],
    materials: [
      { 实施编码: `880000000001${samr}`, 材料名称: '申请书', 是否必需: '是', 材料形式: '电子材料', 份数: 1 },
      { 实施编码: `880000000003${samr}`, 材料名称: '身份证明', 是否必需: '是', 材料形式: '原件', 份数: 1 },
      { 实施编码: 'NOSUCHCODE', 材料名称: '无主材料' },
    ],
    fees: [{ 实施编码: `880000000001${samr}`, 收费项目: '工本费', 收费依据: '物价文件', '收费标准（元）': 10 }],
  });
  const failed = await importWorkbook(head, bytes);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.percent, 100);
  assert.equal(failed.counts, null);
  assert.deepEqual(failed.report.map(({ sheet, row, column }: { sheet: string; row: number; column: string }) => ({ sheet, row, column })), [
    { sheet: '事项', row: 3, column: '事项类型' },
    { sheet: '事项', row: 5, column: '承诺办结时限（工作日）' },
    { sheet: '申请材料', row: 4, column: '实施编码' },
  ]);
  assert.match(failed.report[0].message, /事项类型“99 不存在的类型”不存在/);
  assert.match(failed.report[1].message, /0–365/);
  assert.match(failed.report[2].message, /NOSUCHCODE/);
  const after = await listAll(head);
  assert.equal(after.length, before.length, 'not even the good rows were imported');
  assert.ok(!after.some((item) => item.name.startsWith('批量导入测试事项')));
});

test(`${on}: another unit's items are refused in the report; the import is the uploader's own`, async () => {
  const head = await app.signIn('chen.jing');
  const bytes = await buildWorkbook({ items: [newItemRow(creditCodeOf('dept.samr'), 11), newItemRow(creditCodeOf('dept.hrss'), 12), newItemRow(makeCreditCode('11990121', 'MA7K3T9P'), 13), newItemRow('91000000MA0000000X', 14)] });
  const started = await upload(head, bytes);
  assert.equal(started.status, 202);
  const other = await app.signIn('huang.yong');
  assert.equal((await other.get(`/api/service-items/imports/${started.body.id}`)).status, 404, 'another user does not see the import');
  await app.platform.worker.runOnce();
  const failed = (await head.get(`/api/service-items/imports/${started.body.id}`)).body;
  assert.equal(failed.status, 'failed');
  assert.deepEqual(failed.report.map((entry: { row: number; column: string }) => [entry.row, entry.column]), [[3, '统一社会信用代码'], [4, '统一社会信用代码'], [5, '统一社会信用代码']]);
  assert.match(failed.report[0].message, /无权导入“县人力资源和社会保障局”的事项/);
  assert.match(failed.report[1].message, /找不到统一社会信用代码/);
  assert.match(failed.report[2].message, /不正确/);
  const window = await app.signIn('deng.xiao');
  assert.equal((await upload(window, bytes)).status, 403, 'a window clerk cannot import items');
});

test(`${on}: files that are not the catalogue workbook are refused with 400`, async () => {
  const head = await app.signIn('chen.jing');
  const pdf = await upload(head, samplePdf(), '事项.xlsx', 'application/pdf');
  assert.equal(pdf.status, 400);
  assert.equal(pdf.body.error.code, 'ITEM_IMPORT_NOT_EXCEL');
  const text = await upload(head, Buffer.from('事项名称,基本编码\n测试,1\n'), '事项.csv', 'text/csv');
  assert.equal(text.status, 400);
  assert.equal(text.body.error.code, 'ITEM_IMPORT_NOT_EXCEL');
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Sheet1');
  const noSheets = await upload(head, await toBytes(empty));
  assert.equal(noSheets.status, 400);
  assert.equal(noSheets.body.error.code, 'ITEM_IMPORT_SHEET_MISSING');
  assert.match(noSheets.body.error.message, /事项、申请材料、收费/);
  const noRows = await upload(head, await buildWorkbook({ items: [] }));
  assert.equal(noRows.status, 400);
  assert.equal(noRows.body.error.code, 'ITEM_IMPORT_EMPTY');
  const wrongHeaders = new ExcelJS.Workbook();
  for (const name of ['事项', '申请材料', '收费']) wrongHeaders.addWorksheet(name).addRow(['名称', '编码']);
  const missingHeaders = await upload(head, await toBytes(wrongHeaders));
  assert.equal(missingHeaders.status, 400);
  assert.equal(missingHeaders.body.error.code, 'ITEM_IMPORT_HEADERS_MISSING');
  assert.match(missingHeaders.body.error.message, /统一社会信用代码/);
  assert.equal((await head.post('/api/service-items/imports', { file: 'x' })).status, 400, 'JSON instead of an upload');
});

test(`${on}: a 2 000-row import completes, with progress moving in batches up to 100%`, async () => {
  const head = await app.signIn('chen.jing');
  const samr = creditCodeOf('dept.samr');
  const items = Array.from({ length: 2000 }, (_, index) => newItemRow(samr, 100_000 + index));
  const materials = items.flatMap((item) => [
    { 实施编码: `${String(item['基本编码'])}${samr}`, 材料键名: 'application_form', 材料名称: '申请书', 是否必需: '是', 材料形式: '电子材料', 份数: 1 },
    { 实施编码: `${String(item['基本编码'])}${samr}`, 材料名称: '身份证明', 是否必需: '否', 材料形式: '原件', 份数: 1 },
  ]);
  const fees = items.filter((_, index) => index % 10 === 0).map((item) => ({ 实施编码: `${String(item['基本编码'])}${samr}`, 收费项目: '工本费', 收费依据: '物价文件', '收费标准（元）': 12.5 }));
  for (const item of items.filter((_, index) => index % 10 === 0)) item['是否收费'] = '是';
  const bytes = await buildWorkbook({ items, materials, fees });
  const before = (await head.get('/api/service-items?pageSize=1')).body.total as number;

  let clock = performance.now();
  const started = await upload(head, bytes);
  const uploadMs = performance.now() - clock;
  assert.equal(started.status, 202, JSON.stringify(started.body));
  assert.equal(started.body.totalRows, 2000 + 4000 + 200);

  const seen: number[] = [];
  let running = true;
  const poll = (async () => {
    while (running) {
      const progress = await head.get(`/api/service-items/imports/${started.body.id}`);
      seen.push(progress.body.percent);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  clock = performance.now();
  await app.platform.worker.runOnce();
  const jobMs = performance.now() - clock;
  running = false;
  await poll;

  const done = (await head.get(`/api/service-items/imports/${started.body.id}`)).body;
  assert.equal(done.status, 'done', JSON.stringify(done.report?.slice(0, 5)));
  assert.deepEqual(done.counts, { created: 2000, updated: 0, unchanged: 0 });
  assert.equal(done.percent, 100);
  assert.equal(done.processedRows, 6200);
  assert.deepEqual(seen, [...seen].sort((a, b) => a - b), 'progress never goes back');
  assert.ok(seen.some((percent) => percent > 0 && percent < 100), `progress moved in between: ${[...new Set(seen)].join(',')}`);
  assert.equal((await head.get('/api/service-items?pageSize=1')).body.total, before + 2000);
  const one = (await head.get(`/api/service-items?q=${encodeURIComponent('批量导入测试事项100010')}`)).body.items[0];
  const detail = (await head.get(`/api/service-items/${one.id}`)).body;
  assert.equal(detail.status, 'draft');
  assert.deepEqual(detail.guide.fees, [{ name: '工本费', basis: '物价文件', amount: 12.5 }]);
  assert.deepEqual(detail.guide.materials.map((material: { key: string }) => material.key), ['application_form', 'material_1']);
  console.log(`# ${on}: 2 000 items (6 200 rows, ${Math.round(bytes.length / 1024)} KB): upload ${Math.round(uploadMs)} ms, job ${Math.round(jobMs)} ms, progress seen ${[...new Set(seen)].join(',')}`);
});
