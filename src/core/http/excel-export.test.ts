// The export helper writes a workbook exceljs can read back: header row, values, formula neutralising, limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { AppError } from '../errors/app-error.ts';
import { attachmentDisposition, buildWorkbook, MAX_EXPORT_ROWS, neutraliseCellText, sendWorkbook, XLSX_CONTENT_TYPE } from './excel-export.ts';

const columns = [
  { header: '序号', key: 'seq' },
  { header: '姓名', key: 'name' },
  { header: '备注', key: 'note', width: 30 },
];

async function readBack(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  assert.ok(sheet);
  return sheet;
}

test('builds a sheet with a bold, frozen, filtered header row and the values', async () => {
  const bytes = await buildWorkbook({
    sheetName: '审计日志',
    columns,
    rows: [
      { seq: 1, name: '张三', note: '正常' },
      { seq: 2, name: '李四', note: null, ignored: 'x' },
    ],
  });
  const sheet = await readBack(bytes);
  assert.equal(sheet.name, '审计日志');
  assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['序号', '姓名', '备注']);
  assert.equal(sheet.getRow(1).getCell(1).font?.bold, true);
  assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1), [1, '张三', '正常']);
  assert.equal(sheet.getRow(3).getCell(2).value, '李四');
  assert.equal(sheet.getRow(3).getCell(3).value, null);
  assert.equal(sheet.rowCount, 3);
  assert.equal(sheet.views[0]?.state, 'frozen');
  assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 1);
  assert.ok(sheet.autoFilter, 'header has an auto filter');
  assert.equal(sheet.getColumn(3).width, 30);
  assert.ok((sheet.getColumn(2).width ?? 0) >= 6);
});

test('neutralises text that a spreadsheet would run as a formula', async () => {
  const dangerous = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
  for (const text of dangerous) assert.equal(neutraliseCellText(text), `'${text}`);
  assert.equal(neutraliseCellText('普通文本 = 1'), '普通文本 = 1');
  const bytes = await buildWorkbook({ sheetName: 's', columns, rows: dangerous.map((note, i) => ({ seq: i, name: note, note })) });
  const sheet = await readBack(bytes);
  for (const [i, text] of dangerous.entries()) {
    const cell = sheet.getRow(i + 2).getCell(3);
    // XML stores a carriage return as a line feed; what matters is the leading apostrophe.
    assert.equal(cell.value, `'${text.replace('\r', '\n')}`);
    assert.equal(cell.formula, undefined);
  }
  // Numbers stay numbers (a negative amount is not text).
  const numbers = await readBack(await buildWorkbook({ sheetName: 's', columns, rows: [{ seq: -5, name: 'x', note: { a: 1 } }] }));
  assert.equal(numbers.getRow(2).getCell(1).value, -5);
  assert.equal(numbers.getRow(2).getCell(3).value, '{"a":1}');
});

test('refuses more than MAX_EXPORT_ROWS rows', async () => {
  const rows = Array.from({ length: MAX_EXPORT_ROWS + 1 }, (_, i) => ({ seq: i }));
  await assert.rejects(buildWorkbook({ sheetName: 's', columns, rows }), (error: unknown) => error instanceof AppError && error.code === 'EXPORT_TOO_MANY_ROWS');
});

test('Content-Disposition carries an ASCII fallback and the encoded Chinese name', () => {
  assert.equal(
    attachmentDisposition('审计日志-2026-10-01'),
    `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('审计日志-2026-10-01.xlsx')}`,
  );
  assert.equal(attachmentDisposition('audit-log.xlsx'), `attachment; filename="audit-log.xlsx"; filename*=UTF-8''audit-log.xlsx`);
  assert.match(attachmentDisposition(`a"b'(c).xlsx`), /filename="export\.xlsx"; filename\*=UTF-8''a%22b%27%28c%29\.xlsx$/);
});

test('sendWorkbook sets the headers and sends the bytes', async () => {
  const headers: Record<string, string> = {};
  let sent: Buffer | undefined;
  const reply = {
    header(key: string, value: string) {
      headers[key.toLowerCase()] = value;
      return reply;
    },
    send(payload: Buffer) {
      sent = payload;
      return reply;
    },
  };
  const returned = await sendWorkbook(reply, { fileName: '工作日历', sheetName: '日历', columns, rows: [{ seq: 1, name: 'a', note: 'b' }] });
  assert.equal(returned, reply);
  assert.equal(headers['content-type'], XLSX_CONTENT_TYPE);
  assert.match(headers['content-disposition'] ?? '', /^attachment; filename="export\.xlsx"; filename\*=UTF-8''%E5%B7%A5/);
  assert.ok(sent);
  const sheet = await readBack(sent);
  assert.equal(sheet.getRow(2).getCell(2).value, 'a');
});
