// Read-only facts other modules need about the organisation (the portal's department list, the service hall).
import type { DbExecutor } from '../../core/db/database.ts';
import { findFirstUnitOfKind, findUnitById, findUnitsOfKinds } from './units.repository.ts';
import { findGrants, findUnitStaffWithPermission, findUserById } from './users.repository.ts';

/** The county the platform serves (the first county in the tree), or undefined before seeding. */
export async function findServedCounty(db: DbExecutor): Promise<{ id: string; name: string; nameEn: string | null; path: string; code: string | null } | undefined> {
  const county = await findFirstUnitOfKind(db, 'county');
  return county ? { id: county.id, name: county.name, nameEn: county.name_en, path: county.path, code: county.code } : undefined;
}

/** Departments directly serving under a path (e.g. the county's departments) for public listings. */
export async function listDepartmentsUnder(db: DbExecutor, path: string): Promise<Array<{ id: string; name: string; kind: string; path: string }>> {
  const units = await findUnitsOfKinds(db, ['department', 'service_hall'], path);
  return units.map((unit) => ({ id: unit.id, name: unit.name, kind: unit.kind, path: unit.path }));
}

export interface UnitFacts {
  id: string;
  name: string;
  kind: string;
  path: string;
  creditCode: string | null;
}

/** What other modules need to know of one unit, or undefined when there is none. */
export async function findUnitFacts(db: DbExecutor, id: string): Promise<UnitFacts | undefined> {
  const unit = await findUnitById(db, id);
  return unit ? { id: unit.id, name: unit.name, kind: unit.kind, path: unit.path, creditCode: unit.credit_code } : undefined;
}

/** The county's main service hall (政务服务中心), where online applications are received; undefined without one. */
export async function findMainServiceHall(db: DbExecutor): Promise<UnitFacts | undefined> {
  const hall = await findFirstUnitOfKind(db, 'service_hall');
  return hall ? { id: hall.id, name: hall.name, kind: hall.kind, path: hall.path, creditCode: hall.credit_code } : undefined;
}

export interface AccountFacts {
  id: string;
  kind: 'staff' | 'citizen' | 'company';
  displayName: string;
  residentId: string | null;
  creditCode: string | null;
  phone: string | null;
  email: string | null;
}

/** The identity facts of an account (an applicant's name, ID number and contacts), or undefined. */
export async function findAccountFacts(db: DbExecutor, userId: string): Promise<AccountFacts | undefined> {
  const user = await findUserById(db, userId);
  return user ? { id: user.id, kind: user.kind, displayName: user.display_name, residentId: user.resident_id, creditCode: user.credit_code, phone: user.phone, email: user.email } : undefined;
}

/** The active staff of a unit who hold a permission (e.g. those who answer supervision findings), to notify them. */
export async function findUnitStaffHolding(db: DbExecutor, unitId: string, permission: string): Promise<Array<{ id: string; displayName: string; phone: string | null }>> {
  const rows = await findUnitStaffWithPermission(db, unitId, permission);
  return rows.map((row) => ({ id: row.id, displayName: row.display_name, phone: row.phone }));
}

/** The permissions a user holds now, through any role (for checking after the fact who was allowed to act). */
export async function findUserPermissions(db: DbExecutor, userId: string): Promise<Set<string>> {
  return new Set((await findGrants(db, userId)).map((grant) => grant.permission));
}
