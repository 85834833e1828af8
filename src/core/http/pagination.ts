// The one shape of a paged list: `page` (1-based) and `pageSize` in, `{ items, total, page, pageSize }` out.
import { z } from 'zod';

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type PageQuery = z.infer<typeof pageQuerySchema>;

/** The response schema of a page of `item`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/** An optional trimmed filter string from a query: empty means absent. */
export const optionalFilter = z
  .string()
  .max(200)
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));
