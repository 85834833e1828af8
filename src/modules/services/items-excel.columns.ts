// The layout of the catalogue workbook — sheets, their columns, and how each cell is written on export and
// read back on import — so the export is importable as is. Pure: no database, no exceljs.
import { AUDIENCES, CASE_KINDS, ITEM_TYPES, THEMES, type ItemType } from './service-catalogue.ts';

export const ITEMS_SHEET = '事项';
export const MATERIALS_SHEET = '申请材料';
export const FEES_SHEET = '收费';

export interface SheetColumn {
  key: string;
  header: string;
  width: number;
  /** Written on export for people to read, not needed (and ignored) on import. */
  exportOnly?: boolean;
  /** A code: the column is formatted as text, so Excel keeps leading zeros of what people type in. */
  code?: boolean;
}

export const ITEM_COLUMNS = [
  { key: 'unitName', header: '实施主体', width: 26, exportOnly: true },
  { key: 'creditCode', header: '统一社会信用代码', width: 22, code: true },
  { key: 'basicCode', header: '基本编码', width: 15, code: true },
  { key: 'variantCode', header: '业务办理项编码', width: 10, code: true },
  { key: 'implementationCode', header: '实施编码', width: 34, code: true },
  { key: 'name', header: '事项名称', width: 30 },
  { key: 'itemType', header: '事项类型', width: 16 },
  { key: 'caseKind', header: '办件类型', width: 10 },
  { key: 'audiences', header: '服务对象', width: 14 },
  { key: 'themes', header: '主题分类', width: 18 },
  { key: 'summary', header: '事项简介', width: 40 },
  { key: 'legalBasis', header: '设定依据', width: 50 },
  { key: 'acceptanceConditions', header: '受理条件', width: 50 },
  { key: 'processDescription', header: '办理流程', width: 40 },
  { key: 'statutoryDays', header: '法定办结时限（工作日）', width: 12 },
  { key: 'promisedDays', header: '承诺办结时限（工作日）', width: 12 },
  { key: 'charged', header: '是否收费', width: 8 },
  { key: 'place', header: '办理地点', width: 30 },
  { key: 'hours', header: '办理时间', width: 24 },
  { key: 'consultation', header: '咨询方式', width: 24 },
  { key: 'complaintChannel', header: '监督投诉方式', width: 24 },
  { key: 'visits', header: '到办事现场次数', width: 10 },
  { key: 'onlineApplication', header: '是否网上办理', width: 10 },
  { key: 'status', header: '事项状态', width: 10, exportOnly: true },
  { key: 'versionNo', header: '版本号', width: 8, exportOnly: true },
] as const satisfies readonly SheetColumn[];

export const MATERIAL_COLUMNS = [
  { key: 'implementationCode', header: '实施编码', width: 34, code: true },
  { key: 'itemName', header: '事项名称', width: 26, exportOnly: true },
  { key: 'key', header: '材料键名', width: 18, code: true },
  { key: 'name', header: '材料名称', width: 40 },
  { key: 'required', header: '是否必需', width: 8 },
  { key: 'form', header: '材料形式', width: 10 },
  { key: 'copies', header: '份数', width: 6 },
  { key: 'licenceType', header: '可替代的电子证照', width: 18 },
  { key: 'note', header: '备注', width: 30 },
] as const satisfies readonly SheetColumn[];

export const FEE_COLUMNS = [
  { key: 'implementationCode', header: '实施编码', width: 34, code: true },
  { key: 'itemName', header: '事项名称', width: 26, exportOnly: true },
  { key: 'name', header: '收费项目', width: 24 },
  { key: 'basis', header: '收费依据', width: 40 },
  { key: 'amount', header: '收费标准（元）', width: 12 },
] as const satisfies readonly SheetColumn[];

export type ItemColumnKey = (typeof ITEM_COLUMNS)[number]['key'];
export type MaterialColumnKey = (typeof MATERIAL_COLUMNS)[number]['key'];
export type FeeColumnKey = (typeof FEE_COLUMNS)[number]['key'];

/** The header of a column key on a sheet (for the report). */
export function headerOf(columns: readonly SheetColumn[], key: string): string {
  return columns.find((column) => column.key === key)?.header ?? key;
}

/** A cell as the import sees it, after rich text, formulas and hyperlinks are reduced to their value. */
export type CellValue = string | number | boolean | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const wrong = <T>(message: string): Parsed<T> => ({ ok: false, message });

const FORMULA_ESCAPED = /^'[=+\-@\t\r]/;
const LIST_SEPARATOR = /[、,，;；\s]+/;
const YES = new Set(['是', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×']);

/** The text of a cell ('' when blank), undoing the apostrophe the export puts before formula-like text. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value);
  return FORMULA_ESCAPED.test(text) ? text.slice(1) : text;
}

/** True when the cell holds nothing but spaces. */
export function isBlank(value: CellValue): boolean {
  return cellText(value).trim() === '';
}

/** A whole number in [min, max]; blank is null. */
export function parseWholeNumber(value: CellValue, min: number, max: number): Parsed<number | null> {
  if (isBlank(value)) return ok(null);
  const number = typeof value === 'number' ? value : Number(cellText(value).trim());
  if (!Number.isInteger(number) || number < min || number > max) return wrong(`应为 ${min}–${max} 的整数`);
  return ok(number);
}

/** 是/否 (also Y/N, true/false, 1/0); blank is undefined, so the guide's default applies. */
export function parseYesNo(value: CellValue): Parsed<boolean | undefined> {
  if (isBlank(value)) return ok(undefined);
  if (typeof value === 'boolean') return ok(value);
  const text = cellText(value).trim().toLowerCase();
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return wrong('应填“是”或“否”');
}

/** Writes a boolean as 是/否. */
export function formatYesNo(value: boolean): string {
  return value ? '是' : '否';
}

/** "01 行政许可", "01", 1 or "行政许可" → "01". */
export function parseItemType(value: CellValue): Parsed<ItemType> {
  const text = typeof value === 'number' ? String(value).padStart(2, '0') : cellText(value).trim();
  if (text === '') return wrong('事项类型不能为空');
  const [first = ''] = text.split(/\s+/, 1);
  const code = /^\d$/.test(first) ? `0${first}` : first;
  if (code in ITEM_TYPES) return ok(code as ItemType);
  const byName = Object.entries(ITEM_TYPES).find(([, names]) => names.zh === text);
  if (byName) return ok(byName[0] as ItemType);
  return wrong(`事项类型“${text}”不存在，应为 ${Object.entries(ITEM_TYPES).map(([code, names]) => `${code} ${names.zh}`).join('、')} 之一`);
}

/** Writes an item type as "01 行政许可". */
export function formatItemType(code: string): string {
  const names = ITEM_TYPES[code as ItemType];
  return names ? `${code} ${names.zh}` : code;
}

/** 即办件/承诺件 (or the codes); blank is undefined. */
export function parseCaseKind(value: CellValue): Parsed<'immediate' | 'promised' | undefined> {
  const text = cellText(value).trim();
  if (text === '') return ok(undefined);
  for (const [code, names] of Object.entries(CASE_KINDS)) {
    if (text === code || text === names.zh) return ok(code as 'immediate' | 'promised');
  }
  return wrong(`办件类型“${text}”不正确，应为“即办件”或“承诺件”`);
}

/** Writes a case kind as 即办件/承诺件. */
export function formatCaseKind(code: string): string {
  return CASE_KINDS[code as keyof typeof CASE_KINDS]?.zh ?? code;
}

function parseList<T extends string>(value: CellValue, lookup: (entry: string) => T | undefined, what: string): Parsed<T[]> {
  const entries = cellText(value).split(LIST_SEPARATOR).filter((entry) => entry !== '');
  const codes: T[] = [];
  const unknown: string[] = [];
  for (const entry of entries) {
    const code = lookup(entry);
    if (code === undefined) unknown.push(entry);
    else if (!codes.includes(code)) codes.push(code);
  }
  return unknown.length > 0 ? wrong(`${what}“${unknown.join('、')}”不存在`) : ok(codes);
}

/** 自然人、法人 (or the codes) → ['person', 'company']. */
export function parseAudiences(value: CellValue): Parsed<Array<'person' | 'company'>> {
  return parseList(value, (entry) => Object.entries(AUDIENCES).find(([code, names]) => entry === code || entry === names.zh)?.[0] as 'person' | 'company' | undefined, '服务对象');
}

/** Writes audiences as 自然人、法人. */
export function formatAudiences(codes: readonly string[]): string {
  return codes.map((code) => AUDIENCES[code as keyof typeof AUDIENCES]?.zh ?? code).join('、');
}

/** Theme names (or codes) → theme codes. */
export function parseThemes(value: CellValue): Parsed<string[]> {
  return parseList(value, (entry) => THEMES.find((theme) => entry === theme.code || entry === theme.zh)?.code, '主题分类');
}

/** Writes themes by their Chinese names. */
export function formatThemes(codes: readonly string[]): string {
  return codes.map((code) => THEMES.find((theme) => theme.code === code)?.zh ?? code).join('、');
}

const MATERIAL_FORMS = { original: '原件', copy: '复印件', electronic: '电子材料' } as const;
export type MaterialForm = keyof typeof MATERIAL_FORMS;

/** 原件/复印件/电子材料 (or the codes); blank is undefined. */
export function parseMaterialForm(value: CellValue): Parsed<MaterialForm | undefined> {
  const text = cellText(value).trim();
  if (text === '') return ok(undefined);
  const found = Object.entries(MATERIAL_FORMS).find(([code, name]) => text === code || text === name || (code === 'electronic' && text === '电子件'));
  return found ? ok(found[0] as MaterialForm) : wrong(`材料形式“${text}”不正确，应为“原件”“复印件”或“电子材料”`);
}

/** Writes a material form in Chinese. */
export function formatMaterialForm(form: string): string {
  return MATERIAL_FORMS[form as MaterialForm] ?? form;
}

/** An amount in yuan, at most two decimals, 0 to 100 000 000. */
export function parseAmount(value: CellValue): Parsed<number> {
  if (isBlank(value)) return wrong('收费标准不能为空');
  const number = typeof value === 'number' ? value : Number(cellText(value).trim().replace(/[,，]/g, '').replace(/^[¥￥]/, ''));
  if (!Number.isFinite(number) || number < 0 || number > 100_000_000) return wrong('应为 0–100000000 的金额（元）');
  const cents = Math.round(number * 100);
  if (Math.abs(cents - number * 100) > 1e-6) return wrong('金额最多保留两位小数');
  return ok(cents / 100);
}
