// The catalogue export: the items the staff list shows (same filters, same scope), each with the guide of its working
// version (else the published one), as a workbook the import takes back as is.
import type { Actor } from '../../core/auth/actor.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { MAX_EXPORT_ROWS } from '../../core/http/excel-export.ts';
import { findUnitFacts } from '../identity/index.ts';
import { formatAudiences, formatCaseKind, formatItemType, formatMaterialForm, formatThemes, formatYesNo } from './items-excel.columns.ts';
import { findItemsByImplementationCodes, findVersionsByIds } from './items-excel.repository.ts';
import { buildCatalogueWorkbook, type SheetRows } from './items-excel.workbook.ts';
import type { ServiceGuide } from './service-guide.schema.ts';
import type { ItemFilter } from './service-items.repository.ts';
import { listItemsForStaff } from './service-items.service.ts';

const STATUS_NAMES: Record<string, string> = { draft: '草稿', in_review: '审核中', published: '已发布', retired: '已停用' };

/** Builds the .xlsx of the items in the actor's scope matching the list filters; EXPORT_TOO_MANY_ROWS past the cap. */
export async function exportCatalogue(db: Db, actor: Actor, filter: ItemFilter): Promise<Buffer> {
  const { items, total } = await listItemsForStaff(db, actor, filter, 1, MAX_EXPORT_ROWS);
  if (total > MAX_EXPORT_ROWS) throw new AppError('EXPORT_TOO_MANY_ROWS', { max: MAX_EXPORT_ROWS });
  const rows = new Map((await findItemsByImplementationCodes(db, items.map((item) => item.implementationCode))).map((row) => [row.id, row]));
  const versionIds = [...rows.values()].map((row) => row.working_version_id ?? row.published_version_id).filter((id): id is string => id !== null);
  const versions = new Map((await findVersionsByIds(db, versionIds)).map((version) => [version.id, version]));
  const creditCodes = new Map<string, string>();
  for (const unitId of new Set(items.map((item) => item.unitId))) creditCodes.set(unitId, (await findUnitFacts(db, unitId))?.creditCode ?? '');

  const sheets: { items: SheetRows; materials: SheetRows; fees: SheetRows } = { items: [], materials: [], fees: [] };
  for (const item of items) {
    const row = rows.get(item.id);
    const version = row ? versions.get(row.working_version_id ?? row.published_version_id ?? '') : undefined;
    if (!version) continue;
    const guide = JSON.parse(version.guide) as ServiceGuide;
    const code = item.implementationCode;
    sheets.items.push({
      unitName: item.unitName,
      creditCode: creditCodes.get(item.unitId) ?? '',
      basicCode: guide.basicCode,
      variantCode: guide.variantCode,
      implementationCode: code,
      name: guide.name,
      itemType: formatItemType(guide.itemType),
      caseKind: formatCaseKind(guide.caseKind),
      audiences: formatAudiences(guide.audiences),
      themes: formatThemes(guide.themes),
      summary: guide.summary,
      legalBasis: guide.legalBasis,
      acceptanceConditions: guide.acceptanceConditions,
      processDescription: guide.processDescription,
      statutoryDays: guide.statutoryDays,
      promisedDays: guide.promisedDays,
      charged: formatYesNo(guide.charged),
      place: guide.place,
      hours: guide.hours,
      consultation: guide.consultation,
      complaintChannel: guide.complaintChannel,
      visits: guide.visits,
      onlineApplication: formatYesNo(guide.onlineApplication),
      status: STATUS_NAMES[item.status] ?? item.status,
      versionNo: version.version_no,
    });
    for (const material of guide.materials) {
      sheets.materials.push({
        implementationCode: code,
        itemName: guide.name,
        key: material.key,
        name: material.name,
        required: formatYesNo(material.required),
        form: formatMaterialForm(material.form),
        copies: material.copies,
        licenceType: material.licenceType ?? '',
        note: material.note,
      });
    }
    for (const fee of guide.fees) sheets.fees.push({ implementationCode: code, itemName: guide.name, name: fee.name, basis: fee.basis, amount: fee.amount });
  }
  return buildCatalogueWorkbook(sheets);
}
