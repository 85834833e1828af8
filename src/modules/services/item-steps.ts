// The steps of an item's published process, for modules that attach something to a step (the integrity
// risk register of supervision).
import type { DbExecutor } from '../../core/db/database.ts';
import { loadPinnedVersion } from './pinned-versions.ts';
import { findItemById } from './service-items.repository.ts';

export interface ItemFacts {
  id: string;
  name: string;
  unitId: string;
  steps: Array<{ key: string; name: string; requiresSecondApprover: boolean }>;
}

/** An item with the steps of its published process (none before it is published), or undefined. */
export async function findItemWithSteps(db: DbExecutor, itemId: string): Promise<ItemFacts | undefined> {
  const item = await findItemById(db, itemId);
  if (!item) return undefined;
  const steps = item.published_version_id ? (await loadPinnedVersion(db, item.published_version_id)).process.steps : [];
  return { id: item.id, name: item.name, unitId: item.unit_id, steps: steps.map((step) => ({ key: step.key, name: step.name, requiresSecondApprover: step.requiresSecondApprover })) };
}
