// What electronic supervision sees of a service item: whether its published guide is complete (DOMAIN.md:
// the 17 elements, plus the item type's own). Publishing refuses an incomplete guide, but a published guide can
// still fall short later: items carried over from an earlier system, a unit that lost its credit code or was
// removed, a stricter requirement in a later release. Supervision checks every published item after it is
// published or retired and whenever everything is re-evaluated.
import type { DbExecutor } from '../../core/db/database.ts';
import { findMissingGuideElements, REQUIREMENT_NAMES, type Requirement } from './guide-completeness.ts';
import type { ProcessDefinition } from './process.schema.ts';
import type { ServiceGuide } from './service-guide.schema.ts';
import { findItemWithPublishedGuide, findPublishedItemsWithGuides } from './service-items.repository.ts';

export interface ItemUnderSupervision {
  id: string;
  unitId: string;
  name: string;
  /** The published version, or null when the item is not in service (a draft, retired). */
  publishedVersionId: string | null;
  /** What the published guide lacks, in the national order, with its Chinese name; empty when complete or not published. */
  missing: Array<{ element: Requirement; name: string }>;
}

type ItemGuideRow = NonNullable<Awaited<ReturnType<typeof findItemWithPublishedGuide>>>;

// An implementing unit (实施主体) is a department or the service hall with its 统一社会信用代码, as when the item was created.
function hasImplementingUnit(row: ItemGuideRow): boolean {
  return (row.unit_kind === 'department' || row.unit_kind === 'service_hall') && Boolean(row.unit_credit_code);
}

function describe(row: ItemGuideRow): ItemUnderSupervision {
  const published = row.status === 'published' && row.published_version_id !== null && row.guide !== null;
  const missing = published ? findMissingGuideElements(JSON.parse(row.guide!) as ServiceGuide, row.process ? (JSON.parse(row.process) as ProcessDefinition) : null, hasImplementingUnit(row)) : [];
  return { id: row.id, unitId: row.unit_id, name: row.name, publishedVersionId: published ? row.published_version_id : null, missing: missing.map((element) => ({ element, name: REQUIREMENT_NAMES[element].zh })) };
}

/** One item as supervision sees it, or undefined when there is no such item. */
export async function describeItemForSupervision(db: DbExecutor, itemId: string): Promise<ItemUnderSupervision | undefined> {
  const row = await findItemWithPublishedGuide(db, itemId);
  return row ? describe(row) : undefined;
}

/** A page of published items after `afterId` (id order), as supervision sees them. */
export async function findPublishedItemsForSupervision(db: DbExecutor, afterId: string, limit: number): Promise<ItemUnderSupervision[]> {
  return (await findPublishedItemsWithGuides(db, afterId, limit)).map(describe);
}
