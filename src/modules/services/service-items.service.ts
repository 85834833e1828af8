// Use cases on service items: create a draft, edit it (editing a published item opens a new
// version), submit it for review, publish or return it (service-hall office), retire it.
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import type { Db, DbExecutor } from '../../core/db/database.ts';
import { fromFlag, newId, toFlag, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { publishEvent } from '../../core/notify/index.ts';
import { findUnitFacts, type UnitFacts } from '../identity/index.ts';
import { findMissingGuideElements, REQUIREMENT_NAMES } from './guide-completeness.ts';
import { buildImplementationCode, readCodeLayout } from './item-codes.ts';
import { processFromTemplate } from './process-templates.ts';
import { attachNewGuideFiles, describeGuideFiles, findNewGuideFiles } from './service-item-files.ts';
import { processDefinitionSchema, type ProcessDefinition } from './process.schema.ts';
import { ITEM_TYPES, type ItemType } from './service-catalogue.ts';
import type { ServiceGuide } from './service-guide.schema.ts';
import type { ItemDetail, ItemEdit, ItemInput, ItemSummary, ReviewInput } from './service-items.schema.ts';
import { findItemById, findItemByImplementationCode, findItems, findLatestVersionNumber, findVersionById, findVersionHistory, insertItem, insertVersion, replaceItemThemes, updateItem, updateVersion, type ItemFilter, type ItemListRow } from './service-items.repository.ts';
import { canOnItemUnit, requirePermission, resolveItemReadScope } from './services.policy.ts';
import type { ServiceItemVersionRow } from './services.tables.ts';

/** The list shape of an item. */
export function presentItemSummary(row: ItemListRow, language: 'zh' | 'en' = 'zh'): ItemSummary {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    name: row.name,
    basicCode: row.basic_code,
    implementationCode: row.implementation_code,
    itemType: row.item_type,
    itemTypeName: ITEM_TYPES[row.item_type as ItemType]?.[language] ?? row.item_type,
    caseKind: row.case_kind,
    audiences: row.audiences ? row.audiences.split(',') : [],
    promisedDays: row.promised_days,
    onlineApplication: fromFlag(row.online_application),
    status: row.status,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
  };
}

/** The guide and process stored in a version. */
export function readVersionBody(version: Pick<ServiceItemVersionRow, 'guide' | 'process'>): { guide: ServiceGuide; process: ProcessDefinition } {
  return { guide: JSON.parse(version.guide) as ServiceGuide, process: JSON.parse(version.process) as ProcessDefinition };
}

/** Missing guide elements with their display names. */
export function describeMissing(guide: ServiceGuide, process: ProcessDefinition, language: 'zh' | 'en' = 'zh'): Array<{ element: string; name: string }> {
  return findMissingGuideElements(guide, process, true).map((element) => ({ element, name: REQUIREMENT_NAMES[element][language] }));
}

/** The columns of an item row derived from its guide (what lists filter, sort and search on). */
export function listingFields(guide: ServiceGuide, unit: { name: string }, implementationCode: string) {
  return {
    basic_code: guide.basicCode,
    variant_code: guide.variantCode,
    implementation_code: implementationCode,
    name: guide.name,
    item_type: guide.itemType,
    case_kind: guide.caseKind,
    audiences: guide.audiences.join(','),
    promised_days: guide.promisedDays,
    online_application: toFlag(guide.onlineApplication),
    search_text: [guide.name, guide.basicCode, implementationCode, guide.summary, unit.name, ITEM_TYPES[guide.itemType].zh].join(' ').toLowerCase(),
  };
}

async function requireItemUnit(db: DbExecutor, unitId: string): Promise<UnitFacts & { creditCode: string }> {
  const unit = await findUnitFacts(db, unitId);
  if (!unit || !unit.creditCode || (unit.kind !== 'department' && unit.kind !== 'service_hall')) throw new AppError('ITEM_UNIT_INVALID');
  return { ...unit, creditCode: unit.creditCode };
}

async function implementationCodeFor(db: DbExecutor, guide: ServiceGuide, unit: { creditCode: string }, itemId: string | null): Promise<string> {
  const code = buildImplementationCode(await readCodeLayout(db), { basicCode: guide.basicCode, creditCode: unit.creditCode, variantCode: guide.variantCode });
  if (!code) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'guide.basicCode', message: '实施编码超过 36 位 / the implementation code exceeds 36 characters' }]);
  const holder = await findItemByImplementationCode(db, code);
  if (holder && holder.id !== itemId) throw new AppError('ITEM_CODE_TAKEN', { code });
  return code;
}

async function loadItem(db: DbExecutor, id: string) {
  const item = await findItemById(db, id);
  if (!item) throw new AppError('ITEM_NOT_FOUND');
  return item;
}

/** Creates a draft item at a unit, with the template process when none is given. */
export async function createItem(db: Db, actor: Actor, input: ItemInput, now = new Date()): Promise<{ id: string }> {
  requirePermission(actor, 'services.items.edit');
  const unit = await requireItemUnit(db, input.unitId);
  if (!canOnItemUnit(actor, 'services.items.edit', { unitId: unit.id, unitPath: unit.path })) throw new AppError('FORBIDDEN');
  const process = input.process ?? processDefinitionSchema.parse(processFromTemplate(input.guide.itemType === '02' ? 'penalty' : input.guide.caseKind, input.guide.promisedDays ?? 0));
  const id = newId(now.getTime());
  const versionId = newId(now.getTime());
  await db.transaction().execute(async (tx) => {
    const code = await implementationCodeFor(tx, input.guide, unit, null);
    const stamp = toTimestamp(now);
    await insertItem(tx, { id, unit_id: unit.id, ...listingFields(input.guide, unit, code), status: 'draft', published_version_id: null, working_version_id: versionId, created_at: stamp, updated_at: stamp, published_at: null, retired_at: null });
    await insertVersion(tx, { id: versionId, item_id: id, version_no: 1, status: 'draft', guide: JSON.stringify(input.guide), process: JSON.stringify(process), created_by: actor.userId, created_at: stamp, updated_at: stamp });
    await attachNewGuideFiles(tx, actor, versionId, await findNewGuideFiles(tx, null, input.guide));
    await recordAudit(tx, actor, { action: 'services.item.create', subjectType: 'service_item', subjectId: id, after: { name: input.guide.name, unitId: unit.id, implementationCode: code } }, now);
  });
  return { id };
}

/** Saves the guide and process being edited; on a published item this opens the next version as a draft. */
export async function editItem(db: Db, actor: Actor, id: string, input: ItemEdit, now = new Date()): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const item = await loadItem(tx, id);
    if (!canOnItemUnit(actor, 'services.items.edit', { unitId: item.unit_id, unitPath: item.unit_path })) throw new AppError('FORBIDDEN');
    if (item.status === 'retired') throw new AppError('ITEM_STATE_INVALID', { status: '已停用' });
    const unit = await requireItemUnit(tx, item.unit_id);
    const code = await implementationCodeFor(tx, input.guide, unit, id);
    const stamp = toTimestamp(now);
    const working = item.working_version_id ? await findVersionById(tx, item.working_version_id) : undefined;
    if (working?.status === 'in_review') throw new AppError('ITEM_STATE_INVALID', { status: '审核中' });
    // Read before the version is written: afterwards the new guide counts among the item's own.
    const newFiles = await findNewGuideFiles(tx, id, input.guide);
    let versionNo: number;
    let versionId: string;
    if (working) {
      versionNo = working.version_no;
      versionId = working.id;
      await updateVersion(tx, working.id, { guide: JSON.stringify(input.guide), process: JSON.stringify(input.process), updated_at: stamp });
    } else {
      versionNo = (await findLatestVersionNumber(tx, id)) + 1;
      versionId = newId(now.getTime());
      await insertVersion(tx, { id: versionId, item_id: id, version_no: versionNo, status: 'draft', guide: JSON.stringify(input.guide), process: JSON.stringify(input.process), created_by: actor.userId, created_at: stamp, updated_at: stamp });
      await updateItem(tx, id, { working_version_id: versionId });
    }
    await attachNewGuideFiles(tx, actor, versionId, newFiles);
    // A published item keeps showing its published listing until the new version is published.
    if (item.status === 'draft') await updateItem(tx, id, { ...listingFields(input.guide, unit, code), updated_at: stamp });
    else await updateItem(tx, id, { updated_at: stamp });
    await recordAudit(tx, actor, { action: 'services.item.edit', subjectType: 'service_item', subjectId: id, after: { versionNo, name: input.guide.name } }, now);
  });
}

/** Sends the working version to the service-hall office; refused while guide elements are missing. */
export async function submitItem(db: Db, actor: Actor, id: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const item = await loadItem(tx, id);
    if (!canOnItemUnit(actor, 'services.items.edit', { unitId: item.unit_id, unitPath: item.unit_path })) throw new AppError('FORBIDDEN');
    const working = item.working_version_id ? await findVersionById(tx, item.working_version_id) : undefined;
    if (!working || working.status !== 'draft') throw new AppError('ITEM_STATE_INVALID', { status: item.status });
    const { guide, process } = readVersionBody(working);
    const missing = describeMissing(guide, process);
    if (missing.length > 0) throw new AppError('ITEM_INCOMPLETE', { missing: missing.map((entry) => entry.name).join('、') });
    const stamp = toTimestamp(now);
    await updateVersion(tx, working.id, { status: 'in_review', submitted_by: actor.userId, submitted_at: stamp, review_note: null, updated_at: stamp });
    if (item.status === 'draft') await updateItem(tx, id, { status: 'in_review', updated_at: stamp });
    await recordAudit(tx, actor, { action: 'services.item.submit', subjectType: 'service_item', subjectId: id, after: { versionNo: working.version_no } }, now);
  });
}

/** Publishes the version under review (superseding the old one) or returns it to the unit with a note. */
export async function reviewItem(db: Db, actor: Actor, id: string, input: ReviewInput, now = new Date()): Promise<void> {
  requirePermission(actor, 'services.items.review');
  await db.transaction().execute(async (tx) => {
    const item = await loadItem(tx, id);
    if (!canOnItemUnit(actor, 'services.items.review', { unitId: item.unit_id, unitPath: item.unit_path })) throw new AppError('FORBIDDEN');
    const working = item.working_version_id ? await findVersionById(tx, item.working_version_id) : undefined;
    if (!working || working.status !== 'in_review') throw new AppError('ITEM_STATE_INVALID', { status: item.status });
    const stamp = toTimestamp(now);
    if (input.decision === 'return') {
      await updateVersion(tx, working.id, { status: 'draft', review_note: input.note, reviewed_by: actor.userId, reviewed_at: stamp, updated_at: stamp });
      if (item.status === 'in_review') await updateItem(tx, id, { status: 'draft', updated_at: stamp });
    } else {
      const { guide } = readVersionBody(working);
      const unit = await requireItemUnit(tx, item.unit_id);
      const code = await implementationCodeFor(tx, guide, unit, id);
      if (item.published_version_id) await updateVersion(tx, item.published_version_id, { status: 'superseded', updated_at: stamp });
      await updateVersion(tx, working.id, { status: 'published', review_note: input.note || null, reviewed_by: actor.userId, reviewed_at: stamp, published_at: stamp, updated_at: stamp });
      await updateItem(tx, id, { ...listingFields(guide, unit, code), status: 'published', published_version_id: working.id, working_version_id: null, published_at: stamp, updated_at: stamp });
      await replaceItemThemes(tx, id, guide.themes);
      await publishEvent(tx, 'service_item.published', { itemId: id, versionId: working.id, versionNo: working.version_no }, { unitId: item.unit_id }, now);
    }
    await recordAudit(tx, actor, { action: `services.item.${input.decision}`, subjectType: 'service_item', subjectId: id, after: { versionNo: working.version_no, note: input.note } }, now);
  });
}

/** Takes a published item out of service; running cases continue under their pinned version. */
export async function retireItem(db: Db, actor: Actor, id: string, reason: string, now = new Date()): Promise<void> {
  requirePermission(actor, 'services.items.review');
  await db.transaction().execute(async (tx) => {
    const item = await loadItem(tx, id);
    if (!canOnItemUnit(actor, 'services.items.review', { unitId: item.unit_id, unitPath: item.unit_path })) throw new AppError('FORBIDDEN');
    if (item.status !== 'published') throw new AppError('ITEM_STATE_INVALID', { status: item.status });
    const stamp = toTimestamp(now);
    await updateItem(tx, id, { status: 'retired', retired_at: stamp, updated_at: stamp });
    await publishEvent(tx, 'service_item.retired', { itemId: id }, { unitId: item.unit_id }, now);
    await recordAudit(tx, actor, { action: 'services.item.retire', subjectType: 'service_item', subjectId: id, detail: reason }, now);
  });
}

/** A page of items within the actor's scope. */
export async function listItemsForStaff(db: Db, actor: Actor, filter: ItemFilter, page: number, pageSize: number, language: 'zh' | 'en' = 'zh'): Promise<{ items: ItemSummary[]; total: number }> {
  const scope = resolveItemReadScope(actor);
  const { items, total } = await findItems(db, scope, filter, page, pageSize);
  return { items: items.map((row) => presentItemSummary(row, language)), total };
}

function presentVersion(version: Omit<ServiceItemVersionRow, 'guide' | 'process'>) {
  return { id: version.id, versionNo: version.version_no, status: version.status, reviewNote: version.review_note, submittedAt: version.submitted_at, reviewedAt: version.reviewed_at, publishedAt: version.published_at, createdAt: version.created_at };
}

/** One item for staff: the working (or published) version's guide and process, what is missing, what they may do. */
export async function getItemForStaff(db: Db, actor: Actor, id: string, language: 'zh' | 'en' = 'zh'): Promise<ItemDetail> {
  const item = await loadItem(db, id);
  const unit = { unitId: item.unit_id, unitPath: item.unit_path };
  const readable = ['services.items.read', 'services.items.edit', 'services.items.review'].some((permission) => canOnItemUnit(actor, permission, unit));
  if (!readable) throw new AppError('ITEM_NOT_FOUND');
  const versionId = item.working_version_id ?? item.published_version_id;
  const version = versionId ? await findVersionById(db, versionId) : undefined;
  if (!version) throw new AppError('ITEM_NOT_FOUND');
  const { guide, process } = readVersionBody(version);
  const canEdit = canOnItemUnit(actor, 'services.items.edit', unit) && item.status !== 'retired' && version.status !== 'in_review';
  return {
    ...presentItemSummary(item, language),
    version: presentVersion(version),
    guide,
    process,
    missing: describeMissing(guide, process, language),
    files: await describeGuideFiles(db, actor, guide),
    history: (await findVersionHistory(db, id)).map(presentVersion),
    can: {
      edit: canEdit,
      submit: canEdit && version.status === 'draft',
      review: canOnItemUnit(actor, 'services.items.review', unit) && version.status === 'in_review',
      retire: canOnItemUnit(actor, 'services.items.review', unit) && item.status === 'published',
    },
  };
}
