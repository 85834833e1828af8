// All SQL of stored files: the `files` table (created by core's platform migration).
import type { Selectable } from 'kysely';
import type { DbExecutor } from '../db/database.ts';

export interface FilesTable {
  id: string;
  sha256: string;
  size: number;
  mime_type: string;
  extension: string;
  original_name: string;
  owner_type: string;
  owner_id: string;
  unit_id: string | null;
  uploaded_by: string;
  created_at: string;
}

declare module '../db/database.ts' {
  interface Database {
    files: FilesTable;
  }
}

export type FileRow = Selectable<FilesTable>;

/** Inserts one file record. */
export async function insertFileRow(tx: DbExecutor, row: FileRow): Promise<void> {
  await tx.insertInto('files').values(row).execute();
}

/** The file record with this id, or undefined. */
export function selectFileRow(db: DbExecutor, id: string): Promise<FileRow | undefined> {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The records among `ids` that belong to the given owner. */
export function selectOwnedFileRows(db: DbExecutor, ids: string[], owner: { ownerType: string; ownerId: string }): Promise<FileRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('files')
    .selectAll()
    .where('id', 'in', ids)
    .where('owner_type', '=', owner.ownerType)
    .where('owner_id', '=', owner.ownerId)
    .orderBy('id')
    .execute();
}

/** Moves those of the given records that still belong to `from` to the owner `to`; returns how many moved. */
export async function updateFileOwner(tx: DbExecutor, ids: string[], from: { ownerType: string; ownerId: string }, to: { ownerType: string; ownerId: string }): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await tx
    .updateTable('files')
    .set({ owner_type: to.ownerType, owner_id: to.ownerId })
    .where('id', 'in', ids)
    .where('owner_type', '=', from.ownerType)
    .where('owner_id', '=', from.ownerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The files attached to any of the given records of one owner type, oldest first. */
export function selectFileRowsOfOwners(db: DbExecutor, ownerType: string, ownerIds: string[]): Promise<FileRow[]> {
  if (ownerIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('files').selectAll().where('owner_type', '=', ownerType).where('owner_id', 'in', ownerIds).orderBy('created_at').execute();
}
