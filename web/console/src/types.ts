// Shapes of the JSON the console reads from /api (see docs/console-api.md).

export type Stage = 'totp' | 'enrol_totp' | 'change_password' | 'done';
export type AdminRole = 'system' | 'security' | 'audit';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  kind: string;
  unitId: string | null;
  unitName: string | null;
  adminRole: AdminRole | null;
  permissions: string[];
  totpEnabled: boolean;
  passwordExpiresAt: string | null;
  phone: string | null;
  email: string | null;
}

export interface StageResponse {
  stage: Stage;
  user: SessionUser;
}

export interface SessionResponse extends StageResponse {
  csrfToken: string;
}

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type UnitKind = 'province' | 'city' | 'county' | 'town' | 'village' | 'department' | 'service_hall';
export const UNIT_KINDS: UnitKind[] = ['province', 'city', 'county', 'town', 'village', 'department', 'service_hall'];

export interface OrgUnit {
  id: string;
  parentId: string | null;
  kind: UnitKind;
  name: string;
  code: string | null;
  creditCode: string | null;
  sortOrder: number;
}

export type RoleScope = 'self' | 'unit' | 'unit_and_below' | 'all';
export const ROLE_SCOPES: RoleScope[] = ['self', 'unit', 'unit_and_below', 'all'];

export interface RoleAssignment {
  roleId: string;
  roleName?: string;
  scope: RoleScope;
}

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  kind: string;
  unitId: string | null;
  unitName: string | null;
  status: 'active' | 'disabled';
  lockedUntil: string | null;
  totpEnabled: boolean;
  phone: string | null;
  email: string | null;
  roles: RoleAssignment[];
  createdAt: string;
}

export interface Role {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  builtin: boolean;
  adminRole: AdminRole | null;
  permissions: string[];
}

export interface Permission {
  code: string;
  name: string;
  nameEn: string | null;
  group: string;
  adminRole: AdminRole | null;
}

export interface SecurityPolicy {
  passwordMinLength: number;
  passwordMinClasses: number;
  passwordRotationDays: number;
  passwordHistory: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
}

export interface AuditRecord {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  unitId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: null | { seq: number; reason: string };
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface CalendarDay {
  date: string;
  working: boolean;
  kind: DayKind;
  name?: string;
  override?: { working: boolean; note: string };
}

export interface CalendarYear {
  year: number;
  shipped: boolean;
  days: CalendarDay[];
}

export interface CalendarStatus {
  years: number[];
  currentYear: number;
  nextYear: number;
  nextYearMissing: boolean;
}

export interface DueDateResult {
  start: string;
  days: number;
  dueDate: string;
}

export type OutboxChannel = 'email' | 'sms' | 'inapp' | 'event';
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'dead';

export interface OutboxRow {
  id: string;
  channel: OutboxChannel;
  topic: string;
  recipient: string;
  subject: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

export interface InboxMessage {
  id: string;
  title: string;
  body: string;
  /** A console route the message is about (e.g. /supervision/findings/<id>), or null. */
  link?: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface MessagesResponse {
  items: InboxMessage[];
  total: number;
  unread: number;
}
