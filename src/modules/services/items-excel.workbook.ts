// The catalogue workbook as bytes: written with a bold, frozen, filterable header on each sheet, and read back
// into plain rows keyed by column, refusing what is not an .xlsx or lacks the sheets and headers the import needs.
import ExcelJS from 'exceljs';
import { neutraliseCellText } from '../../core/http/excel-export.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { FEE_COLUMNS, FEES_SHEET, ITEM_COLUMNS, ITEMS_SHEET, MATERIAL_COLUMNS, MATERIALS_SHEET, isBlank, type CellValue, type SheetColumn } from './items-excel.columns.ts';

/** The most rows the 事项 sheet may hold in one import (the other sheets may hold ten times as many). */
export const MAX_IMPORT_ITEM_ROWS = 5_000;

export type SheetRows = Array<Record<string, unknown>>;

/** One data row as read: its row number in the sheet (the header is row 1) and its cells by column key. */
export interface ReadRow {
  row: number;
  cells: Record<string, CellValue>;
}

export interface ReadWorkbook {
  items: ReadRow[];
  materials: ReadRow[];
  fees: ReadRow[];
}

const SHEETS: Array<{ name: string; columns: readonly SheetColumn[] }> = [
  { name: ITEMS_SHEET, columns: ITEM_COLUMNS },
  { name: MATERIALS_SHEET, columns: MATERIAL_COLUMNS },
  { name: FEES_SHEET, columns: FEE_COLUMNS },
];

function toExcelValue(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return neutraliseCellText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  return neutraliseCellText(String(value));
}

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly SheetColumn[], rows: SheetRows): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, key: column.key, width: column.width, ...(column.code ? { style: { numFmt: '@' } } : {}) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const row of rows) {
    const cells: Record<string, ExcelJS.CellValue> = {};
    for (const column of columns) cells[column.key] = toExcelValue(row[column.key]);
    sheet.addRow(cells);
  }
}

/** The .xlsx bytes of the three sheets (事项, 申请材料, 收费), rows keyed by column key. */
export async function buildCatalogueWorkbook(rows: { items: SheetRows; materials: SheetRows; fees: SheetRows }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '政通 Zhengtong';
  workbook.created = new Date();
  addSheet(workbook, ITEMS_SHEET, ITEM_COLUMNS, rows.items);
  addSheet(workbook, MATERIALS_SHEET, MATERIAL_COLUMNS, rows.materials);
  addSheet(workbook, FEES_SHEET, FEE_COLUMNS, rows.fees);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A cell's value with rich text, formulas, hyperlinks and errors reduced to plain values. */
export function plainCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return plainCellValue((value as { result?: ExcelJS.CellValue }).result);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  if (bytes.length < ZIP_SIGNATURE.length || !bytes.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) throw new AppError('ITEM_IMPORT_NOT_EXCEL');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('ITEM_IMPORT_NOT_EXCEL');
  }
  return workbook;
}

function readSheet(sheet: ExcelJS.Worksheet, name: string, columns: readonly SheetColumn[], maxRows: number): ReadRow[] {
  const positions = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    const header = String(plainCellValue(cell.value) ?? '').trim();
    if (header !== '' && !positions.has(header)) positions.set(header, column);
  });
  const missing = columns.filter((column) => !column.exportOnly && !positions.has(column.header)).map((column) => column.header);
  if (missing.length > 0) throw new AppError('ITEM_IMPORT_HEADERS_MISSING', { sheet: name, headers: missing.join('、') });
  const rows: ReadRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, CellValue> = {};
    for (const column of columns) {
      const position = positions.get(column.header);
      cells[column.key] = position === undefined ? null : plainCellValue(row.getCell(position).value);
    }
    if (Object.values(cells).every(isBlank)) return;
    rows.push({ row: rowNumber, cells });
  });
  if (rows.length > maxRows) throw new AppError('ITEM_IMPORT_TOO_MANY_ROWS', { sheet: name, max: maxRows });
  return rows;
}

/**
 * Reads an uploaded workbook: ITEM_IMPORT_NOT_EXCEL for anything that is not an .xlsx, ITEM_IMPORT_SHEET_MISSING or
 * ITEM_IMPORT_HEADERS_MISSING for another layout, ITEM_IMPORT_EMPTY when the 事项 sheet has no data row.
 */
export async function readCatalogueWorkbook(bytes: Buffer): Promise<ReadWorkbook> {
  const workbook = await loadWorkbook(bytes);
  const byName = new Map(workbook.worksheets.map((sheet) => [sheet.name.trim(), sheet]));
  const missing = SHEETS.filter((spec) => !byName.has(spec.name)).map((spec) => spec.name);
  if (missing.length > 0) throw new AppError('ITEM_IMPORT_SHEET_MISSING', { sheets: missing.join('、') });
  const [items, materials, fees] = SHEETS.map((spec) => readSheet(byName.get(spec.name)!, spec.name, spec.columns, spec.name === ITEMS_SHEET ? MAX_IMPORT_ITEM_ROWS : MAX_IMPORT_ITEM_ROWS * 10)) as [ReadRow[], ReadRow[], ReadRow[]];
  if (items.length === 0) throw new AppError('ITEM_IMPORT_EMPTY', { sheet: ITEMS_SHEET });
  return { items, materials, fees };
}

/** The number of data rows an import reports progress over. */
export function countRows(workbook: ReadWorkbook): number {
  return workbook.items.length + workbook.materials.length + workbook.fees.length;
}
