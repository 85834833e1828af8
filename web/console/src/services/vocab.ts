// The service hall's fixed vocabularies as the console needs them (codes mirror the server's
// service-catalogue.ts and process.schema.ts; names come from the i18n dictionaries).
import type { MessageKey } from '../i18n.ts';
import type { Tone } from '../theme.ts';
import type { CaseStatus, FormFieldType, ItemStatus, StepKind, StepPermission, TimeState, VersionStatus } from './types.ts';

export const ITEM_TYPE_CODES = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20'] as const;
export type ItemTypeCode = (typeof ITEM_TYPE_CODES)[number];

export const THEMES: ReadonlyArray<{ code: string; audience: 'person' | 'company' }> = [
  { code: 'birth', audience: 'person' },
  { code: 'education', audience: 'person' },
  { code: 'employment', audience: 'person' },
  { code: 'social_security', audience: 'person' },
  { code: 'household', audience: 'person' },
  { code: 'marriage', audience: 'person' },
  { code: 'housing', audience: 'person' },
  { code: 'traffic', audience: 'person' },
  { code: 'elderly', audience: 'person' },
  { code: 'disability', audience: 'person' },
  { code: 'medical', audience: 'person' },
  { code: 'assistance', audience: 'person' },
  { code: 'pets', audience: 'person' },
  { code: 'startup', audience: 'company' },
  { code: 'operation', audience: 'company' },
  { code: 'investment', audience: 'company' },
  { code: 'construction', audience: 'company' },
  { code: 'transport_business', audience: 'company' },
  { code: 'food_drug', audience: 'company' },
  { code: 'closure', audience: 'company' },
  { code: 'enforcement', audience: 'company' },
];

export const ITEM_STATUSES: ItemStatus[] = ['draft', 'in_review', 'published', 'retired'];
export const ITEM_STATUS_TONES: Record<ItemStatus | VersionStatus, Tone> = {
  draft: 'neutral',
  in_review: 'warning',
  published: 'success',
  retired: 'danger',
  superseded: 'neutral',
};

export const MATERIAL_FORMS = ['original', 'copy', 'electronic'] as const;
export const FORM_FIELD_TYPES: FormFieldType[] = ['text', 'textarea', 'number', 'date', 'select', 'resident_id', 'credit_code', 'phone', 'email'];

export const STEP_KINDS: StepKind[] = ['accept', 'review', 'decide', 'finish'];
export const STEP_PERMISSIONS: StepPermission[] = ['services.cases.accept', 'services.cases.review', 'services.cases.decide'];
export const STEP_ACTIONS = ['accept', 'refuse', 'request_supplement', 'forward', 'send_back', 'transfer', 'countersign', 'suspend', 'approve', 'deny', 'penalize', 'no_penalty', 'conclude'] as const;
export const ACTIONS_BY_KIND: Record<StepKind, readonly string[]> = {
  accept: ['accept', 'refuse', 'request_supplement', 'transfer'],
  review: ['forward', 'send_back', 'request_supplement', 'transfer', 'countersign', 'suspend'],
  decide: ['approve', 'deny', 'penalize', 'no_penalty', 'send_back', 'countersign', 'suspend'],
  finish: ['forward', 'conclude', 'send_back'],
};
export const SPECIAL_PROCEDURES = ['hearing', 'expert_review', 'site_inspection', 'testing', 'public_notice', 'consultation'] as const;

/** Every action a staff member may see in a case's allowedActions, in the order the panel offers them. */
export const CASE_ACTIONS = [
  'accept',
  'forward',
  'approve',
  'conclude',
  'countersign_reply',
  'resume',
  'request_supplement',
  'send_back',
  'transfer',
  'countersign',
  'suspend',
  'refuse',
  'deny',
  'penalize',
  'no_penalty',
  'recall',
  'note',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_STATUSES: CaseStatus[] = ['submitted', 'supplementing', 'in_progress', 'suspended', 'concluded', 'refused', 'withdrawn'];
export const CASE_STATUS_TONES: Record<CaseStatus, Tone> = {
  submitted: 'info',
  supplementing: 'warning',
  in_progress: 'info',
  suspended: 'neutral',
  concluded: 'success',
  refused: 'danger',
  withdrawn: 'neutral',
};

export const TIME_STATES: TimeState[] = ['not_started', 'normal', 'warning', 'overdue', 'paused', 'stopped'];
export const TIME_STATE_TONES: Record<TimeState, Tone> = {
  not_started: 'info',
  normal: 'success',
  warning: 'warning',
  overdue: 'danger',
  paused: 'neutral',
  stopped: 'neutral',
};
/** The bar colour at the start of a queue row (always shown next to the text tag, never alone). */
export const TIME_STATE_BAR: Record<TimeState, string> = {
  not_started: '#2563eb',
  normal: '#16a34a',
  warning: '#d97706',
  overdue: '#dc2626',
  paused: '#9ca3af',
  stopped: '#9ca3af',
};

export const CHANNELS = ['online', 'window', 'pushed'] as const;

export function isTimeState(value: string): value is TimeState {
  return (TIME_STATES as string[]).includes(value);
}

export function isCaseAction(value: string): value is CaseAction {
  return (CASE_ACTIONS as readonly string[]).includes(value);
}

/** Step keys of the template processes, named for queues (which carry only the key). */
const KNOWN_STEP_KEYS = ['accept', 'review', 'decide', 'deliver', 'register', 'investigate', 'inform', 'execute', 'close'] as const;
export function stepKeyLabel(key: string): MessageKey | null {
  return (KNOWN_STEP_KEYS as readonly string[]).includes(key) ? (`svc.stepKey.${key as (typeof KNOWN_STEP_KEYS)[number]}` as MessageKey) : null;
}

/** The dictionary key of a theme's name. */
export function themeKey(code: string): MessageKey {
  return `svc.theme.${code}` as MessageKey;
}

/** The dictionary key of a case or step action's name. */
export function actionKey(action: string): MessageKey {
  return `svc.action.${action}` as MessageKey;
}

/** The dictionary key of a special procedure's name. */
export function procedureKey(kind: string): MessageKey {
  return `svc.procedure.${kind}` as MessageKey;
}
