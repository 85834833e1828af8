// Loads the demo county's service catalogue (items with complete guides and processes, life
// events) on a first start, and demo cases in every state (services.demo-cases.ts).
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { Db } from '../../core/db/database.ts';
import type { BlobStore } from '../../core/files/index.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { demoUnits, findUnitByReference, findUnitFacts } from '../identity/index.ts';
import { demoLifeEvents, demoServiceItems } from './demo/demo-items.ts';
import { seedDemoCases } from './services.demo-cases.ts';
import { refreshDueCaseClocks } from './services.jobs.ts';
import { buildImplementationCode, DEFAULT_CODE_LAYOUT } from './item-codes.ts';
import { processFromTemplate } from './process-templates.ts';
import { processDefinitionSchema } from './process.schema.ts';
import { serviceGuideSchema } from './service-guide.schema.ts';
import { listingFields } from './service-items.service.ts';
import { findItems, insertItem, insertVersion, replaceItemThemes } from './service-items.repository.ts';
import { replaceLifeEventItems, upsertLifeEvent } from './life-events.repository.ts';

async function unitIdsByKey(db: Db): Promise<Map<string, { id: string; name: string; creditCode: string }>> {
  const result = new Map<string, { id: string; name: string; creditCode: string }>();
  for (const unit of demoUnits) {
    if (!unit.creditCode) continue;
    const row = await findUnitByReference(db, unit.creditCode);
    const facts = row ? await findUnitFacts(db, row.id) : undefined;
    if (facts?.creditCode) result.set(unit.key, { id: facts.id, name: facts.name, creditCode: facts.creditCode });
  }
  return result;
}

/** Loads the demo catalogue when the catalogue is empty and the demo county exists; returns whether it did. */
export async function seedDemoServices(db: Db, deps: { actor: Actor; calendar: () => WorkingCalendar; now: () => Date; store: BlobStore }): Promise<boolean> {
  if ((await findItems(db, { kind: 'all' }, {}, 1, 1)).total > 0) return false;
  const units = await unitIdsByKey(db);
  if (units.size === 0) return false;
  const now = deps.now();
  const stamp = toTimestamp(now);
  const itemIdsByCode = new Map<string, string>();
  await db.transaction().execute(async (tx) => {
    for (const demo of demoServiceItems) {
      const unit = units.get(demo.unitKey);
      if (!unit) continue;
      const guide = serviceGuideSchema.parse(demo.guide);
      const process = processDefinitionSchema.parse(processFromTemplate(demo.template, guide.promisedDays ?? 0));
      const code = buildImplementationCode(DEFAULT_CODE_LAYOUT, { basicCode: guide.basicCode, creditCode: unit.creditCode, variantCode: guide.variantCode }) ?? guide.basicCode;
      const id = newId(now.getTime());
      const versionId = newId(now.getTime());
      const published = demo.status === 'published';
      await insertItem(tx, {
        id, unit_id: unit.id, ...listingFields(guide, unit, code), status: demo.status,
        published_version_id: published ? versionId : null, working_version_id: published ? null : versionId,
        created_at: stamp, updated_at: stamp, published_at: published ? stamp : null, retired_at: null,
      });
      await insertVersion(tx, {
        id: versionId, item_id: id, version_no: 1, status: published ? 'published' : demo.status === 'in_review' ? 'in_review' : 'draft', guide: JSON.stringify(guide), process: JSON.stringify(process),
        created_by: null, submitted_at: demo.status === 'draft' ? null : stamp, published_at: published ? stamp : null, reviewed_at: published ? stamp : null, created_at: stamp, updated_at: stamp,
      });
      if (published) await replaceItemThemes(tx, id, guide.themes);
      itemIdsByCode.set(guide.basicCode, id);
    }
    for (const [index, lifeEvent] of demoLifeEvents.entries()) {
      const lifeEventId = await upsertLifeEvent(tx, { id: newId(now.getTime()), code: lifeEvent.code, name: lifeEvent.name, name_en: lifeEvent.nameEn, audience: lifeEvent.audience, description: lifeEvent.description, sort_order: index, created_at: stamp, updated_at: stamp });
      await replaceLifeEventItems(tx, lifeEventId, lifeEvent.basicCodes.map((code) => itemIdsByCode.get(code)).filter((id): id is string => id !== undefined));
    }
    await recordAudit(tx, deps.actor, { action: 'services.seed_demo', detail: `${itemIdsByCode.size} items, ${demoLifeEvents.length} life events` }, now);
  });
  await seedDemoCases(db, { calendar: deps.calendar, now: deps.now, store: deps.store, itemIdsByCode });
  // The demo cases were made with the clock set back; bring their time states to today.
  await refreshDueCaseClocks({ db, calendar: deps.calendar, now: deps.now });
  return true;
}
