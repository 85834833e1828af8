// Built-in roles on every start; the demo county (示范县) on a first start; admin accounts for the CLI.
import type { Actor, AdminRole } from '../../core/auth/actor.ts';
import { hashPassword } from '../../core/auth/password.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import type { Db, DbExecutor } from '../../core/db/database.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { isValidCreditCode, isValidResidentId } from '../../core/ids/index.ts';
import { demoAdmins, demoCitizens, demoCompanies, demoStaff, demoUnits } from './demo/demo-county.ts';
import { builtinRoles } from './identity.permissions.ts';
import type { UnitRow, UserRow } from './identity.tables.ts';
import { findRole, insertRole, replaceRolePermissions, updateRole } from './roles.repository.ts';
import { findUnitByCreditCode, findUnitById, insertUnit, isUnitTreeEmpty } from './units.repository.ts';
import { findUserByUsername, insertUser, replaceAssignments } from './users.repository.ts';

/** The password every demo account starts with (printed at start; admins must change it at first sign-in). */
export const DEMO_PASSWORD = 'Zt@demo2026';

/** Creates missing built-in roles and brings their permissions in line with the code. */
export async function ensureBuiltinRoles(db: DbExecutor, now = new Date()): Promise<void> {
  for (const role of builtinRoles) {
    const existing = await findRole(db, { code: role.code });
    if (existing) {
      await updateRole(db, existing.id, { name: role.name, name_en: role.nameEn, admin_role: role.adminRole, builtin: 1 });
      await replaceRolePermissions(db, existing.id, role.permissions);
    } else {
      const row = { id: newId(now.getTime()), code: role.code, name: role.name, name_en: role.nameEn, builtin: 1, admin_role: role.adminRole, created_at: toTimestamp(now), updated_at: toTimestamp(now) };
      await insertRole(db, row, role.permissions);
    }
  }
}

interface NewAccount {
  username: string;
  displayName: string;
  kind: UserRow['kind'];
  unitId: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  phone?: string | null;
  residentId?: string | null;
  creditCode?: string | null;
  roles: Array<{ roleCode: string; scope: 'self' | 'unit' | 'unit_and_below' | 'all' }>;
}

async function insertAccount(tx: DbExecutor, account: NewAccount, now: Date): Promise<string> {
  // External accounts are identified by their national identifiers: refuse any that fail their check digits.
  if (account.residentId && !isValidResidentId(account.residentId)) throw new AppError('INVALID_RESIDENT_ID');
  if (account.creditCode && !isValidCreditCode(account.creditCode)) throw new AppError('INVALID_CREDIT_CODE');
  const id = newId(now.getTime());
  await insertUser(tx, {
    id,
    kind: account.kind,
    username: account.username,
    display_name: account.displayName,
    unit_id: account.unitId,
    phone: account.phone ?? null,
    resident_id: account.residentId ?? null,
    credit_code: account.creditCode ?? null,
    password_hash: account.passwordHash,
    password_changed_at: toTimestamp(now),
    must_change_password: account.mustChangePassword ? 1 : 0,
    failed_attempts: 0,
    totp_enabled: 0,
    status: 'active',
    created_at: toTimestamp(now),
    updated_at: toTimestamp(now),
  });
  const assignments = [];
  for (const role of account.roles) {
    const found = await findRole(tx, { code: role.roleCode });
    if (!found) throw new Error(`Unknown role ${role.roleCode}`);
    assignments.push({ role_id: found.id, scope: role.scope, created_at: toTimestamp(now) });
  }
  await replaceAssignments(tx, id, assignments);
  return id;
}

const ADMIN_ROLE_CODES: Record<AdminRole, string> = { system: 'system_admin', security: 'security_admin', audit: 'audit_admin' };

/** Provisions an account holding exactly one of the three admin roles (CLI `create-admin`). */
export async function createAdminAccount(db: Db, actor: Actor, input: { username: string; displayName: string; adminRole: AdminRole; unitId: string; password: string }, now = new Date()): Promise<string> {
  if (await findUserByUsername(db, input.username)) throw new AppError('USERNAME_TAKEN');
  if (!(await findUnitById(db, input.unitId))) throw new AppError('UNIT_NOT_FOUND');
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const id = await insertAccount(tx, { username: input.username, displayName: input.displayName, kind: 'staff', unitId: input.unitId, passwordHash, mustChangePassword: true, roles: [{ roleCode: ADMIN_ROLE_CODES[input.adminRole], scope: 'all' }] }, now);
    await recordAudit(tx, actor, { action: 'identity.admin.create', subjectType: 'user', subjectId: id, after: { username: input.username, adminRole: input.adminRole } }, now);
    return id;
  });
}

/** Finds a unit by id or credit code (CLI arguments accept either). */
export async function findUnitByReference(db: Db, reference: string): Promise<UnitRow | undefined> {
  return (await findUnitByCreditCode(db, reference.toUpperCase())) ?? (await findUnitById(db, reference));
}

/** Loads the demo county when the unit tree is empty; returns false when there was something already. */
export async function seedDemoCounty(db: Db, actor: Actor, now = new Date()): Promise<boolean> {
  if (!(await isUnitTreeEmpty(db))) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (tx) => {
    const idsByKey = new Map<string, UnitRow>();
    for (const [index, unit] of demoUnits.entries()) {
      const parent = unit.parentKey ? idsByKey.get(unit.parentKey) : undefined;
      if (unit.parentKey && !parent) throw new Error(`Demo unit ${unit.key} comes before its parent`);
      const id = newId(now.getTime());
      const row: UnitRow = {
        id,
        parent_id: parent?.id ?? null,
        kind: unit.kind,
        name: unit.name,
        name_en: unit.nameEn,
        code: unit.code ?? null,
        credit_code: unit.creditCode ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: (parent?.depth ?? -1) + 1,
        sort_order: index,
        created_at: toTimestamp(now),
        updated_at: toTimestamp(now),
      };
      await insertUnit(tx, row);
      idsByKey.set(unit.key, row);
    }
    const unitId = (key: string) => idsByKey.get(key)?.id ?? null;
    for (const admin of demoAdmins) {
      await insertAccount(tx, { username: admin.username, displayName: admin.displayName, kind: 'staff', unitId: unitId(admin.unitKey), passwordHash, mustChangePassword: true, roles: [{ roleCode: ADMIN_ROLE_CODES[admin.adminRole], scope: 'all' }] }, now);
    }
    for (const person of demoStaff) {
      const scope = builtinRoles.find((role) => role.code === person.roleCode)?.defaultScope ?? 'self';
      await insertAccount(tx, { username: person.username, displayName: person.displayName, kind: 'staff', unitId: unitId(person.unitKey), passwordHash, mustChangePassword: false, phone: person.phone, roles: [{ roleCode: person.roleCode, scope }] }, now);
    }
    for (const person of demoCitizens) {
      await insertAccount(tx, { username: person.username, displayName: person.displayName, kind: 'citizen', unitId: null, passwordHash, mustChangePassword: false, phone: person.phone, residentId: person.residentId, roles: [] }, now);
    }
    for (const company of demoCompanies) {
      await insertAccount(tx, { username: company.username, displayName: company.name, kind: 'company', unitId: null, passwordHash, mustChangePassword: false, phone: company.phone, creditCode: company.creditCode, roles: [] }, now);
    }
    await recordAudit(tx, actor, { action: 'identity.seed_demo', detail: `${demoUnits.length} units, ${demoAdmins.length + demoStaff.length} staff, ${demoCitizens.length} citizens, ${demoCompanies.length} companies` }, now);
  });
  return true;
}
