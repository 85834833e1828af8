// Use cases of the catalogue import as the console sees them: start an import from an uploaded workbook (stored,
// recorded and queued in one transaction) and follow its progress and report. The job's work is in items-excel.import.ts.
import { Readable } from 'node:stream';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import { inTransaction, type DbExecutor } from '../../core/db/database.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { attachUploads, registerFileOwnerType, storeUpload, UPLOAD_OWNER_TYPE } from '../../core/files/index.ts';
import { XLSX_CONTENT_TYPE } from '../../core/http/excel-export.ts';
import { enqueueJob, type JobDefinition } from '../../core/jobs/index.ts';
import { findItemImportById, insertItemImport } from './items-excel.repository.ts';
import type { ImportProblem, importItemsJobSchema, ItemImportView } from './items-excel.schema.ts';
import type { ItemImportRow } from './items-excel.tables.ts';
import { countRows, readCatalogueWorkbook } from './items-excel.workbook.ts';
import type { ServicesDeps } from './services.deps.ts';
import { requirePermission, resolveItemScope } from './services.policy.ts';

/** Owner type of an import's uploaded workbook: only its uploader reads it. */
export const ITEM_IMPORT_OWNER_TYPE = 'item_import';

/** The largest workbook an import takes (2 000 items with their materials are well under 1 MB). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** What the report column holds. */
export interface StoredReport {
  problems: ImportProblem[];
  truncated: boolean;
}

async function isOwnImport(actor: Actor, importId: string, db: DbExecutor, status?: ItemImportRow['status']): Promise<boolean> {
  if (actor.userId === null) return false;
  const record = await findItemImportById(db, importId);
  return record !== undefined && record.created_by === actor.userId && (status === undefined || record.status === status);
}

registerFileOwnerType(ITEM_IMPORT_OWNER_TYPE, {
  canRead: (actor, ownerId, db) => isOwnImport(actor, ownerId, db),
  canAttach: (actor, ownerId, db) => isOwnImport(actor, ownerId, db, 'queued'),
});

/** The console's view of an import; the report only once it has finished. */
export function presentImport(row: ItemImportRow): ItemImportView {
  const finished = row.status === 'done' || row.status === 'failed';
  const stored = finished && row.report ? (JSON.parse(row.report) as StoredReport) : null;
  const fraction = row.total_rows > 0 ? Math.floor((row.processed_rows * 100) / row.total_rows) : 0;
  return {
    id: row.id,
    status: row.status,
    fileName: row.file_name,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    percent: finished ? 100 : Math.min(99, fraction),
    counts: row.status === 'done' ? { created: row.created_count, updated: row.updated_count, unchanged: row.unchanged_count } : null,
    report: finished ? (stored?.problems ?? []) : null,
    reportTruncated: stored?.truncated ?? false,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/**
 * Starts an import: reads the workbook (400 when it is not an .xlsx of the catalogue's layout), stores it, records the
 * import with the uploader's item-editing scope and queues the job, all or nothing.
 */
export async function startItemImport(deps: ServicesDeps, actor: Actor, upload: { fileName: string; bytes: Buffer }, job: JobDefinition<typeof importItemsJobSchema>): Promise<ItemImportView> {
  requirePermission(actor, 'services.items.edit');
  if (actor.userId === null) throw new AppError('UNAUTHENTICATED');
  const scope = resolveItemScope(actor, 'services.items.edit');
  const workbook = await readCatalogueWorkbook(upload.bytes);
  const file = await storeUpload(deps.db, deps.store, actor, {
    ownerType: UPLOAD_OWNER_TYPE,
    ownerId: actor.userId,
    originalName: upload.fileName,
    stream: Readable.from([upload.bytes]),
    maxBytes: IMPORT_MAX_BYTES,
  });
  if (file.mimeType !== XLSX_CONTENT_TYPE) throw new AppError('ITEM_IMPORT_NOT_EXCEL');
  const now = deps.now();
  const stamp = toTimestamp(now);
  const row: ItemImportRow = {
    id: newId(now.getTime()),
    created_by: actor.userId,
    actor_name: actor.name,
    actor_unit_id: actor.unitId,
    unit_scope: JSON.stringify(scope),
    file_id: file.id,
    file_name: file.originalName,
    status: 'queued',
    total_rows: countRows(workbook),
    processed_rows: 0,
    created_count: 0,
    updated_count: 0,
    unchanged_count: 0,
    report: null,
    created_at: stamp,
    updated_at: stamp,
    finished_at: null,
  };
  await inTransaction(deps.db, async (tx) => {
    await insertItemImport(tx, row);
    await attachUploads(tx, actor, [file.id], { ownerType: ITEM_IMPORT_OWNER_TYPE, ownerId: row.id });
    await recordAudit(tx, actor, { action: 'services.item_import.start', subjectType: 'item_import', subjectId: row.id, after: { fileId: file.id, fileName: file.originalName, totalRows: row.total_rows } }, now);
    await enqueueJob(tx, job, { importId: row.id });
  });
  return presentImport(row);
}

/** An import of the actor's own, or ITEM_IMPORT_NOT_FOUND. */
export async function getItemImport(deps: Pick<ServicesDeps, 'db'>, actor: Actor, id: string): Promise<ItemImportView> {
  const row = await findItemImportById(deps.db, id);
  if (!row || actor.userId === null || row.created_by !== actor.userId) throw new AppError('ITEM_IMPORT_NOT_FOUND');
  return presentImport(row);
}
