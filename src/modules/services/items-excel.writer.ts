// The writes of an import, inside the one transaction the caller holds: createItem and editItem of
// service-items.service.ts each open their own transaction, so the import does the same steps on `tx`
// (draft items + version 1, inserted in bulk; or a new draft version / an updated working draft) with one audit
// record per item.
import type { Insertable, Updateable } from 'kysely';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { insertItemsInBulk, insertVersionsInBulk, type ImportedItemRow } from './items-excel.repository.ts';
import { processFromTemplate } from './process-templates.ts';
import { processDefinitionSchema, type ProcessDefinition } from './process.schema.ts';
import type { ServiceGuide } from './service-guide.schema.ts';
import { findLatestVersionNumber, insertVersion, updateItem, updateVersion } from './service-items.repository.ts';
import { listingFields } from './service-items.service.ts';
import type { ServiceItemsTable, ServiceItemVersionRow, ServiceItemVersionsTable } from './services.tables.ts';

export interface ImportUnit {
  id: string;
  name: string;
  path: string;
  creditCode: string;
}

export type PlannedItem =
  | { kind: 'create'; row: number; unit: ImportUnit; implementationCode: string; guide: ServiceGuide }
  | { kind: 'revise'; row: number; unit: ImportUnit; implementationCode: string; guide: ServiceGuide; item: ImportedItemRow; current: ServiceItemVersionRow; process: ProcessDefinition };

/**
 * Creates draft items with version 1 and the template process, as createItem does, the rows inserted a hundred at a
 * time; then one audit record per item. Returns the new ids in order.
 */
export async function createImportedItems(tx: DbExecutor, actor: Actor, planned: ReadonlyArray<Extract<PlannedItem, { kind: 'create' }>>, importId: string, now: Date): Promise<string[]> {
  const stamp = toTimestamp(now);
  const items: Array<Insertable<ServiceItemsTable>> = [];
  const versions: Array<Insertable<ServiceItemVersionsTable>> = [];
  for (const { guide, unit, implementationCode } of planned) {
    const process = processDefinitionSchema.parse(processFromTemplate(guide.itemType === '02' ? 'penalty' : guide.caseKind, guide.promisedDays ?? 0));
    const id = newId(now.getTime());
    const versionId = newId(now.getTime());
    items.push({ id, unit_id: unit.id, ...listingFields(guide, unit, implementationCode), status: 'draft', published_version_id: null, working_version_id: versionId, created_at: stamp, updated_at: stamp, published_at: null, retired_at: null });
    versions.push({ id: versionId, item_id: id, version_no: 1, status: 'draft', guide: JSON.stringify(guide), process: JSON.stringify(process), created_by: actor.userId, created_at: stamp, updated_at: stamp });
  }
  await insertItemsInBulk(tx, items);
  await insertVersionsInBulk(tx, versions);
  for (const [index, { guide, unit, implementationCode }] of planned.entries()) {
    await recordAudit(tx, actor, { action: 'services.item.create', subjectType: 'service_item', subjectId: items[index]!.id, after: { name: guide.name, unitId: unit.id, implementationCode, importId } }, now);
  }
  return items.map((item) => item.id);
}

/**
 * Saves the guide on an existing item as editItem does: into its working draft when it has one, else as the next
 * version (a draft); a published item keeps its published listing until that version is published.
 */
export async function reviseImportedItem(tx: DbExecutor, actor: Actor, planned: Extract<PlannedItem, { kind: 'revise' }>, importId: string, now: Date): Promise<number> {
  const { guide, unit, implementationCode, item, current, process } = planned;
  const stamp = toTimestamp(now);
  // A published item keeps showing its published listing until the new version is published.
  const changes: Updateable<ServiceItemsTable> = item.status === 'draft' ? { ...listingFields(guide, unit, implementationCode), updated_at: stamp } : { updated_at: stamp };
  let versionNo: number;
  if (current.id === item.working_version_id) {
    versionNo = current.version_no;
    await updateVersion(tx, current.id, { guide: JSON.stringify(guide), process: JSON.stringify(process), updated_at: stamp });
  } else {
    versionNo = (await findLatestVersionNumber(tx, item.id)) + 1;
    changes.working_version_id = newId(now.getTime());
    await insertVersion(tx, { id: changes.working_version_id, item_id: item.id, version_no: versionNo, status: 'draft', guide: JSON.stringify(guide), process: JSON.stringify(process), created_by: actor.userId, created_at: stamp, updated_at: stamp });
  }
  await updateItem(tx, item.id, changes);
  await recordAudit(tx, actor, { action: 'services.item.edit', subjectType: 'service_item', subjectId: item.id, after: { versionNo, name: guide.name, importId } }, now);
  return versionNo;
}
