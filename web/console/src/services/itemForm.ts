// The item editor's form model: loading an item into the form, turning the form back into the PUT body,
// and placing server issue paths ("guide.materials.1.key") on tabs and fields.
import type { NamePath } from 'antd/es/form/interface';
import type { MessageKey } from '../i18n.ts';
import type { ItemDetail, ProcessDefinition, ServiceGuide } from './types.ts';
import { ACTIONS_BY_KIND } from './vocab.ts';

export interface ItemFormValues {
  guide: ServiceGuide;
  process: ProcessDefinition;
}

export type EditorTab = 'basics' | 'guide' | 'materials' | 'fees' | 'discretion' | 'form' | 'process' | 'history';
export const EDITOR_TABS: EditorTab[] = ['basics', 'guide', 'materials', 'fees', 'discretion', 'form', 'process', 'history'];

/** 行政处罚 items have a discretion standard (裁量基准); no other type uses one. */
export const PENALTY_ITEM_TYPE = '02';

/** The tabs an item of this type shows. */
export function editorTabsFor(itemType: string | undefined): EditorTab[] {
  return itemType === PENALTY_ITEM_TYPE ? EDITOR_TABS : EDITOR_TABS.filter((tab) => tab !== 'discretion');
}

export function toFormValues(item: ItemDetail): ItemFormValues {
  return structuredClone({ guide: item.guide, process: { steps: item.process.steps, specialProcedures: item.process.specialProcedures ?? [] } });
}

const trim = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The PUT /api/service-items/:id body; fields the editor does not show are kept from the item. A non-penalty item has no discretion standard. */
export function toPayload(values: Partial<ItemFormValues>, item: ItemDetail): { guide: ServiceGuide; process: ProcessDefinition } {
  const guide: ServiceGuide = { ...item.guide, ...(values.guide ?? {}) };
  const charged = Boolean(guide.charged);
  const steps = values.process?.steps ?? item.process.steps;
  return {
    guide: {
      ...guide,
      name: trim(guide.name),
      basicCode: trim(guide.basicCode).toUpperCase(),
      variantCode: trim(guide.variantCode).toUpperCase(),
      statutoryDays: numberOrNull(guide.statutoryDays),
      promisedDays: numberOrNull(guide.promisedDays),
      visits: numberOrNull(guide.visits),
      charged,
      onlineApplication: Boolean(guide.onlineApplication),
      audiences: guide.audiences ?? [],
      themes: guide.themes ?? [],
      materials: (guide.materials ?? []).map((material) => ({
        ...material,
        key: trim(material.key),
        name: trim(material.name),
        required: Boolean(material.required),
        form: material.form ?? 'electronic',
        copies: numberOrNull(material.copies) ?? 1,
        blankFormFileId: material.blankFormFileId ?? null,
        sampleFileId: material.sampleFileId ?? null,
        licenceType: trim(material.licenceType) || null,
        note: trim(material.note),
      })),
      fees: charged ? (guide.fees ?? []).map((fee) => ({ name: trim(fee.name), basis: trim(fee.basis), amount: numberOrNull(fee.amount) ?? 0 })) : [],
      discretion: guide.itemType === PENALTY_ITEM_TYPE
        ? (guide.discretion ?? []).map((standard) => ({
            violation: trim(standard.violation),
            basis: trim(standard.basis),
            circumstances: (standard.circumstances ?? []).map((c) => ({ code: trim(c.code), name: trim(c.name), fineMin: numberOrNull(c.fineMin) ?? 0, fineMax: numberOrNull(c.fineMax) ?? 0 })),
          }))
        : [],
      form: (guide.form ?? []).map((field) => {
        const { options, ...rest } = field;
        const base = { ...rest, key: trim(field.key), label: trim(field.label), required: Boolean(field.required) };
        return field.type === 'select' ? { ...base, options: (options ?? []).map((option) => option.trim()).filter(Boolean) } : base;
      }),
    },
    process: {
      steps: steps.map((step) => ({
        ...step,
        key: trim(step.key),
        name: trim(step.name),
        limitDays: numberOrNull(step.limitDays),
        actions: (step.actions ?? []).filter((action) => (ACTIONS_BY_KIND[step.kind] ?? []).includes(action)),
        requiresSecondApprover: Boolean(step.requiresSecondApprover),
      })),
      specialProcedures: (values.process?.specialProcedures ?? item.process.specialProcedures ?? []).map((p) => ({ kind: p.kind, maxDays: numberOrNull(p.maxDays) ?? 1 })),
    },
  };
}

/** "guide.materials.1.key" → ['guide', 'materials', 1, 'key']. */
export function toNamePath(path: string): Array<string | number> {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const BASICS = new Set(['name', 'itemType', 'basicCode', 'variantCode', 'audiences', 'themes', 'caseKind', 'statutoryDays', 'promisedDays', 'visits', 'onlineApplication', 'implementingUnit']);
const GUIDE = new Set(['summary', 'legalBasis', 'acceptanceConditions', 'processDescription', 'place', 'hours', 'consultation', 'complaintChannel']);

/** The tab showing a form path. */
export function tabOfPath(name: NamePath): EditorTab {
  const parts = Array.isArray(name) ? name : [name];
  const [root, field] = parts;
  if (root === 'process') return 'process';
  if (root !== 'guide') return 'basics';
  if (field === 'materials') return 'materials';
  if (field === 'fees' || field === 'charged') return 'fees';
  if (field === 'discretion') return 'discretion';
  if (field === 'form') return 'form';
  if (typeof field === 'string' && GUIDE.has(field)) return 'guide';
  return 'basics';
}

/** The tab where a missing guide element (guide-completeness) is filled in. */
export function tabOfElement(element: string): EditorTab {
  if (element === 'materials') return 'materials';
  if (element === 'fees') return 'fees';
  if (element === 'discretion') return 'discretion';
  if (element === 'process') return 'process';
  if (GUIDE.has(element)) return 'guide';
  if (BASICS.has(element)) return 'basics';
  return 'basics';
}

/** A readable place for an issue path: "申请材料 · 第 2 行 · 键名". */
export function describePath(path: string, t: (key: MessageKey, vars?: Record<string, string | number>) => string): string {
  const parts = toNamePath(path);
  const tab = tabOfPath(parts);
  const where = [t(`svc.tab.${tab}`)];
  const [root, field, index, sub] = parts;
  const fieldKey = (scope: string, name: unknown) => `svc.issueField.${scope}.${String(name)}` as MessageKey;
  const known = (key: MessageKey) => t(key) !== key;
  if (root === 'process' && field === 'steps' && typeof index === 'number') {
    where.push(t('svc.issue.stepN', { n: index + 1 }));
    if (sub !== undefined) where.push(known(fieldKey('step', sub)) ? t(fieldKey('step', sub)) : String(sub));
  } else if (root === 'process' && field === 'specialProcedures' && typeof index === 'number') {
    where.push(t('svc.issue.procedureN', { n: index + 1 }));
  } else if (root === 'guide' && field === 'discretion' && typeof index === 'number') {
    // guide.discretion.<v>.circumstances.<c>.<field> or guide.discretion.<v>.<field>
    const [, , , inner, position, leaf] = parts;
    where.push(t('svc.issue.violationN', { n: index + 1 }));
    if (inner === 'circumstances' && typeof position === 'number') where.push(t('svc.issue.circumstanceN', { n: position + 1 }));
    const last = inner === 'circumstances' && typeof position === 'number' ? leaf : inner;
    if (last !== undefined && typeof last !== 'number') where.push(known(fieldKey('discretion', last)) ? t(fieldKey('discretion', last)) : String(last));
  } else if (root === 'guide' && (field === 'materials' || field === 'fees' || field === 'form') && typeof index === 'number') {
    where.push(t('svc.issue.rowN', { n: index + 1 }));
    if (sub !== undefined) where.push(known(fieldKey(String(field), sub)) ? t(fieldKey(String(field), sub)) : String(sub));
  } else if (root === 'guide' && typeof field === 'string' && known(fieldKey('guide', field))) {
    where.push(t(fieldKey('guide', field)));
  } else if (parts.length > 1) {
    where.push(parts.slice(1).join('.'));
  }
  return where.join(' · ');
}
