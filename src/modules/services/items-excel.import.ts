// The import job's use case: read the stored workbook, check every row (progress in batches), and either fail with the
// full report having written nothing, or write every item in ONE transaction that also marks the import done.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Actor } from '../../core/auth/actor.ts';
import type { DataScope } from '../../core/auth/data-scope.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import { inTransaction, type DbExecutor } from '../../core/db/database.ts';
import { toTimestamp } from '../../core/db/values.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import { describeError } from '../../core/errors/error-codes.ts';
import { openDownload } from '../../core/files/index.ts';
import { ITEMS_SHEET } from './items-excel.columns.ts';
import { findItemImportById, findItemsByImplementationCodes, updateItemImport } from './items-excel.repository.ts';
import type { ImportProblem } from './items-excel.schema.ts';
import type { StoredReport } from './items-excel.service.ts';
import type { ItemImportRow } from './items-excel.tables.ts';
import { validateCatalogueWorkbook } from './items-excel.validate.ts';
import { countRows, readCatalogueWorkbook, type ReadWorkbook } from './items-excel.workbook.ts';
import { createImportedItems, reviseImportedItem, type PlannedItem } from './items-excel.writer.ts';
import type { ServicesDeps } from './services.deps.ts';

/** The longest report kept; a workbook that wrong is better fixed from its first problems. */
export const MAX_REPORT_PROBLEMS = 10_000;

export interface ImportRunContext {
  attempt: number;
  maxAttempts: number;
}

/** The uploader as the import acts: their name and unit in the audit trail, their item-editing scope as it was at upload. */
function importActor(record: ItemImportRow): Actor {
  return { kind: 'staff', userId: record.created_by, name: record.actor_name, unitId: record.actor_unit_id, unitPath: null, adminRole: null, grants: [], sessionId: null, ip: null, userAgent: null };
}

async function readStoredWorkbook(deps: ServicesDeps, actor: Actor, fileId: string): Promise<Buffer> {
  const download = await openDownload(deps.db, deps.store, actor, fileId);
  const chunks: Buffer[] = [];
  for await (const chunk of download.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function finishFailed(deps: ServicesDeps, actor: Actor, record: ItemImportRow, problems: ImportProblem[]): Promise<void> {
  const now = deps.now();
  const report: StoredReport = { problems: problems.slice(0, MAX_REPORT_PROBLEMS), truncated: problems.length > MAX_REPORT_PROBLEMS };
  await inTransaction(deps.db, async (tx) => {
    await updateItemImport(tx, record.id, { status: 'failed', report: JSON.stringify(report), finished_at: toTimestamp(now), updated_at: toTimestamp(now) });
    await recordAudit(tx, actor, { action: 'services.item_import.fail', subjectType: 'item_import', subjectId: record.id, outcome: 'failure', detail: `${problems.length} problems` }, now);
  });
}

// Items that changed between the check and the write (submitted, edited, a code taken meanwhile): the import stops.
async function findConflicts(tx: DbExecutor, plan: PlannedItem[]): Promise<ImportProblem[]> {
  const codes = plan.flatMap((planned) => (planned.kind === 'revise' ? [planned.item.implementation_code, planned.implementationCode] : [planned.implementationCode]));
  const fresh = await findItemsByImplementationCodes(tx, codes);
  const byCode = new Map(fresh.map((item) => [item.implementation_code, item]));
  const byId = new Map(fresh.map((item) => [item.id, item]));
  const problems: ImportProblem[] = [];
  for (const planned of plan) {
    const holder = byCode.get(planned.implementationCode);
    const ownId = planned.kind === 'revise' ? planned.item.id : null;
    if (holder && holder.id !== ownId) problems.push({ sheet: ITEMS_SHEET, row: planned.row, column: '实施编码', message: `实施编码“${planned.implementationCode}”在校验期间已被其他事项使用，请重新导入` });
    if (planned.kind === 'revise') {
      const now = byId.get(planned.item.id);
      if (!now || now.updated_at !== planned.item.updated_at || now.working_version_id !== planned.item.working_version_id) {
        problems.push({ sheet: ITEMS_SHEET, row: planned.row, column: '实施编码', message: '该事项在校验期间被他人修改，请重新导入' });
      }
    }
  }
  return problems;
}

async function writePlan(deps: ServicesDeps, actor: Actor, record: ItemImportRow, plan: PlannedItem[], unchanged: number): Promise<ImportProblem[]> {
  const now = deps.now();
  await updateItemImport(deps.db, record.id, { status: 'importing', updated_at: toTimestamp(now) });
  return inTransaction(deps.db, async (tx) => {
    const conflicts = await findConflicts(tx, plan);
    if (conflicts.length > 0) return conflicts;
    const creates = plan.filter((planned) => planned.kind === 'create');
    const revisions = plan.filter((planned) => planned.kind === 'revise');
    await createImportedItems(tx, actor, creates, record.id, now);
    for (const planned of revisions) await reviseImportedItem(tx, actor, planned, record.id, now);
    const [created, updated] = [creates.length, revisions.length];
    const stamp = toTimestamp(deps.now());
    const report: StoredReport = { problems: [], truncated: false };
    await updateItemImport(tx, record.id, { status: 'done', created_count: created, updated_count: updated, unchanged_count: unchanged, report: JSON.stringify(report), finished_at: stamp, updated_at: stamp });
    await recordAudit(tx, actor, { action: 'services.item_import.finish', subjectType: 'item_import', subjectId: record.id, after: { created, updated, unchanged } }, now);
    return [];
  });
}

/** Runs (or, after a crash, reruns from the start) the import; an import already finished is left alone. */
export async function runItemImport(deps: ServicesDeps, importId: string, context: ImportRunContext): Promise<void> {
  const record = await findItemImportById(deps.db, importId);
  if (!record || record.status === 'done' || record.status === 'failed') return;
  const actor = importActor(record);
  try {
    await updateItemImport(deps.db, record.id, { status: 'validating', processed_rows: 0, updated_at: toTimestamp(deps.now()) });
    let workbook: ReadWorkbook;
    try {
      workbook = await readCatalogueWorkbook(await readStoredWorkbook(deps, actor, record.file_id));
    } catch (error) {
      if (!isAppError(error)) throw error;
      return await finishFailed(deps, actor, record, [{ sheet: '', row: 0, column: '', message: describeError(error.code, 'zh', error.params).message }]);
    }
    await updateItemImport(deps.db, record.id, { total_rows: countRows(workbook) });
    const scope = JSON.parse(record.unit_scope) as DataScope;
    const outcome = await validateCatalogueWorkbook(deps.db, scope, workbook, async (processed) => {
      await updateItemImport(deps.db, record.id, { processed_rows: processed, updated_at: toTimestamp(deps.now()) });
      // Let the server answer progress polls (and everything else) between batches.
      await yieldToEventLoop();
    });
    if (outcome.report.length > 0) return await finishFailed(deps, actor, record, outcome.report);
    const conflicts = await writePlan(deps, actor, record, outcome.plan, outcome.unchanged);
    if (conflicts.length > 0) await finishFailed(deps, actor, record, conflicts);
  } catch (error) {
    // The last attempt leaves a failed import behind rather than one that looks busy for ever.
    if (context.attempt >= context.maxAttempts) await finishFailed(deps, actor, record, [{ sheet: '', row: 0, column: '', message: '导入时发生系统错误，请稍后重新导入；如仍失败请联系管理员' }]);
    throw error;
  }
}
