// Row types of the supervision tables, added to the platform's Database type.
import type { Selectable } from 'kysely';

/** open: waits for the unit's explanation or rectification; responded: waits for the office; closed: accepted. Warnings only notify. */
export type FindingStatus = 'notified' | 'open' | 'responded' | 'closed';
export type FindingAction = 'raised' | 'resolved' | 'explained' | 'rectified' | 'accepted' | 'rejected';

export interface SupervisionRulesTable {
  id: string;
  code: string;
  category: string;
  subject_type: string;
  deadline_kind: string;
  scope_key: string;
  settings_json: string;
  enabled: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface SupervisionSubjectsTable {
  subject_type: string;
  subject_id: string;
  unit_id: string;
  scope_key: string | null;
  label: string;
  deadlines_json: string;
  next_check_on: string | null;
  evaluated_at: string;
}

export interface SupervisionFindingsTable {
  id: string;
  finding_key: string;
  category: string;
  rule_code: string;
  level: string;
  subject_type: string;
  subject_id: string;
  subject_label: string;
  unit_id: string;
  deadline_key: string | null;
  due_on: string | null;
  detail: string | null;
  raised_at: string;
  raised_on: string;
  resolved_at: string | null;
  status: FindingStatus;
  updated_at: string;
}

export interface SupervisionFindingActionsTable {
  id: string;
  finding_id: string;
  action: FindingAction;
  actor_user_id: string | null;
  actor_name: string;
  actor_unit_id: string | null;
  note: string;
  occurred_at: string;
}

export interface SupervisionOfficesTable {
  office_unit_id: string;
  supervised_unit_id: string;
  created_at: string;
}

export type SupervisionRuleRow = Selectable<SupervisionRulesTable>;
export type SupervisionSubjectRow = Selectable<SupervisionSubjectsTable>;
export type SupervisionFindingRow = Selectable<SupervisionFindingsTable>;

declare module '../../core/db/database.ts' {
  interface Database {
    supervision_rules: SupervisionRulesTable;
    supervision_subjects: SupervisionSubjectsTable;
    supervision_findings: SupervisionFindingsTable;
    supervision_finding_actions: SupervisionFindingActionsTable;
    supervision_offices: SupervisionOfficesTable;
  }
}
