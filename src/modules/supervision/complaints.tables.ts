// Row types of complaints (投诉) and their handling history, added to the platform's Database type.
import type { Selectable } from 'kysely';

/** submitted: not yet looked at; handling: the office has recorded notes; replied: answered and closed. */
export type ComplaintStatus = 'submitted' | 'handling' | 'replied';
export type ComplaintAction = 'submitted' | 'noted' | 'replied';

export interface SupervisionComplaintsTable {
  id: string;
  complaint_number: string;
  complainant_user_id: string;
  complainant_kind: 'citizen' | 'company';
  complainant_name: string;
  contact_phone: string | null;
  case_id: string | null;
  case_number: string | null;
  unit_id: string;
  office_unit_id: string;
  content: string;
  status: ComplaintStatus;
  due_on: string;
  reply: string | null;
  replied_at: string | null;
  replied_by: string | null;
  created_at: string;
  created_on: string;
  updated_at: string;
}

export interface SupervisionComplaintActionsTable {
  id: string;
  complaint_id: string;
  action: ComplaintAction;
  actor_user_id: string | null;
  actor_name: string;
  actor_unit_id: string | null;
  note: string;
  occurred_at: string;
}

export type SupervisionComplaintRow = Selectable<SupervisionComplaintsTable>;

declare module '../../core/db/database.ts' {
  interface Database {
    supervision_complaints: SupervisionComplaintsTable;
    supervision_complaint_actions: SupervisionComplaintActionsTable;
  }
}
