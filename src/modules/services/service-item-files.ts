// Blank forms (空白表格) and filled samples (示例样表) of an item's materials. Staff upload a file as usual
// (POST /api/files, a fresh upload of their own), put its id in the material and save the item: the save moves the
// upload to the version being saved (owner type `service_item_version`), in the save's transaction. A file stays
// with the version that first referenced it; later versions reference it by id.
//
// Who reads them: staff who may read the item, at any time; anyone — the public guide page links
// GET /api/files/:id/content — once the owning version has been published, and only while the item is published.
// A file that never reached a published version (a draft's new form) stays private.
import type { Actor } from '../../core/auth/actor.ts';
import type { Db, DbExecutor } from '../../core/db/database.ts';
import { AppError, isAppError } from '../../core/errors/app-error.ts';
import { attachUploads, getFile, registerFileOwnerType, type FileMetadata } from '../../core/files/index.ts';
import type { ServiceGuide } from './service-guide.schema.ts';
import { findVersionAccessFacts, findVersionGuides } from './service-items.repository.ts';
import { canOnItemUnit } from './services.policy.ts';

/** Owner type of the files an item version's materials reference; the owner id is the version id. */
export const ITEM_VERSION_OWNER_TYPE = 'service_item_version';

const READ_PERMISSIONS = ['services.items.read', 'services.items.edit', 'services.items.review'];

registerFileOwnerType(ITEM_VERSION_OWNER_TYPE, {
  async canRead(actor, versionId, db) {
    const facts = await findVersionAccessFacts(db, versionId);
    if (!facts) return false;
    if (facts.item_status === 'published' && facts.published_at !== null) return true;
    const unit = { unitId: facts.unit_id, unitPath: facts.unit_path };
    return READ_PERMISSIONS.some((permission) => canOnItemUnit(actor, permission, unit));
  },
  async canAttach(actor, versionId, db) {
    const facts = await findVersionAccessFacts(db, versionId);
    if (!facts || facts.status !== 'draft' || facts.item_status === 'retired') return false;
    return canOnItemUnit(actor, 'services.items.edit', { unitId: facts.unit_id, unitPath: facts.unit_path });
  },
});

type FileField = 'blankFormFileId' | 'sampleFileId';
const FIELD_NAMES: Record<FileField, { zh: string; en: string }> = {
  blankFormFileId: { zh: '空白表格', en: 'blank form' },
  sampleFileId: { zh: '示例样表', en: 'filled sample' },
};

/** Where a guide references a file: which material, which of its two files. */
export interface GuideFileReference {
  fileId: string;
  materialIndex: number;
  materialName: string;
  field: FileField;
}

// Guides stored before these fields existed may lack them: read defensively.
function referencedFiles(guide: Pick<ServiceGuide, 'materials'>): GuideFileReference[] {
  return (guide.materials ?? []).flatMap((material, materialIndex) =>
    (['blankFormFileId', 'sampleFileId'] as const)
      .map((field) => ({ fileId: material[field] ?? null, materialIndex, materialName: material.name, field }))
      .filter((reference): reference is GuideFileReference => typeof reference.fileId === 'string'),
  );
}

/**
 * The guide's references to files no version of the item has referenced yet (every reference for a new item);
 * read before the version is written, since afterwards the new guide is among the item's versions.
 */
export async function findNewGuideFiles(db: DbExecutor, itemId: string | null, guide: ServiceGuide): Promise<GuideFileReference[]> {
  const references = referencedFiles(guide);
  if (references.length === 0 || itemId === null) return references;
  const known = new Set<string>();
  for (const text of await findVersionGuides(db, itemId)) {
    for (const reference of referencedFiles(JSON.parse(text) as ServiceGuide)) known.add(reference.fileId);
  }
  return references.filter((reference) => !known.has(reference.fileId));
}

function unusable(reference: GuideFileReference): AppError {
  const names = FIELD_NAMES[reference.field];
  return new AppError('ITEM_FILE_UNUSABLE', { material: reference.materialName, kind: names.zh, kindEn: names.en }, [
    {
      path: `guide.materials.${reference.materialIndex}.${reference.field}`,
      message: `${names.zh}须是您刚上传的文件或本事项已有的文件 / the ${names.en} must be a file you have just uploaded or one the item already has`,
    },
  ]);
}

/**
 * Moves the new references' files — each must be a fresh upload of the actor — to the version, inside the save's
 * transaction `tx`; ITEM_FILE_UNUSABLE (400, naming the material and the field) for one that is not.
 */
export async function attachNewGuideFiles(tx: DbExecutor, actor: Actor, versionId: string, references: readonly GuideFileReference[]): Promise<void> {
  const attached = new Set<string>();
  for (const reference of references) {
    if (attached.has(reference.fileId)) continue;
    try {
      await attachUploads(tx, actor, [reference.fileId], { ownerType: ITEM_VERSION_OWNER_TYPE, ownerId: versionId });
    } catch (error) {
      if (isAppError(error, 'FILE_NOT_FOUND')) throw unusable(reference);
      throw error;
    }
    attached.add(reference.fileId);
  }
}

/** Name, size and type of the files the guide references that the actor may read, for the console to show. */
export async function describeGuideFiles(db: Db, actor: Actor, guide: ServiceGuide): Promise<FileMetadata[]> {
  const files: FileMetadata[] = [];
  for (const fileId of new Set(referencedFiles(guide).map((reference) => reference.fileId))) {
    try {
      files.push(await getFile(db, actor, fileId));
    } catch (error) {
      if (!isAppError(error, 'FILE_NOT_FOUND')) throw error;
    }
  }
  return files;
}
