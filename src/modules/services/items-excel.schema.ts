// Shapes of the catalogue's Excel import and export endpoints and of the import job's payload.
import { z } from 'zod';

export const importStatusSchema = z.enum(['queued', 'validating', 'importing', 'done', 'failed']);

/** One problem of an import: where it is (sheet, 1-based row as Excel numbers it, column header) and what is wrong. */
export const importProblemSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});

export const itemImportViewSchema = z.object({
  id: z.string(),
  status: importStatusSchema,
  fileName: z.string(),
  /** Data rows of the three sheets together; validation counts through them. */
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  /** 0–100; 100 only once the import is done (or has failed with its report). */
  percent: z.number().int().min(0).max(100),
  /** When done: items created, items given a new draft version (or an updated draft), rows that changed nothing. */
  counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }).nullable(),
  /** When done or failed: every problem found, ordered by sheet and row (empty when done). */
  report: z.array(importProblemSchema).nullable(),
  /** True when the report was cut at its maximum length. */
  reportTruncated: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const importIdParamsSchema = z.object({ id: z.uuid() });

export const importItemsJobSchema = z.object({ importId: z.uuid() });

export type ImportProblem = z.infer<typeof importProblemSchema>;
export type ItemImportView = z.infer<typeof itemImportViewSchema>;
