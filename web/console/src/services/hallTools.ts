// Shapes of the service hall's management endpoints the console reads (statistics, rectifications of bad
// ratings, batch approval, the catalogue's Excel import, external systems) and their small vocabularies.
// See docs/console-api.md, 政务服务 sections.
import type { MessageKey } from '../i18n.ts';
import type { Tone } from '../theme.ts';

/** GET /api/cases/statistics?from&to&unitId */
export interface Statistics {
  from: string;
  to: string;
  submitted: number;
  concluded: number;
  onTimeRate: number | null;
  averageWorkingDays: number | null;
  byStatus: Array<{ status: string; name: string; count: number }>;
  byUnit: Array<{ unitId: string; unitName: string; submitted: number; concluded: number; late: number; onTimeRate: number | null; averageWorkingDays: number | null }>;
  byItem: Array<{ itemId: string; itemName: string; count: number }>;
  byMonth: Array<{ month: string; count: number }>;
  satisfaction: { count: number; averageScore: number | null; satisfiedRate: number | null; byLevel: Array<{ level: string; name: string; count: number }> };
}

export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'fair', 'dissatisfied', 'very_dissatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const RATING_TONES: Record<RatingLevel, Tone> = {
  very_satisfied: 'success',
  satisfied: 'success',
  fair: 'info',
  dissatisfied: 'warning',
  very_dissatisfied: 'danger',
};

/** Bar colours of the satisfaction chart, from good to bad (each ≥ 3:1 against white). */
export const RATING_COLOURS: Record<RatingLevel, string> = {
  very_satisfied: '#15803d',
  satisfied: '#4d7c0f',
  fair: '#1d4ed8',
  dissatisfied: '#b45309',
  very_dissatisfied: '#b91c1c',
};

export function isRatingLevel(value: string): value is RatingLevel {
  return (RATING_LEVELS as readonly string[]).includes(value);
}

/** The dictionary key of a rating level, or null for an unknown code. */
export function ratingKey(level: string): MessageKey | null {
  return isRatingLevel(level) ? (`svc.rating.${level}` as MessageKey) : null;
}

/** GET /api/rectifications, GET /api/rectifications/:id */
export interface Rectification {
  id: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  unitName: string;
  applicantName: string;
  applicantPhone: string | null;
  level: string;
  levelName: string;
  comment: string;
  ratedAt: string;
  status: 'open' | 'done';
  dueOn: string;
  overdue: boolean;
  callbackAt: string | null;
  callbackNote: string | null;
  result: string | null;
  replyToApplicant: string | null;
  closedAt: string | null;
}

/** POST /api/cases/batch-approve → results */
export interface BatchResult {
  caseId: string;
  ok: boolean;
  code: string | null;
  message: string | null;
}

export type ImportStatus = 'queued' | 'validating' | 'importing' | 'done' | 'failed';

/** POST /api/service-items/imports (202), GET /api/service-items/imports/:id */
export interface ItemImport {
  id: string;
  status: ImportStatus;
  fileName: string;
  totalRows: number;
  processedRows: number;
  percent: number;
  counts: { created: number; updated: number; unchanged: number } | null;
  report: Array<{ sheet: string; row: number; column: string; message: string }> | null;
  reportTruncated: boolean;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** GET /api/external-systems → items */
export interface ExternalSystem {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  credentialPrefix: string;
  status: 'active' | 'disabled';
  createdAt: string;
  lastUsedAt: string | null;
}
