// Rows of the catalogue workbook turned into service guides, and every problem found on the way as a report entry
// naming the sheet, row and column. Pure: the database checks (units, scope, existing items) are in items-excel.import.ts.
import { z } from 'zod';
import {
  cellText, FEE_COLUMNS, FEES_SHEET, headerOf, ITEM_COLUMNS, ITEMS_SHEET, MATERIAL_COLUMNS, MATERIALS_SHEET, parseAmount, parseAudiences, parseCaseKind,
  parseItemType, parseMaterialForm, parseThemes, parseWholeNumber, parseYesNo, type Parsed,
} from './items-excel.columns.ts';
import type { ReadRow } from './items-excel.workbook.ts';
import { serviceGuideSchema, type ServiceGuide } from './service-guide.schema.ts';

export interface ReportEntry {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** Collects report entries, one per cell (the first problem found in a cell is the one reported). */
export class ImportReport {
  readonly entries: ReportEntry[] = [];
  private readonly cells = new Set<string>();
  private readonly rows = new Set<string>();

  add(sheet: string, row: number, column: string, message: string): void {
    const key = `${sheet}\u0000${row}\u0000${column}`;
    if (this.cells.has(key)) return;
    this.cells.add(key);
    this.rows.add(`${sheet}\u0000${row}`);
    this.entries.push({ sheet, row, column, message });
  }

  /** True when some entry is about this row of this sheet. */
  hasRow(sheet: string, row: number): boolean {
    return this.rows.has(`${sheet}\u0000${row}`);
  }

  /** The entries ordered by sheet (事项, 申请材料, 收费), then row. */
  sorted(): ReportEntry[] {
    const order = [ITEMS_SHEET, MATERIALS_SHEET, FEES_SHEET];
    return [...this.entries].sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet) || a.row - b.row);
  }
}

/** One row of the 事项 sheet, parsed cell by cell; materials and fees are attached later by implementation code. */
export interface ItemDraft {
  row: number;
  creditCode: string;
  /** The 实施编码 as written ('' when left blank for a new item). */
  givenCode: string;
  fields: Record<string, unknown>;
  materials: Array<{ row: number; input: Record<string, unknown> }>;
  fees: Array<{ row: number; input: Record<string, unknown> }>;
}

export interface ChildRow {
  row: number;
  code: string;
  input: Record<string, unknown>;
}

function take<T>(report: ImportReport, sheet: string, row: number, column: string, parsed: Parsed<T>, fields: Record<string, unknown>, field: string): void {
  if (!parsed.ok) report.add(sheet, row, column, parsed.message);
  else if (parsed.value !== undefined) fields[field] = parsed.value;
}

const TEXT_FIELDS = ['name', 'basicCode', 'variantCode', 'summary', 'legalBasis', 'acceptanceConditions', 'processDescription', 'place', 'hours', 'consultation', 'complaintChannel'] as const;

/** Parses the cells of one 事项 row; problems go to the report. */
export function parseItemRow(read: ReadRow, report: ImportReport): ItemDraft {
  const cells = read.cells;
  const header = (key: string) => headerOf(ITEM_COLUMNS, key);
  const fields: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) fields[field] = cellText(cells[field] ?? null).trim();
  fields['basicCode'] = String(fields['basicCode']).toUpperCase();
  fields['variantCode'] = String(fields['variantCode']).toUpperCase();
  const put = <T>(key: string, parsed: Parsed<T>) => take(report, ITEMS_SHEET, read.row, header(key), parsed, fields, key);
  put('itemType', parseItemType(cells['itemType'] ?? null));
  put('caseKind', parseCaseKind(cells['caseKind'] ?? null));
  put('audiences', parseAudiences(cells['audiences'] ?? null));
  put('themes', parseThemes(cells['themes'] ?? null));
  put('statutoryDays', parseWholeNumber(cells['statutoryDays'] ?? null, 0, 365));
  put('promisedDays', parseWholeNumber(cells['promisedDays'] ?? null, 0, 365));
  put('charged', parseYesNo(cells['charged'] ?? null));
  put('visits', parseWholeNumber(cells['visits'] ?? null, 0, 2));
  put('onlineApplication', parseYesNo(cells['onlineApplication'] ?? null));
  const creditCode = cellText(cells['creditCode'] ?? null).trim().toUpperCase();
  if (creditCode === '') report.add(ITEMS_SHEET, read.row, header('creditCode'), '统一社会信用代码不能为空');
  return { row: read.row, creditCode, givenCode: cellText(cells['implementationCode'] ?? null).trim().toUpperCase(), fields, materials: [], fees: [] };
}

function childCode(read: ReadRow, sheet: string, columns: typeof MATERIAL_COLUMNS | typeof FEE_COLUMNS, report: ImportReport): string {
  const code = cellText(read.cells['implementationCode'] ?? null).trim().toUpperCase();
  if (code === '') report.add(sheet, read.row, headerOf(columns, 'implementationCode'), '实施编码不能为空');
  return code;
}

/** Parses one 申请材料 row. */
export function parseMaterialRow(read: ReadRow, report: ImportReport): ChildRow {
  const cells = read.cells;
  const input: Record<string, unknown> = {
    key: cellText(cells['key'] ?? null).trim(),
    name: cellText(cells['name'] ?? null).trim(),
    licenceType: cellText(cells['licenceType'] ?? null).trim() || null,
    note: cellText(cells['note'] ?? null).trim(),
  };
  const put = <T>(key: string, parsed: Parsed<T>) => take(report, MATERIALS_SHEET, read.row, headerOf(MATERIAL_COLUMNS, key), parsed, input, key);
  put('required', parseYesNo(cells['required'] ?? null));
  put('form', parseMaterialForm(cells['form'] ?? null));
  const copies = parseWholeNumber(cells['copies'] ?? null, 0, 20);
  put<number | null | undefined>('copies', copies.ok && copies.value === null ? { ok: true, value: undefined } : copies);
  return { row: read.row, code: childCode(read, MATERIALS_SHEET, MATERIAL_COLUMNS, report), input };
}

/** Parses one 收费 row. */
export function parseFeeRow(read: ReadRow, report: ImportReport): ChildRow {
  const cells = read.cells;
  const input: Record<string, unknown> = { name: cellText(cells['name'] ?? null).trim(), basis: cellText(cells['basis'] ?? null).trim() };
  take(report, FEES_SHEET, read.row, headerOf(FEE_COLUMNS, 'amount'), parseAmount(cells['amount'] ?? null), input, 'amount');
  return { row: read.row, code: childCode(read, FEES_SHEET, FEE_COLUMNS, report), input };
}

// Materials written without a key get one, so a unit can add rows without inventing identifiers.
function withKeys(materials: ItemDraft['materials']): Array<Record<string, unknown>> {
  const taken = new Set(materials.map((material) => String(material.input['key'] ?? '')).filter((key) => key !== ''));
  let next = 1;
  return materials.map(({ input }) => {
    if (input['key']) return input;
    while (taken.has(`material_${next}`)) next += 1;
    taken.add(`material_${next}`);
    return { ...input, key: `material_${next}` };
  });
}

// A schema's own messages are "中文 / English"; the report keeps the Chinese.
const BILINGUAL = /^(.*[\u4e00-\u9fff].*?) \/ [^\u4e00-\u9fff]+$/;

/** The Chinese message of a schema issue, plainer than zod's generic wording where it can be. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const bilingual = BILINGUAL.exec(issue.message);
  if (bilingual?.[1]) return bilingual[1];
  if (issue.code === 'too_big' && issue.origin === 'string') return `不能超过 ${String(issue.maximum)} 个字`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `最多 ${String(issue.maximum)} 项`;
  if (issue.code === 'too_small' && issue.origin === 'string') return '不能为空';
  if (issue.code === 'invalid_type' && issue.message.includes('undefined')) return '不能为空';
  if (issue.code === 'invalid_format' && issue.format === 'regex') return '格式不正确';
  return issue.message;
}

const localeError = z.locales.zhCN().localeError;

/**
 * The guide of a draft (on top of `base`, the current guide of an existing item: what the workbook does not carry —
 * the application form, discretion standards, sample files — is kept from it), or null with the problems reported.
 */
export function buildGuide(draft: ItemDraft, base: ServiceGuide | null, report: ImportReport): ServiceGuide | null {
  const materials = withKeys(draft.materials).map((input) => {
    const previous = base?.materials.find((material) => material.key === input['key']);
    return previous ? { blankFormFileId: previous.blankFormFileId, sampleFileId: previous.sampleFileId, ...input } : input;
  });
  const input = { ...draft.fields, materials, fees: draft.fees.map((fee) => fee.input), form: base?.form ?? [], discretion: base?.discretion ?? [] };
  const parsed = serviceGuideSchema.safeParse(input, { error: localeError });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const [field, index, inner] = issue.path;
    const message = describeIssue(issue);
    if (field === 'materials' && typeof index === 'number' && draft.materials[index]) {
      report.add(MATERIALS_SHEET, draft.materials[index].row, headerOf(MATERIAL_COLUMNS, String(inner ?? 'name')), message);
    } else if (field === 'fees' && typeof index === 'number' && draft.fees[index]) {
      report.add(FEES_SHEET, draft.fees[index].row, headerOf(FEE_COLUMNS, String(inner ?? 'name')), message);
    } else if (field === 'materials' || field === 'fees') {
      report.add(ITEMS_SHEET, draft.row, field === 'materials' ? MATERIALS_SHEET : FEES_SHEET, `${field === 'materials' ? '申请材料' : '收费项目'}${message}`);
    } else {
      report.add(ITEMS_SHEET, draft.row, headerOf(ITEM_COLUMNS, String(field ?? 'name')), message);
    }
  }
  return null;
}

/** True when two guides say the same (so importing one over the other changes nothing). */
export function isSameGuide(a: ServiceGuide, b: ServiceGuide): boolean {
  return JSON.stringify(serviceGuideSchema.parse(a)) === JSON.stringify(serviceGuideSchema.parse(b));
}
