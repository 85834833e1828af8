// Row types of supervision tasks (督查督办) and their history, added to the platform's Database type.
import type { Selectable } from 'kysely';

/** open: waits for the unit's reply; answered: waits for the office's review; closed: accepted. */
export type TaskStatus = 'open' | 'answered' | 'closed';
export type TaskAction = 'issued' | 'replied' | 'accepted' | 'returned';

export interface SupervisionTasksTable {
  id: string;
  task_number: string;
  title: string;
  content: string;
  office_unit_id: string;
  unit_id: string;
  issued_by: string;
  issued_by_name: string;
  due_on: string;
  status: TaskStatus;
  first_replied_on: string | null;
  created_at: string;
  created_on: string;
  updated_at: string;
  closed_at: string | null;
}

export interface SupervisionTaskActionsTable {
  id: string;
  task_id: string;
  action: TaskAction;
  actor_user_id: string | null;
  actor_name: string;
  actor_unit_id: string | null;
  note: string;
  occurred_at: string;
}

export interface SupervisionCountersTable {
  scope: string;
  last_value: number;
}

export type SupervisionTaskRow = Selectable<SupervisionTasksTable>;

declare module '../../core/db/database.ts' {
  interface Database {
    supervision_counters: SupervisionCountersTable;
    supervision_tasks: SupervisionTasksTable;
    supervision_task_actions: SupervisionTaskActionsTable;
  }
}
