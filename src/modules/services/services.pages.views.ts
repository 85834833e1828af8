// Pure view models of the service-hall pages: a published guide as its 17 elements, a case's progress,
// form fields with their values and messages, dates in China time, and page links that keep the filters.
// Each takes the page's language (Chinese unless told) and words its text from the hall's message tables.
import { formatMessage } from '../../core/i18n/format-message.ts';
import type { ProcessDefinition } from './process.schema.ts';
import { AUDIENCES, CASE_KINDS, ITEM_TYPES, type ItemType } from './service-catalogue.ts';
import type { FormField, ServiceGuide } from './service-guide.schema.ts';
import { GUIDE_ELEMENTS } from './guide-completeness.ts';
import { hallMessages, type Language } from './services.pages.messages.ts';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** 2025-10-09 14:03 in China time for an ISO timestamp; the input unchanged when it is not one. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const china = new Date(time + CHINA_OFFSET_MS).toISOString();
  return `${china.slice(0, 10)} ${china.slice(11, 16)}`;
}

/** 2025年10月9日 (9 October 2025) for a date (YYYY-MM-DD or a timestamp, read in China time). */
export function formatDate(value: string | null | undefined, language: Language = 'zh'): string {
  if (!value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : formatDateTime(value).slice(0, 10);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return value;
  const units = hallMessages(language).units;
  const month = Number(match[2]);
  return formatMessage(units.date, { year: match[1] ?? '', month: units.months[month - 1] ?? month, day: Number(match[3]) });
}

/** The name of a case's time state (TimeState of the clock) in a language; the code when unknown. */
export function timeStateName(state: string, language: Language = 'zh'): string {
  return (hallMessages(language).timeStates as Record<string, string>)[state] ?? state;
}

/** The name of a case status in a language; the code when unknown. */
export function caseStatusName(status: string, language: Language = 'zh'): string {
  return (hallMessages(language).statuses as Record<string, string>)[status] ?? status;
}

/** Working days as text: 5 个工作日 (5 working days); 0 days is `zeroMeans` (by default 即办（当场办结）). */
export function daysText(days: number | null, zeroMeans?: string, language: Language = 'zh'): string {
  const units = hallMessages(language).units;
  if (days === null) return hallMessages(language).common.none;
  if (days === 0) return zeroMeans ?? units.immediateDone;
  return formatMessage(days === 1 ? units.workingDay : units.workingDays, { n: days });
}

function visitsText(visits: number | null, language: Language): string {
  const t = hallMessages(language);
  if (visits === null) return t.common.none;
  return visits === 0 ? t.units.noVisits : formatMessage(visits === 1 ? t.units.visit : t.units.visits, { n: visits });
}

type ElementLabels = Record<keyof typeof GUIDE_ELEMENTS, string>;

/** The label of each of the 17 guide elements (GUIDE_ELEMENTS) in a language, for headings. */
export function elementLabels(language: Language = 'zh'): ElementLabels {
  return Object.fromEntries(Object.entries(GUIDE_ELEMENTS).map(([key, names]) => [key, names[language]])) as ElementLabels;
}

/** The label of each of the 17 guide elements in Chinese. */
export const ELEMENT_LABELS: ElementLabels = elementLabels('zh');

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
export function guideView(item: GuideSummary, guide: ServiceGuide, process: ProcessDefinition, language: Language = 'zh') {
  const t = hallMessages(language);
  const labels = elementLabels(language);
  const days = (value: number | null, zeroMeans?: string) => daysText(value, zeroMeans, language);
  const itemTypeName = ITEM_TYPES[guide.itemType as ItemType]?.[language] ?? item.itemType;
  return {
    id: item.id,
    name: item.name,
    summary: guide.summary,
    labels,
    basics: [
      { label: labels.name, value: item.name },
      { label: labels.itemType, value: itemTypeName },
      { label: labels.implementingUnit, value: item.unitName },
      { label: labels.audiences, value: guide.audiences.map((audience) => AUDIENCES[audience][language]).join(t.common.listSeparator) },
      { label: labels.caseKind, value: CASE_KINDS[guide.caseKind][language] },
      { label: labels.visits, value: visitsText(guide.visits, language) },
      { label: t.guide.basicCode, value: item.basicCode },
      { label: t.guide.implementationCode, value: item.implementationCode },
    ],
    caseKindName: CASE_KINDS[guide.caseKind][language],
    itemTypeName,
    fullyOnline: guide.visits === 0,
    visits: guide.visits,
    visitsText: guide.visits === null ? t.common.none : formatMessage(guide.visits === 1 ? t.units.visit : t.units.visits, { n: guide.visits }),
    legalBasis: guide.legalBasis,
    acceptanceConditions: guide.acceptanceConditions,
    materials: guide.materials.map((material, index) => ({
      number: index + 1,
      name: material.name,
      required: material.required,
      form: t.materialForms[material.form] ?? material.form,
      copies: material.form === 'electronic' ? '—' : formatMessage(material.copies === 1 ? t.units.copy : t.units.copies, { n: material.copies }),
      licenceType: material.licenceType ?? '',
      blankFormUrl: material.blankFormFileId ? `/api/files/${material.blankFormFileId}/content` : '',
      sampleUrl: material.sampleFileId ? `/api/files/${material.sampleFileId}/content` : '',
      note: material.note,
    })),
    processDescription: guide.processDescription,
    steps: process.steps.map((step) => ({ name: step.name, limit: step.limitDays === null ? '' : days(step.limitDays, t.units.onTheSpot) })),
    statutory: days(guide.statutoryDays, t.units.doneOnTheSpot),
    promised: guide.caseKind === 'immediate' ? t.units.immediateDone : days(guide.promisedDays),
    charged: guide.charged,
    fees: guide.fees.map((fee) => ({ name: fee.name, basis: fee.basis, amount: formatMessage(t.units.amount, { amount: fee.amount.toFixed(2) }) })),
    place: guide.place,
    hours: guide.hours,
    consultation: guide.consultation,
    complaintChannel: guide.complaintChannel,
    onlineApplication: guide.onlineApplication,
    audiences: guide.audiences,
    versionNo: item.versionNo,
    publishedOn: formatDate(item.publishedAt, language),
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

/** A case's progress for the lookup and the applicant's case page: steps, deadlines, the clock's explanation, the timeline. */
export function progressView(input: ProgressInput, language: Language = 'zh') {
  const t = hallMessages(language);
  const clock = input.clock;
  const ended = input.status === 'concluded' || input.status === 'refused' || input.status === 'withdrawn';
  const remaining = clock.remainingDays === null ? '' : clock.remainingDays >= 0 ? formatMessage(t.progress.remaining, { n: clock.remainingDays }) : formatMessage(t.progress.overdue, { n: -clock.remainingDays });
  // The case views hide staff names from applicants behind the Chinese word for staff; it is a label, not a name.
  const actorName = (name: string | undefined) => (name === hallMessages('zh').progress.staff ? t.progress.staff : (name ?? ''));
  return {
    status: input.status,
    statusName: language === 'zh' ? input.statusName : caseStatusName(input.status, language),
    ended,
    steps: input.steps.map((step) => ({ name: step.name, state: step.state, stateName: (t.stepStates as Record<string, string>)[step.state] ?? step.state, limit: step.limitDays === null ? '' : daysText(step.limitDays, t.units.onTheSpot, language) })),
    timeState: clock.timeState,
    timeStateName: timeStateName(clock.timeState, language),
    deadlines: [
      { label: t.progress.promisedDeadline, value: formatDate(clock.caseDeadline, language) },
      { label: t.progress.statutoryDeadline, value: formatDate(clock.statutoryDeadline, language) },
      { label: t.progress.stepDeadline, value: ended ? '' : formatDate(clock.stepDeadline, language) },
    ].filter((entry) => entry.value !== ''),
    remaining: ended ? '' : remaining,
    pauses: clock.pauses.map((pause) => ({ label: pause.label, from: formatDate(pause.from, language), to: pause.to ? formatDate(pause.to, language) : '', days: pause.workingDays })),
    // Sentences of the clock (case-clock.ts), worded in Chinese only; English pages mark them as Chinese.
    explanation: clock.explanation,
    timeline: input.timeline.map((entry) => ({ time: formatDateTime(entry.occurredAt), iso: entry.occurredAt, event: entry.typeName, step: entry.stepName ?? '', actor: actorName(entry.actorName) })),
  };
}

const INPUT_TYPES: Record<FormField['type'], { type: string; inputmode?: string; autocomplete?: string; hint?: keyof ReturnType<typeof hallMessages>['fieldHints'] }> = {
  text: { type: 'text' },
  textarea: { type: 'textarea' },
  number: { type: 'text', inputmode: 'decimal', hint: 'number' },
  date: { type: 'date', hint: 'date' },
  select: { type: 'select' },
  resident_id: { type: 'text', autocomplete: 'off', hint: 'resident_id' },
  credit_code: { type: 'text', autocomplete: 'off', hint: 'credit_code' },
  phone: { type: 'tel', autocomplete: 'tel', hint: 'phone' },
  email: { type: 'email', autocomplete: 'email' },
};

/** One input of the application form with the value to show and its message (empty when fine). */
export function fieldView(field: FormField, value: string, message: string, language: Language = 'zh') {
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
    hint: input.hint ? hallMessages(language).fieldHints[input.hint] : '',
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
