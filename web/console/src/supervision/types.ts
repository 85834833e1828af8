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

export const TASK_STATUSES = ['open', 'answered', 'closed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A supervision task (督查督办), GET /api/supervision/tasks. */
export interface SupervisionTask {
  id: string;
  taskNumber: string;
  title: string;
  content: string;
  unitId: string;
  unitName: string;
  officeUnitId: string;
  officeUnitName: string;
  issuedByName: string;
  dueOn: string;
  status: TaskStatus;
  statusName: string;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  canReply: boolean;
  canReview: boolean;
}

export interface TaskAction {
  id: string;
  action: 'issued' | 'replied' | 'accepted' | 'returned';
  actorName: string;
  note: string;
  occurredAt: string;
  files: StoredFile[];
}

export interface SupervisionTaskDetail extends SupervisionTask {
  history: TaskAction[];
}

export interface ScoreFormula {
  weights: { onTime: number; satisfaction: number; discipline: number };
  deductions: { warning: number; yellow: number; red: number; complaint: number; overdueTask: number };
}

export interface UnitScore {
  rank: number;
  unitId: string;
  unitName: string;
  casesEnded: number;
  casesLate: number;
  onTimeRate: number | null;
  ratings: number;
  averageRating: number | null;
  warnings: number;
  yellowCards: number;
  redCards: number;
  complaints: number;
  overdueTasks: number;
  onTimeScore: number;
  satisfactionScore: number;
  disciplineScore: number;
  total: number;
}

export interface Scores {
  period: string;
  from: string;
  to: string;
  formula: ScoreFormula;
  items: UnitScore[];
}

export const COMPLAINT_STATUSES = ['submitted', 'handling', 'replied'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export interface Complaint {
  id: string;
  complaintNumber: string;
  caseId: string | null;
  caseNumber: string | null;
  unitId: string;
  unitName: string;
  officeUnitName: string;
  complainantName: string;
  complainantKind: 'citizen' | 'company';
  contactPhone: string | null;
  content: string;
  status: ComplaintStatus;
  statusName: string;
  dueOn: string;
  overdue: boolean;
  createdAt: string;
  repliedAt: string | null;
  canHandle: boolean;
}

export interface ComplaintDetail extends Complaint {
  reply: string | null;
  files: StoredFile[];
  history: Array<{ id: string; action: 'submitted' | 'noted' | 'replied'; actorName: string; note: string; occurredAt: string }>;
}

export const RISK_TYPES = ['discretion', 'approval', 'fees', 'inspection', 'acceptance', 'other'] as const;
export type RiskType = (typeof RISK_TYPES)[number];
export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface RiskPoint {
  id: string;
  itemId: string;
  itemName: string;
  stepKey: string;
  stepName: string | null;
  name: string;
  riskType: string;
  riskTypeName: string;
  level: string;
  levelName: string;
  description: string;
  controlMeasures: string;
  requiresSecondApprover: boolean;
  updatedAt: string;
}

export interface SupervisionLogEntry {
  seq: number;
  occurredAt: string;
  actorName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  outcome: string;
  detail: string | null;
}

export const REPORT_STATUSES = ['pending', 'sent', 'dead'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportLogEntry {
  id: string;
  kind: string;
  event: string;
  subjectId: string;
  status: ReportStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  payload: unknown;
}
