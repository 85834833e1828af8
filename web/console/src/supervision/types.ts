// Shapes of the supervision API as the console reads them (src/modules/supervision/*.schema.ts).
import type { StoredFile } from '../services/types.ts';

export const FINDING_LEVELS = ['warning', 'yellow', 'red'] as const;
export type FindingLevel = (typeof FINDING_LEVELS)[number];
export const FINDING_STATUSES = ['notified', 'open', 'responded', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const RULE_CATEGORIES = ['timeliness', 'legality', 'completeness', 'fees', 'discretion', 'offsystem'] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];
export const FINDING_ACTIONS = ['raised', 'resolved', 'explained', 'rectified', 'accepted', 'rejected'] as const;
export type FindingActionKind = (typeof FINDING_ACTIONS)[number];

export interface Finding {
  id: string;
  category: string;
  ruleCode: string;
  ruleName: string;
  level: FindingLevel;
  levelName: string;
  description: string;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  unitId: string;
  unitName: string;
  deadlineKey: string | null;
  dueOn: string | null;
  raisedAt: string;
  raisedOn: string;
  resolvedAt: string | null;
  status: FindingStatus;
  canRespond: boolean;
  canReview: boolean;
}

export interface FindingAction {
  id: string;
  action: FindingActionKind;
  actorName: string;
  note: string;
  occurredAt: string;
  files: StoredFile[];
}

export interface FindingDetail extends Finding {
  history: FindingAction[];
}

export type RuleSettings = Record<string, number | string>;

export interface Rule {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  category: string;
  categoryName: string;
  subjectType: string;
  deadlineKind: string | null;
  scopeKey: string | null;
  scopeName: string | null;
  settings: RuleSettings;
  enabled: boolean;
  updatedAt: string;
}

export interface LevelCounts {
  warning: number;
  yellow: number;
  red: number;
  total: number;
}

export interface DashboardFinding {
  id: string;
  level: FindingLevel;
  levelName: string;
  category: string;
  categoryName: string;
  ruleCode: string;
  ruleName: string;
  description: string;
  unitId: string;
  unitName: string;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  raisedAt: string;
  status: FindingStatus;
}

export interface RankedUnit extends LevelCounts {
  rank: number;
  unitId: string;
  unitName: string;
  cases: number;
  weighted: number;
  perCase: number;
}

export interface Dashboard {
  today: string;
  from: string;
  windowDays: number;
  generatedAt: string;
  scopeUnitName: string | null;
  casesInProgress: { total: number; byUnit: Array<{ unitId: string; unitName: string; count: number }> };
  findingsToday: LevelCounts;
  findingsInWindow: LevelCounts;
  handling: { awaitingAnswer: number; awaitingReview: number };
  trend: Array<LevelCounts & { date: string }>;
  byUnit: Array<LevelCounts & { unitId: string; unitName: string }>;
  ranking: { weights: { warning: number; yellow: number; red: number }; units: RankedUnit[] };
  newest: DashboardFinding[];
}

export interface FindingStatistics {
  from: string;
  to: string;
  unitId: string | null;
  category: string | null;
  level: FindingLevel | null;
  categories: Array<{ category: string; name: string }>;
  rows: Array<LevelCounts & { unitId: string; unitName: string; category: string; categoryName: string }>;
  byUnit: Array<LevelCounts & { unitId: string; unitName: string }>;
  byCategory: Array<LevelCounts & { category: string; categoryName: string }>;
  totals: LevelCounts;
}
