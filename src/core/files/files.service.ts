// Use cases of stored files: upload (type by content, one transaction with its audit record), metadata,
// download (audited; a file the actor may not see is indistinguishable from a missing one) and attaching fresh
// uploads to a module's record inside that module's transaction.
import type { Readable } from 'node:stream';
import type { Actor } from '../auth/actor.ts';
import { recordAudit, recordAuditAlone } from '../audit/audit.service.ts';
import { inTransaction, type Db, type DbExecutor } from '../db/database.ts';
import { newId, toTimestamp } from '../db/values.ts';
import { AppError, isAppError } from '../errors/app-error.ts';
import { BlobTooLargeError, type BlobSource, type BlobStore, type StoredBlob } from './blob-store.ts';
import { ensureExtension } from './file-names.ts';
import { fileOwnerRules, UPLOAD_OWNER_TYPE } from './file-owners.ts';
import { detectAllowedType, type AllowedType } from './file-types.ts';
import { fileTooLargeError } from './files.errors.ts';
import { insertFileRow, selectFileRow, selectOwnedFileRows, updateFileOwner, type FileRow, selectFileRowsOfOwners } from './files.repository.ts';

export interface FileMetadata {
  id: string;
  /** The sanitized display name, ending in the detected type's extension. */
  originalName: string;
  size: number;
  mimeType: string;
  sha256: string;
  createdAt: string;
}

export interface UploadInput {
  ownerType: string;
  ownerId: string;
  /** The name the client sent; only shown, never used as a path. */
  originalName: string;
  stream: BlobSource;
  maxBytes: number;
}

export interface FileDownload {
  file: FileMetadata;
  /** The stored extension of the detected type. */
  extension: string;
  /** The content; the caller sends it on or destroys it. */
  stream: Readable;
}

export interface FileOwner {
  ownerType: string;
  ownerId: string;
}

function toMetadata(row: FileRow): FileMetadata {
  return { id: row.id, originalName: row.original_name, size: row.size, mimeType: row.mime_type, sha256: row.sha256, createdAt: row.created_at };
}

function isSignedIn(actor: Actor): actor is Actor & { userId: string } {
  return actor.kind !== 'anonymous' && actor.userId !== null;
}

// The refusals an upload can meet while streaming, as the errors the caller sees; null for anything else.
function uploadRefusal(error: unknown, maxBytes: number): AppError | null {
  if (error instanceof BlobTooLargeError) return fileTooLargeError(maxBytes);
  if (isAppError(error, 'FILE_TOO_LARGE') || isAppError(error, 'FILE_TYPE_NOT_ALLOWED')) return error;
  return null;
}

/** Stores an upload for an owner record the actor may attach to; refused types and oversize content store nothing. */
export async function storeUpload(db: Db, store: BlobStore, actor: Actor, input: UploadInput): Promise<FileMetadata> {
  if (!isSignedIn(actor)) throw new AppError('UNAUTHENTICATED');
  const owner = { ownerType: input.ownerType, ownerId: input.ownerId };
  const rules = fileOwnerRules(input.ownerType);
  if (!rules || !(await rules.canAttach(actor, input.ownerId, db))) {
    await recordAuditAlone(db, actor, { action: 'files.upload', subjectType: input.ownerType, subjectId: input.ownerId, outcome: 'denied' });
    throw new AppError('FILE_OWNER_NOT_FOUND');
  }

  const detection: { type: AllowedType | null } = { type: null };
  let blob: StoredBlob;
  try {
    blob = await store.put(input.stream, input.maxBytes, {
      inspectHead: async (head) => {
        detection.type = await detectAllowedType(head, input.originalName);
        if (!detection.type) throw new AppError('FILE_TYPE_NOT_ALLOWED');
      },
    });
  } catch (error) {
    const refusal = uploadRefusal(error, input.maxBytes);
    if (!refusal) throw error;
    await recordAuditAlone(db, actor, {
      action: 'files.upload',
      subjectType: input.ownerType,
      subjectId: input.ownerId,
      outcome: 'failure',
      detail: refusal.code,
    });
    throw refusal;
  }
  const type = detection.type;
  if (!type) throw new Error('The blob store did not inspect the upload');

  const now = new Date();
  const row: FileRow = {
    id: newId(now.getTime()),
    sha256: blob.sha256,
    size: blob.size,
    mime_type: type.mime,
    extension: type.extension,
    original_name: ensureExtension(input.originalName, type.extension),
    owner_type: owner.ownerType,
    owner_id: owner.ownerId,
    unit_id: actor.unitId,
    uploaded_by: actor.userId,
    created_at: toTimestamp(now),
  };
  await inTransaction(db, async (tx) => {
    await insertFileRow(tx, row);
    await recordAudit(
      tx,
      actor,
      {
        action: 'files.upload',
        subjectType: 'file',
        subjectId: row.id,
        after: { originalName: row.original_name, size: row.size, mimeType: row.mime_type, sha256: row.sha256, ...owner },
      },
      now,
    );
  });
  return toMetadata(row);
}

// The record of a file the actor may read; FILE_NOT_FOUND both when it is missing and when it is not theirs.
async function readableFileRow(db: Db, actor: Actor, fileId: string, action: string): Promise<FileRow> {
  const row = await selectFileRow(db, fileId);
  if (!row) throw new AppError('FILE_NOT_FOUND');
  const rules = fileOwnerRules(row.owner_type);
  if (!rules || !(await rules.canRead(actor, row.owner_id, db))) {
    await recordAuditAlone(db, actor, { action, subjectType: 'file', subjectId: row.id, outcome: 'denied' });
    throw new AppError('FILE_NOT_FOUND');
  }
  return row;
}

/** The metadata of a file the actor may read, or FILE_NOT_FOUND. */
export async function getFile(db: Db, actor: Actor, fileId: string): Promise<FileMetadata> {
  return toMetadata(await readableFileRow(db, actor, fileId, 'files.read'));
}

/** Opens a file the actor may read (FILE_NOT_FOUND otherwise) and records the download. */
export async function openDownload(db: Db, store: BlobStore, actor: Actor, fileId: string): Promise<FileDownload> {
  const row = await readableFileRow(db, actor, fileId, 'files.download');
  // A record without its blob is damage (lost storage, a bad restore), not a client error.
  if (!(await store.has(row.sha256))) throw new Error(`The content of file ${row.id} (${row.sha256}) is missing from the blob store`);
  await inTransaction(db, (tx) => recordAudit(tx, actor, { action: 'files.download', subjectType: 'file', subjectId: row.id }));
  return { file: toMetadata(row), extension: row.extension, stream: store.open(row.sha256) };
}

/**
 * Moves the actor's own fresh uploads to a record of a module, inside that module's transaction `tx`:
 * FILE_OWNER_NOT_FOUND when the actor may not attach to the target, FILE_NOT_FOUND when a file is not
 * one of the actor's unattached uploads.
 */
export async function attachUploads(tx: DbExecutor, actor: Actor, fileIds: string[], target: FileOwner): Promise<FileMetadata[]> {
  if (!isSignedIn(actor)) throw new AppError('UNAUTHENTICATED');
  const rules = fileOwnerRules(target.ownerType);
  if (!rules || !(await rules.canAttach(actor, target.ownerId, tx))) throw new AppError('FILE_OWNER_NOT_FOUND');
  const ids = [...new Set(fileIds)];
  const fresh = { ownerType: UPLOAD_OWNER_TYPE, ownerId: actor.userId };
  const rows = await selectOwnedFileRows(tx, ids, fresh);
  if (rows.length !== ids.length) throw new AppError('FILE_NOT_FOUND');
  // Conditional on the old owner, so two requests racing to attach the same upload cannot both succeed.
  if ((await updateFileOwner(tx, ids, fresh, target)) !== ids.length) throw new AppError('FILE_NOT_FOUND');
  for (const row of rows) {
    await recordAudit(tx, actor, {
      action: 'files.attach',
      subjectType: 'file',
      subjectId: row.id,
      before: { ownerType: row.owner_type, ownerId: row.owner_id },
      after: target,
    });
  }
  return rows.map(toMetadata);
}

/**
 * Gives a record of a module its own copies of files the actor may already read (a material reused
 * from an earlier case): new file records pointing at the same stored content, inside `tx`. The
 * copies belong to the target, so whoever may see the target may read them. FILE_NOT_FOUND when a
 * source is missing or not readable; FILE_OWNER_NOT_FOUND when the actor may not attach to the target.
 */
export async function copyFilesTo(tx: DbExecutor, actor: Actor, fileIds: string[], target: FileOwner, now = new Date()): Promise<FileMetadata[]> {
  if (!isSignedIn(actor)) throw new AppError('UNAUTHENTICATED');
  const rules = fileOwnerRules(target.ownerType);
  if (!rules || !(await rules.canAttach(actor, target.ownerId, tx))) throw new AppError('FILE_OWNER_NOT_FOUND');
  const copies: FileMetadata[] = [];
  for (const fileId of fileIds) {
    const source = await selectFileRow(tx, fileId);
    const sourceRules = source ? fileOwnerRules(source.owner_type) : undefined;
    if (!source || !sourceRules || !(await sourceRules.canRead(actor, source.owner_id, tx))) throw new AppError('FILE_NOT_FOUND');
    const row: FileRow = { ...source, id: newId(now.getTime()), owner_type: target.ownerType, owner_id: target.ownerId, unit_id: actor.unitId, uploaded_by: actor.userId, created_at: toTimestamp(now) };
    await insertFileRow(tx, row);
    await recordAudit(tx, actor, { action: 'files.copy', subjectType: 'file', subjectId: row.id, before: { fileId: source.id }, after: target }, now);
    copies.push(toMetadata(row));
  }
  return copies;
}

/** The files attached to records of one owner type, grouped by owner id; the caller has checked who may see the records. */
export async function findFilesOfOwners(db: DbExecutor, ownerType: string, ownerIds: string[]): Promise<Map<string, FileMetadata[]>> {
  const grouped = new Map<string, FileMetadata[]>();
  for (const row of await selectFileRowsOfOwners(db, ownerType, ownerIds)) {
    const list = grouped.get(row.owner_id) ?? [];
    list.push(toMetadata(row));
    grouped.set(row.owner_id, list);
  }
  return grouped;
}
