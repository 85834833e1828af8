// Pure view models of the service-hall pages: a published guide as its 17 elements, a case's progress,
// form fields with their values and messages, dates in China time, and page links that keep the filters.
import type { ProcessDefinition } from './process.schema.ts';
import { AUDIENCES, CASE_KINDS, ITEM_TYPES, type ItemType } from './service-catalogue.ts';
import type { FormField, ServiceGuide } from './service-guide.schema.ts';
import { GUIDE_ELEMENTS } from './guide-completeness.ts';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** 2025-10-09 14:03 in China time for an ISO timestamp; the input unchanged when it is not one. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const china = new Date(time + CHINA_OFFSET_MS).toISOString();
  return `${china.slice(0, 10)} ${china.slice(11, 16)}`;
}

/** 2025年10月9日 for a date (YYYY-MM-DD or a timestamp, read in China time). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : formatDateTime(value).slice(0, 10);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : value;
}

export const TIME_STATE_NAMES: Record<string, string> = {
  not_started: '尚未开始计时',
  normal: '正常办理',
  warning: '即将到期',
  overdue: '已超过承诺时限',
  paused: '暂停计时',
  stopped: '已停止计时',
};

const MATERIAL_FORMS: Record<string, string> = { original: '原件', copy: '复印件', electronic: '电子材料' };

/** Working days as text: 5 个工作日; 0 days of a promise is 即办. */
export function daysText(days: number | null, zeroMeans = '即办（当场办结）'): string {
  if (days === null) return '无';
  return days === 0 ? zeroMeans : `${days} 个工作日`;
}

function visitsText(visits: number | null): string {
  if (visits === null) return '无';
  return visits === 0 ? '0 次（全程网办）' : `${visits} 次`;
}

/** The label of each of the 17 guide elements (GUIDE_ELEMENTS) in Chinese, for headings. */
export const ELEMENT_LABELS: Record<keyof typeof GUIDE_ELEMENTS, string> = Object.fromEntries(
  Object.entries(GUIDE_ELEMENTS).map(([key, names]) => [key, names.zh]),
) as Record<keyof typeof GUIDE_ELEMENTS, string>;

interface GuideSummary {
  id: string;
  name: string;
  unitName: string;
  basicCode: string;
  implementationCode: string;
  itemType: string;
  versionNo: number;
  publishedAt: string | null;
}

/** A published guide as the guide page shows it: every element with its label, the materials table and the process steps. */
export function guideView(item: GuideSummary, guide: ServiceGuide, process: ProcessDefinition) {
  const promised = guide.caseKind === 'immediate' ? '即办（当场办结）' : daysText(guide.promisedDays);
  return {
    id: item.id,
    name: item.name,
    summary: guide.summary,
    labels: ELEMENT_LABELS,
    basics: [
      { label: ELEMENT_LABELS.name, value: item.name },
      { label: ELEMENT_LABELS.itemType, value: ITEM_TYPES[guide.itemType as ItemType]?.zh ?? item.itemType },
      { label: ELEMENT_LABELS.implementingUnit, value: item.unitName },
      { label: ELEMENT_LABELS.audiences, value: guide.audiences.map((audience) => AUDIENCES[audience].zh).join('、') },
      { label: ELEMENT_LABELS.caseKind, value: CASE_KINDS[guide.caseKind].zh },
      { label: ELEMENT_LABELS.visits, value: visitsText(guide.visits) },
      { label: '基本编码', value: item.basicCode },
      { label: '实施编码', value: item.implementationCode },
    ],
    caseKindName: CASE_KINDS[guide.caseKind].zh,
    itemTypeName: ITEM_TYPES[guide.itemType as ItemType]?.zh ?? item.itemType,
    fullyOnline: guide.visits === 0,
    visits: guide.visits,
    legalBasis: guide.legalBasis,
    acceptanceConditions: guide.acceptanceConditions,
    materials: guide.materials.map((material, index) => ({
      number: index + 1,
      name: material.name,
      required: material.required,
      form: MATERIAL_FORMS[material.form] ?? material.form,
      copies: material.form === 'electronic' ? '—' : `${material.copies} 份`,
      licenceType: material.licenceType ?? '',
      blankFormUrl: material.blankFormFileId ? `/api/files/${material.blankFormFileId}/content` : '',
      sampleUrl: material.sampleFileId ? `/api/files/${material.sampleFileId}/content` : '',
      note: material.note,
    })),
    processDescription: guide.processDescription,
    steps: process.steps.map((step) => ({ name: step.name, limit: step.limitDays === null ? '' : daysText(step.limitDays, '当场') })),
    statutory: daysText(guide.statutoryDays, '当场办结'),
    promised,
    charged: guide.charged,
    fees: guide.fees.map((fee) => ({ name: fee.name, basis: fee.basis, amount: `${fee.amount.toFixed(2)} 元` })),
    place: guide.place,
    hours: guide.hours,
    consultation: guide.consultation,
    complaintChannel: guide.complaintChannel,
    onlineApplication: guide.onlineApplication,
    audiences: guide.audiences,
    versionNo: item.versionNo,
    publishedOn: formatDate(item.publishedAt),
  };
}

interface ProgressInput {
  status: string;
  statusName: string;
  outcome: string | null;
  steps: Array<{ name: string; state: string; limitDays: number | null }>;
  clock: {
    timeState: string;
    caseDeadline: string | null;
    statutoryDeadline: string | null;
    stepDeadline: string | null;
    remainingDays: number | null;
    pauses: Array<{ from: string; to: string | null; label: string; workingDays: number }>;
    explanation: string[];
  };
  timeline: Array<{ seq: number; typeName: string; stepName: string | null; occurredAt: string; actorName?: string }>;
}

const STEP_STATE_NAMES: Record<string, string> = { done: '已完成', current: '办理中', pending: '未开始' };

/** A case's progress for the lookup and the applicant's case page: steps, deadlines, the clock's explanation, the timeline. */
export function progressView(input: ProgressInput) {
  const clock = input.clock;
  const ended = input.status === 'concluded' || input.status === 'refused' || input.status === 'withdrawn';
  return {
    status: input.status,
    statusName: input.statusName,
    ended,
    steps: input.steps.map((step) => ({ name: step.name, state: step.state, stateName: STEP_STATE_NAMES[step.state] ?? step.state, limit: step.limitDays === null ? '' : daysText(step.limitDays, '当场') })),
    timeState: clock.timeState,
    timeStateName: TIME_STATE_NAMES[clock.timeState] ?? clock.timeState,
    deadlines: [
      { label: '承诺办结日期', value: formatDate(clock.caseDeadline) },
      { label: '法定办结日期', value: formatDate(clock.statutoryDeadline) },
      { label: '当前环节截止日期', value: ended ? '' : formatDate(clock.stepDeadline) },
    ].filter((entry) => entry.value !== ''),
    remaining: ended || clock.remainingDays === null ? '' : clock.remainingDays >= 0 ? `剩余 ${clock.remainingDays} 个工作日` : `已超期 ${-clock.remainingDays} 个工作日`,
    pauses: clock.pauses.map((pause) => ({ label: pause.label, from: formatDate(pause.from), to: pause.to ? formatDate(pause.to) : '', days: pause.workingDays })),
    explanation: clock.explanation,
    timeline: input.timeline.map((entry) => ({ time: formatDateTime(entry.occurredAt), iso: entry.occurredAt, event: entry.typeName, step: entry.stepName ?? '', actor: entry.actorName ?? '' })),
  };
}

const INPUT_TYPES: Record<FormField['type'], { type: string; inputmode?: string; autocomplete?: string; hint?: string }> = {
  text: { type: 'text' },
  textarea: { type: 'textarea' },
  number: { type: 'text', inputmode: 'decimal', hint: '请填写数字' },
  date: { type: 'date', hint: '格式：年-月-日，例如 2025-10-09' },
  select: { type: 'select' },
  resident_id: { type: 'text', autocomplete: 'off', hint: '18 位公民身份号码，末位可为 X' },
  credit_code: { type: 'text', autocomplete: 'off', hint: '18 位统一社会信用代码' },
  phone: { type: 'tel', autocomplete: 'tel', hint: '11 位手机号码' },
  email: { type: 'email', autocomplete: 'email' },
};

/** One input of the application form with the value to show and its message (empty when fine). */
export function fieldView(field: FormField, value: string, message: string) {
  const input = INPUT_TYPES[field.type];
  return {
    key: field.key,
    id: `field-${field.key}`,
    name: `form.${field.key}`,
    label: field.label,
    required: field.required,
    control: input.type === 'textarea' || input.type === 'select' ? input.type : 'input',
    type: input.type,
    inputmode: input.inputmode ?? '',
    autocomplete: input.autocomplete ?? '',
    hint: input.hint ?? '',
    maxLength: field.maxLength ?? (field.type === 'textarea' ? 2000 : 200),
    options: field.options ?? [],
    value,
    message,
  };
}

/** Links of a result list's pages, each keeping the other query values; null entries are gaps (…). */
export function pageLinks(basePath: string, query: Record<string, string>, page: number, pageCount: number) {
  const url = (target: number) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== ''));
    if (target > 1) params.set('page', String(target));
    const search = params.toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((candidate) => candidate >= 1 && candidate <= pageCount));
  const pages: Array<{ number: number; url: string; current: boolean } | null> = [];
  let previous = 0;
  for (const number of [...wanted].sort((a, b) => a - b)) {
    if (number - previous > 1) pages.push(null);
    pages.push({ number, url: url(number), current: number === page });
    previous = number;
  }
  return {
    pages,
    previous: page > 1 ? url(page - 1) : '',
    next: page < pageCount ? url(page + 1) : '',
    show: pageCount > 1,
  };
}
