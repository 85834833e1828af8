// Row types of the service-hall tables, added to the platform's Database type.
import type { Generated, Selectable } from 'kysely';

export type ItemStatus = 'draft' | 'in_review' | 'published' | 'retired';
export type VersionStatus = 'draft' | 'in_review' | 'published' | 'superseded';
export type CaseStatus = 'submitted' | 'supplementing' | 'in_progress' | 'suspended' | 'concluded' | 'refused' | 'withdrawn';
export type CaseOutcome = 'approved' | 'denied' | 'penalized' | 'no_penalty' | 'refused' | 'withdrawn';
export type CaseChannel = 'online' | 'window' | 'pushed';
export type TaskStatus = 'open' | 'done' | 'cancelled';

export interface ServiceItemsTable {
  id: string;
  unit_id: string;
  basic_code: string;
  variant_code: string;
  implementation_code: string;
  name: string;
  item_type: string;
  case_kind: string;
  /** Comma-separated audiences ("person,company"), for filtering. */
  audiences: string;
  promised_days: number | null;
  online_application: number;
  status: ItemStatus;
  published_version_id: string | null;
  working_version_id: string | null;
  /** Name, codes and summary folded together for substring search. */
  search_text: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  retired_at: string | null;
}

export interface ServiceItemVersionsTable {
  id: string;
  item_id: string;
  version_no: number;
  status: VersionStatus;
  guide: string;
  process: string;
  review_note: string | null;
  created_by: string | null;
  submitted_by: string | null;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceItemThemesTable {
  item_id: string;
  theme_code: string;
}

export interface LifeEventsTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  audience: string;
  description: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface LifeEventItemsTable {
  life_event_id: string;
  item_id: string;
  sort_order: number;
}

export interface CaseNumberCountersTable {
  scope: string;
  last_value: number;
}

export interface CasesTable {
  id: string;
  case_number: string;
  query_code: string;
  item_id: string;
  item_version_id: string;
  unit_id: string;
  intake_unit_id: string;
  channel: CaseChannel;
  applicant_user_id: string | null;
  applicant_kind: string;
  applicant_name: string;
  applicant_id_number: string;
  applicant_phone: string | null;
  applicant_email: string | null;
  form_data: string;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  current_step_key: string | null;
  case_kind: string;
  promised_days: number;
  statutory_days: number | null;
  submitted_at: string;
  accepted_at: string | null;
  decided_at: string | null;
  concluded_at: string | null;
  case_deadline: string | null;
  step_deadline: string | null;
  time_state: string;
  remaining_days: number | null;
  /** The next date the case's time state changes by itself (for the supervision scheduler). */
  next_check_on: string | null;
  handler_user_id: string | null;
  supplement_count: number;
  fine_amount: number | null;
  penalty_circumstance: string | null;
  version: number;
  submission_key: string | null;
  external_system_id: string | null;
  external_case_id: string | null;
  created_at: string;
  updated_at: string;
  /** China date the case ended (concluded, refused, withdrawn), whether after its deadline, working days used. */
  ended_on: string | null;
  ended_late: number | null;
  used_days: number | null;
}

export interface CaseRatingsTable {
  id: string;
  case_id: string;
  rated_by: string | null;
  level: string;
  score: number;
  comment: string;
  unit_id: string;
  created_at: string;
}

export interface RectificationsTable {
  id: string;
  case_id: string;
  rating_id: string;
  unit_id: string;
  status: 'open' | 'done';
  due_on: string;
  callback_at: string | null;
  callback_note: string | null;
  result: string | null;
  reply_to_applicant: string | null;
  handled_by: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ExternalSystemsTable {
  id: string;
  name: string;
  unit_id: string;
  credential_prefix: string;
  credential_hash: string;
  status: 'active' | 'disabled';
  created_by: string | null;
  created_at: string;
  updated_at: string;
  last_used_at: string | null;
}

export interface CaseEventsTable {
  id: string;
  case_id: string;
  seq: number;
  type: string;
  step_key: string | null;
  actor_kind: string;
  actor_user_id: string | null;
  actor_name: string;
  actor_unit_id: string | null;
  occurred_at: string;
  /** The China calendar date of the event, which the deadline arithmetic counts from. */
  occurred_on: string;
  detail: string | null;
}

export interface CaseTasksTable {
  id: string;
  case_id: string;
  step_key: string;
  kind: 'step' | 'countersign';
  unit_id: string;
  permission: string;
  status: TaskStatus;
  opened_at: string;
  touched_at: string | null;
  closed_at: string | null;
  closed_by: string | null;
  opinion: string | null;
  /** The case's current step (or case) deadline and time state, kept here for the work queue. */
  due_on: Generated<string>;
  time_state: Generated<string>;
}

export interface CaseMaterialsTable {
  id: string;
  case_id: string;
  material_key: string;
  name: string;
  source: 'upload' | 'reuse' | 'licence';
  file_id: string | null;
  licence_reference: string | null;
  round: number;
  created_at: string;
}

export interface ApplicationDraftsTable {
  id: string;
  user_id: string;
  item_id: string;
  form_data: string;
  materials: string;
  created_at: string;
  updated_at: string;
}

export type ServiceItemRow = Selectable<ServiceItemsTable>;
export type ServiceItemVersionRow = Selectable<ServiceItemVersionsTable>;
export type CaseRow = Selectable<CasesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type CaseTaskRow = Selectable<CaseTasksTable>;
export type CaseMaterialRow = Selectable<CaseMaterialsTable>;

declare module '../../core/db/database.ts' {
  interface Database {
    service_items: ServiceItemsTable;
    service_item_versions: ServiceItemVersionsTable;
    service_item_themes: ServiceItemThemesTable;
    life_events: LifeEventsTable;
    life_event_items: LifeEventItemsTable;
    case_number_counters: CaseNumberCountersTable;
    cases: CasesTable;
    case_events: CaseEventsTable;
    case_tasks: CaseTasksTable;
    case_materials: CaseMaterialsTable;
    application_drafts: ApplicationDraftsTable;
    case_ratings: CaseRatingsTable;
    rectifications: RectificationsTable;
    external_systems: ExternalSystemsTable;
  }
}
