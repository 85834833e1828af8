// Row types of the identity tables, added to the platform's Database type.
import type { Selectable } from 'kysely';

export type UnitKind = 'province' | 'city' | 'county' | 'town' | 'village' | 'department' | 'service_hall';
export type UserKind = 'staff' | 'citizen' | 'company';

export interface UnitsTable {
  id: string;
  parent_id: string | null;
  kind: UnitKind;
  name: string;
  name_en: string | null;
  code: string | null;
  credit_code: string | null;
  path: string;
  depth: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  kind: UserKind;
  username: string;
  display_name: string;
  unit_id: string | null;
  resident_id: string | null;
  credit_code: string | null;
  phone: string | null;
  email: string | null;
  password_hash: string;
  password_changed_at: string;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  status: 'active' | 'disabled';
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PasswordHistoryTable {
  user_id: string;
  password_hash: string;
  created_at: string;
}

export interface RolesTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  builtin: number;
  admin_role: 'system' | 'security' | 'audit' | null;
  created_at: string;
  updated_at: string;
}

export interface RolePermissionsTable {
  role_id: string;
  permission: string;
}

export interface UserRolesTable {
  user_id: string;
  role_id: string;
  scope: 'self' | 'unit' | 'unit_and_below' | 'all';
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  totp_passed: number;
  pending_totp_secret: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

declare module '../../core/db/database.ts' {
  interface Database {
    units: UnitsTable;
    users: UsersTable;
    password_history: PasswordHistoryTable;
    roles: RolesTable;
    role_permissions: RolePermissionsTable;
    user_roles: UserRolesTable;
    sessions: SessionsTable;
  }
}

export type UnitRow = Selectable<UnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type RoleRow = Selectable<RolesTable>;
export type SessionRow = Selectable<SessionsTable>;
