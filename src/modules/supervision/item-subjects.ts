// Service items as supervised subjects: a published item whose guide lacks required elements (DOMAIN.md: a
// published-site defect) raises `completeness.guide` for the item's unit. Checked right after an item is
// published or retired (the outbox subscriber on `service_item.*`) and for every published item when
// everything is re-evaluated. One finding per published version; publishing a complete version, or retiring
// the item, resolves it. An item has no deadlines, so it keeps no row among the watched subjects.
import type { DbExecutor } from '../../core/db/database.ts';
import type { EventHandler } from '../../core/notify/index.ts';
import { describeItemForSupervision, findPublishedItemsForSupervision, type ItemUnderSupervision } from '../services/index.ts';
import { checkRulesFor } from './supervision-rules.ts';
import { raiseFinding, resolveFinding } from './finding-batch.ts';
import { loadRules, loadRulesCached } from './supervision-evaluation.ts';
import { findFindingsOfSubject } from './supervision.repository.ts';
import type { SupervisionRuleRow } from './supervision.tables.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

export const ITEM_SUBJECT = 'service_item';
export const GUIDE_RULE = 'completeness.guide';

/** Raises what the item's published guide lacks and resolves what an earlier version or a retired item left open. */
export async function checkItemGuide(tx: DbExecutor, item: ItemUnderSupervision, rules: readonly SupervisionRuleRow[], now: Date): Promise<{ raised: number; resolved: number }> {
  const level = checkRulesFor(rules, item.id).get(GUIDE_RULE)?.level ?? null;
  const standing = item.publishedVersionId !== null && item.missing.length > 0 ? `${GUIDE_RULE}|${ITEM_SUBJECT}|${item.id}|${item.publishedVersionId}` : null;
  const existing = await findFindingsOfSubject(tx, ITEM_SUBJECT, item.id);
  let raised = 0;
  let resolved = 0;
  // A switched-off rule raises nothing new; what it raised before stays until its version is replaced or retired.
  if (standing && level && !existing.some((finding) => finding.finding_key === standing)) {
    const detail = `办事指南缺少：${item.missing.map((element) => element.name).join('、')}`;
    const subject = { type: ITEM_SUBJECT, id: item.id, unitId: item.unitId, label: item.name };
    if (await raiseFinding(tx, subject, { key: standing, category: 'completeness', ruleCode: GUIDE_RULE, level, deadlineKey: null, due: null, detail }, now)) raised += 1;
  }
  for (const finding of existing) {
    if (finding.resolved_at !== null || !finding.finding_key.startsWith(`${GUIDE_RULE}|`) || finding.finding_key === standing) continue;
    await resolveFinding(tx, finding.id, item.publishedVersionId === null ? '事项已停止办理' : '办事指南已补全', now);
    resolved += 1;
  }
  return { raised, resolved };
}

/** The subscriber on `service_item.*`: checks the item right after it was published or retired; a failure is delivered again. */
export function itemEventSubscriber(deps: SupervisionDeps): EventHandler {
  return async (_topic, payload) => {
    const itemId = (payload as { itemId?: unknown } | null)?.itemId;
    if (typeof itemId !== 'string') return;
    await deps.db.transaction().execute(async (tx) => {
      const item = await describeItemForSupervision(tx, itemId);
      if (item) await checkItemGuide(tx, item, await loadRulesCached(deps.db, tx, ITEM_SUBJECT), deps.now());
    });
  };
}

/** Checks the guide of every published item, a page per transaction; returns how many items. */
export async function reevaluateAllItems(deps: SupervisionDeps, pageSize = 200): Promise<number> {
  const rules = await loadRules(deps.db, ITEM_SUBJECT);
  let afterId = '';
  let count = 0;
  for (;;) {
    const page = await findPublishedItemsForSupervision(deps.db, afterId, pageSize);
    if (page.length === 0) return count;
    await deps.db.transaction().execute(async (tx) => {
      for (const item of page) await checkItemGuide(tx, item, rules, deps.now());
    });
    count += page.length;
    afterId = page[page.length - 1]!.id;
  }
}
