// Which elements of a complete service guide (DOMAIN.md: the 17 elements) an item version still
// lacks. An item cannot be published while this list is not empty; supervision reads it too.
import type { ProcessDefinition } from './process.schema.ts';
import type { ServiceGuide } from './service-guide.schema.ts';

export const GUIDE_ELEMENTS = {
  name: { zh: '事项名称', en: 'Item name' },
  itemType: { zh: '事项类型', en: 'Item type' },
  implementingUnit: { zh: '实施主体', en: 'Implementing unit' },
  legalBasis: { zh: '设定依据', en: 'Legal basis' },
  acceptanceConditions: { zh: '受理条件', en: 'Acceptance conditions' },
  materials: { zh: '申请材料', en: 'Required materials' },
  process: { zh: '办理流程', en: 'Process' },
  statutoryDays: { zh: '法定时限', en: 'Statutory limit' },
  promisedDays: { zh: '承诺时限', en: 'Promised limit' },
  fees: { zh: '收费标准及依据', en: 'Fees and their basis' },
  place: { zh: '办理地点', en: 'Place' },
  hours: { zh: '办理时间', en: 'Opening hours' },
  consultation: { zh: '咨询方式', en: 'Enquiries' },
  complaintChannel: { zh: '监督投诉方式', en: 'Complaints' },
  audiences: { zh: '服务对象', en: 'Who it serves' },
  caseKind: { zh: '办件类型', en: 'Case kind' },
  visits: { zh: '到现场次数', en: 'Visits needed' },
} as const;
export type GuideElement = keyof typeof GUIDE_ELEMENTS;

/** Required beyond the national 17 for some item types: a penalty can only be decided within a circumstance of its standard. */
export const TYPE_REQUIREMENTS = {
  discretion: { zh: '裁量基准', en: 'Discretion standard' },
} as const;
export type Requirement = GuideElement | keyof typeof TYPE_REQUIREMENTS;
export const REQUIREMENT_NAMES: Record<Requirement, { zh: string; en: string }> = { ...GUIDE_ELEMENTS, ...TYPE_REQUIREMENTS };

/** Missing or inconsistent guide elements, in the order of the national list, then the item type's own; empty = complete. */
export function findMissingGuideElements(guide: ServiceGuide, process: ProcessDefinition | null, hasImplementingUnit: boolean): Requirement[] {
  const missing: Requirement[] = [];
  const blank = (value: string) => value.trim().length === 0;
  if (blank(guide.name)) missing.push('name');
  if (!guide.itemType) missing.push('itemType');
  if (!hasImplementingUnit) missing.push('implementingUnit');
  if (blank(guide.legalBasis)) missing.push('legalBasis');
  if (blank(guide.acceptanceConditions)) missing.push('acceptanceConditions');
  // A penalty case starts from the unit's own findings, so it needs no materials from an applicant.
  if (guide.itemType !== '02' && guide.materials.length === 0) missing.push('materials');
  if (!process || process.steps.length === 0 || blank(guide.processDescription)) missing.push('process');
  if (guide.statutoryDays === null) missing.push('statutoryDays');
  if (guide.promisedDays === null || (guide.statutoryDays !== null && guide.promisedDays > guide.statutoryDays)) missing.push('promisedDays');
  if (guide.charged && guide.fees.length === 0) missing.push('fees');
  if (blank(guide.place)) missing.push('place');
  if (blank(guide.hours)) missing.push('hours');
  if (blank(guide.consultation)) missing.push('consultation');
  if (blank(guide.complaintChannel)) missing.push('complaintChannel');
  if (guide.audiences.length === 0) missing.push('audiences');
  if (guide.caseKind === 'immediate' && guide.promisedDays !== null && guide.promisedDays > 0) missing.push('caseKind');
  if (guide.visits === null) missing.push('visits');
  if (guide.itemType === '02' && guide.discretion.length === 0) missing.push('discretion');
  return missing;
}
