// Checks every row of an uploaded catalogue workbook against the database — the unit of each 统一社会信用代码 and
// the uploader's scope over it, implementation codes new or existing, items that cannot change now, duplicates,
// material and fee rows that name no item — and plans the writes. Reports progress in batches; writes nothing.
import type { DataScope } from '../../core/auth/data-scope.ts';
import { isValidCreditCode } from '../../core/ids/credit-code.ts';
import type { Db } from '../../core/db/database.ts';
import { findUnitByReference, findUnitFacts } from '../identity/index.ts';
import { headerOf, ITEM_COLUMNS, ITEMS_SHEET, MATERIALS_SHEET, FEES_SHEET } from './items-excel.columns.ts';
import { findItemsByImplementationCodes, findVersionsByIds, type ImportedItemRow } from './items-excel.repository.ts';
import { buildGuide, ImportReport, isSameGuide, parseFeeRow, parseItemRow, parseMaterialRow, type ChildRow, type ItemDraft, type ReportEntry } from './items-excel.rows.ts';
import type { ReadRow, ReadWorkbook } from './items-excel.workbook.ts';
import type { ImportUnit, PlannedItem } from './items-excel.writer.ts';
import { buildImplementationCode, readCodeLayout, type CodeLayout } from './item-codes.ts';
import type { ProcessDefinition } from './process.schema.ts';
import type { ServiceGuide } from './service-guide.schema.ts';
import { isInScope } from './services.policy.ts';
import type { ServiceItemVersionRow } from './services.tables.ts';

/** Rows checked between two progress updates. */
export const PROGRESS_BATCH = 100;

export interface ValidationOutcome {
  report: ReportEntry[];
  plan: PlannedItem[];
  unchanged: number;
}

interface Resolved {
  unit: ImportUnit;
  code: string;
  existing: ImportedItemRow | undefined;
  current: ServiceItemVersionRow | undefined;
}

const BASIC_CODE = /^[0-9A-Z]{1,12}$/;
const VARIANT_CODE = /^[0-9A-Z]{0,4}$/;
const column = (key: string) => headerOf(ITEM_COLUMNS, key);

// The implementing unit of a credit code, or the reason it cannot be one.
async function resolveUnit(db: Db, creditCode: string): Promise<ImportUnit | string> {
  if (!isValidCreditCode(creditCode)) return `统一社会信用代码“${creditCode}”不正确（应为 18 位，且校验位相符）`;
  const row = await findUnitByReference(db, creditCode);
  const unit = row ? await findUnitFacts(db, row.id) : undefined;
  if (!unit || unit.creditCode !== creditCode) return `找不到统一社会信用代码为“${creditCode}”的单位`;
  if (unit.kind !== 'department' && unit.kind !== 'service_hall') return `“${unit.name}”不能作为实施主体（须为部门或政务服务中心）`;
  return { id: unit.id, name: unit.name, path: unit.path, creditCode: unit.creditCode };
}

class CatalogueValidation {
  readonly report = new ImportReport();
  readonly drafts: ItemDraft[] = [];
  private readonly units = new Map<string, ImportUnit | string>();
  private readonly resolved = new Map<ItemDraft, Resolved>();
  /** Item id (existing) or new implementation code → the row that claimed it first. */
  private readonly claimed = new Map<string, number>();
  /** Given and computed implementation codes → the 事项 row materials and fees attach to. */
  private readonly byCode = new Map<string, ItemDraft>();
  private readonly db: Db;
  private readonly scope: DataScope;
  private readonly layout: CodeLayout;

  constructor(db: Db, scope: DataScope, layout: CodeLayout) {
    this.db = db;
    this.scope = scope;
    this.layout = layout;
  }

  private computedCode(draft: ItemDraft, unit: ImportUnit | string | undefined): string | null {
    const basicCode = String(draft.fields['basicCode']);
    const variantCode = String(draft.fields['variantCode']);
    if (typeof unit !== 'object' || !BASIC_CODE.test(basicCode) || !VARIANT_CODE.test(variantCode)) return null;
    return buildImplementationCode(this.layout, { basicCode, creditCode: unit.creditCode, variantCode });
  }

  async checkItemRows(rows: ReadRow[]): Promise<void> {
    const drafts = rows.map((row) => parseItemRow(row, this.report));
    for (const draft of drafts) {
      if (draft.creditCode !== '' && !this.units.has(draft.creditCode)) this.units.set(draft.creditCode, await resolveUnit(this.db, draft.creditCode));
    }
    const codes = drafts.flatMap((draft) => [draft.givenCode, this.computedCode(draft, this.units.get(draft.creditCode)) ?? '']).filter((code) => code !== '');
    const items = new Map((await findItemsByImplementationCodes(this.db, codes)).map((item) => [item.implementation_code, item]));
    const versionIds = [...items.values()].map((item) => item.working_version_id ?? item.published_version_id).filter((id): id is string => id !== null);
    const versions = new Map((await findVersionsByIds(this.db, versionIds)).map((version) => [version.id, version]));
    for (const draft of drafts) {
      this.drafts.push(draft);
      this.resolveDraft(draft, items, versions);
    }
  }

  private resolveDraft(draft: ItemDraft, items: Map<string, ImportedItemRow>, versions: Map<string, ServiceItemVersionRow>): void {
    const problem = (key: string, message: string) => this.report.add(ITEMS_SHEET, draft.row, column(key), message);
    const unit = this.units.get(draft.creditCode);
    const computed = this.computedCode(draft, unit);
    // Material and fee rows find their item by the code as written or as it follows from the row (also when the row
    // itself is wrong, so they are not reported a second time as rows of no item).
    const derived = computed ?? this.computedCode(draft, { id: '', name: '', path: '', creditCode: draft.creditCode });
    for (const code of [draft.givenCode, derived ?? '']) if (code !== '' && !this.byCode.has(code)) this.byCode.set(code, draft);
    if (unit === undefined) return;
    if (typeof unit === 'string') return problem('creditCode', unit);
    if (!isInScope(this.scope, { unitId: unit.id, unitPath: unit.path })) return problem('creditCode', `无权导入“${unit.name}”的事项：该单位不在您的数据范围内`);
    if (computed === null) {
      if (BASIC_CODE.test(String(draft.fields['basicCode'])) && VARIANT_CODE.test(String(draft.fields['variantCode']))) problem('basicCode', '实施编码超过 36 位');
      return;
    }
    const existing = items.get(draft.givenCode || computed);
    if (draft.givenCode && !existing && draft.givenCode !== computed) {
      return problem('implementationCode', `实施编码“${draft.givenCode}”的事项不存在，且与按基本编码、统一社会信用代码、业务办理项编码生成的“${computed}”不一致（新事项可留空）`);
    }
    let current: ServiceItemVersionRow | undefined;
    if (existing) {
      if (existing.unit_id !== unit.id) return problem('creditCode', `实施编码“${existing.implementation_code}”的事项属于其他单位，不能改到“${unit.name}”`);
      current = versions.get(existing.working_version_id ?? existing.published_version_id ?? '');
      if (!current) return problem('implementationCode', '该事项没有可修改的版本');
    }
    const holder = items.get(computed);
    if (holder && holder.id !== existing?.id) return problem('basicCode', `实施编码“${computed}”已被其他事项使用`);
    // An existing item is claimed by its id and by the code it will have, so no two rows can end on one code.
    const identities = existing ? [existing.id, computed] : [computed];
    const first = identities.map((identity) => this.claimed.get(identity)).find((row) => row !== undefined);
    if (first !== undefined) return problem('implementationCode', `与第 ${first} 行是同一事项（或实施编码相同），一个事项只能占一行`);
    for (const identity of identities) this.claimed.set(identity, draft.row);
    this.resolved.set(draft, { unit, code: computed, existing, current });
  }

  attachChildren(rows: ReadRow[], sheet: string, parse: (row: ReadRow, report: ImportReport) => ChildRow, list: 'materials' | 'fees'): void {
    for (const row of rows) {
      const child = parse(row, this.report);
      if (child.code === '') continue;
      const draft = this.byCode.get(child.code);
      if (!draft) this.report.add(sheet, child.row, '实施编码', `实施编码“${child.code}”在“事项”表中没有对应的行`);
      else draft[list].push({ row: child.row, input: child.input });
    }
  }

  plan(): { plan: PlannedItem[]; unchanged: number } {
    const plan: PlannedItem[] = [];
    let unchanged = 0;
    for (const draft of this.drafts) {
      const resolved = this.resolved.get(draft);
      const base = resolved?.current ? (JSON.parse(resolved.current.guide) as ServiceGuide) : null;
      const guide = buildGuide(draft, base, this.report);
      if (!guide || !resolved || this.report.hasRow(ITEMS_SHEET, draft.row)) continue;
      const { unit, code, existing, current } = resolved;
      if (!existing || !current) plan.push({ kind: 'create', row: draft.row, unit, implementationCode: code, guide });
      // A row that changes nothing passes whatever the item's state, so any export imports back as is.
      else if (base && isSameGuide(guide, base) && code === existing.implementation_code) unchanged += 1;
      else if (existing.status === 'retired') this.report.add(ITEMS_SHEET, draft.row, column('implementationCode'), '该事项已停用，不能导入修改');
      else if (current.status === 'in_review') this.report.add(ITEMS_SHEET, draft.row, column('implementationCode'), '该事项正在审核中，审核结束后才能导入修改');
      else plan.push({ kind: 'revise', row: draft.row, unit, implementationCode: code, guide, item: existing, current, process: JSON.parse(current.process) as ProcessDefinition });
    }
    return { plan, unchanged };
  }
}

/**
 * Checks every row of the workbook for an uploader with the item-editing `scope`; `onProgress` is awaited after each
 * batch with the number of rows checked so far. The plan is only usable when the report is empty.
 */
export async function validateCatalogueWorkbook(db: Db, scope: DataScope, workbook: ReadWorkbook, onProgress: (processed: number) => Promise<void>): Promise<ValidationOutcome> {
  const validation = new CatalogueValidation(db, scope, await readCodeLayout(db));
  let processed = 0;
  for (let start = 0; start < workbook.items.length; start += PROGRESS_BATCH) {
    const batch = workbook.items.slice(start, start + PROGRESS_BATCH);
    await validation.checkItemRows(batch);
    processed += batch.length;
    await onProgress(processed);
  }
  for (const [rows, sheet, parse, list] of [[workbook.materials, MATERIALS_SHEET, parseMaterialRow, 'materials'], [workbook.fees, FEES_SHEET, parseFeeRow, 'fees']] as const) {
    for (let start = 0; start < rows.length; start += PROGRESS_BATCH) {
      const batch = rows.slice(start, start + PROGRESS_BATCH);
      validation.attachChildren(batch, sheet, parse, list);
      processed += batch.length;
      await onProgress(processed);
    }
  }
  const { plan, unchanged } = validation.plan();
  return { report: validation.report.sorted(), plan, unchanged };
}
