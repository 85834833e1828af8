// Row type of the Excel imports of the item catalogue, added to the platform's Database type.
import type { Selectable } from 'kysely';

export type ItemImportStatus = 'queued' | 'validating' | 'importing' | 'done' | 'failed';

export interface ItemImportsTable {
  id: string;
  /** The user who uploaded the workbook; the import acts as them. */
  created_by: string;
  actor_name: string;
  actor_unit_id: string | null;
  /** JSON of the uploader's item-editing DataScope when the import was started. */
  unit_scope: string;
  file_id: string;
  file_name: string;
  status: ItemImportStatus;
  total_rows: number;
  processed_rows: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  /** JSON array of {sheet, row, column, message}; null until the import has finished. */
  report: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export type ItemImportRow = Selectable<ItemImportsTable>;

declare module '../../core/db/database.ts' {
  interface Database {
    item_imports: ItemImportsTable;
  }
}
