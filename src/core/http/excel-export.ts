// Every list's `/export.xlsx`: one sheet with a bold, frozen, filterable header row, sent as an attachment
// with a Chinese file name. Exports are capped at MAX_EXPORT_ROWS (50 000) rows: a bigger export is refused
// with EXPORT_TOO_MANY_ROWS (narrow the filters) rather than silently cut short, because a partial audit or
// case export that looks complete is worse than none. Text that a spreadsheet would run as a formula
// (starting with = + - @, tab or carriage return) is written with a leading apostrophe.
import ExcelJS from 'exceljs';
import { AppError } from '../errors/app-error.ts';
import { registerErrorCodes } from '../errors/error-codes.ts';

/** The most rows one export may hold; callers should check their total against it before loading rows. */
export const MAX_EXPORT_ROWS = 50_000;

registerErrorCodes({
  EXPORT_TOO_MANY_ROWS: {
    status: 400,
    zh: '导出数据超过 {max} 行，请缩小筛选范围后再导出',
    en: 'The export would exceed {max} rows; narrow the filters and try again',
  },
});

export interface ExportColumn {
  header: string;
  key: string;
  /** Width in characters; computed from the header and the values when absent. */
  width?: number;
}

export interface WorkbookSpec {
  /** File name offered to the browser; `.xlsx` is appended when missing. */
  fileName: string;
  sheetName: string;
  columns: ExportColumn[];
  rows: Array<Record<string, unknown>>;
}

/** The reply methods sendWorkbook needs (any Fastify reply has them). */
export interface WorkbookReply {
  header(key: string, value: string): unknown;
  send(payload: Buffer): unknown;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FORMULA_START = /^[=+\-@\t\r]/;
const EXCEL_CELL_LIMIT = 32_767;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const WIDTH_SAMPLE_ROWS = 1_000;

/** Makes text safe to put in a cell: neutralises formula starts and keeps within Excel's cell size. */
export function neutraliseCellText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return safe.length > EXCEL_CELL_LIMIT ? safe.slice(0, EXCEL_CELL_LIMIT) : safe;
}

function toCellValue(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return neutraliseCellText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'bigint') return value.toString();
  return neutraliseCellText(JSON.stringify(value) ?? '');
}

// Wide (CJK, full-width) characters take about two character widths in Excel.
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

function columnWidth(column: ExportColumn, rows: Array<Record<string, ExcelJS.CellValue>>): number {
  if (column.width !== undefined) return column.width;
  let widest = displayWidth(column.header) + 4; // room for the filter button
  for (const row of rows.slice(0, WIDTH_SAMPLE_ROWS)) {
    const value = row[column.key];
    if (value === null || value === undefined) continue;
    const text = value instanceof Date ? '2026-01-01 00:00:00' : String(value);
    widest = Math.max(widest, displayWidth(text.split('\n', 1)[0] ?? '') + 2);
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest));
}

/** Builds the .xlsx bytes; throws EXPORT_TOO_MANY_ROWS above MAX_EXPORT_ROWS rows. */
export async function buildWorkbook(spec: Omit<WorkbookSpec, 'fileName'>): Promise<Buffer> {
  if (spec.rows.length > MAX_EXPORT_ROWS) throw new AppError('EXPORT_TOO_MANY_ROWS', { max: MAX_EXPORT_ROWS });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '政通 Zhengtong';
  workbook.created = new Date();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheetName = spec.sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet1';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const rows = spec.rows.map((row) => {
    const cells: Record<string, ExcelJS.CellValue> = {};
    for (const column of spec.columns) cells[column.key] = toCellValue(row[column.key]);
    return cells;
  });
  sheet.columns = spec.columns.map((column) => ({ header: neutraliseCellText(column.header), key: column.key, width: columnWidth(column, rows) }));
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'middle' };
  headerRow.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  if (spec.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  sheet.addRows(rows);
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}

/** `Content-Disposition` for a download: an ASCII fallback plus the UTF-8 name per RFC 6266 / RFC 5987. */
export function attachmentDisposition(fileName: string): string {
  const name = /\.xlsx$/i.test(fileName) ? fileName : `${fileName}.xlsx`;
  const fallback = /^[A-Za-z0-9._-]+$/.test(name) ? name : 'export.xlsx';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Builds the workbook and sends it as an .xlsx attachment; returns the reply for `return sendWorkbook(…)`. */
export async function sendWorkbook<R extends WorkbookReply>(reply: R, spec: WorkbookSpec): Promise<R> {
  const bytes = await buildWorkbook(spec);
  reply.header('Content-Type', XLSX_CONTENT_TYPE);
  reply.header('Content-Disposition', attachmentDisposition(spec.fileName));
  reply.header('Cache-Control', 'no-store');
  reply.send(bytes);
  return reply;
}
