// Read-only facts other modules need about the organisation (the portal's department list, the service hall).
import type { DbExecutor } from '../../core/db/database.ts';
import { findFirstUnitOfKind, findUnitsOfKinds } from './units.repository.ts';

/** The county the platform serves (the first county in the tree), or undefined before seeding. */
export async function findServedCounty(db: DbExecutor): Promise<{ id: string; name: string; nameEn: string | null; path: string } | undefined> {
  const county = await findFirstUnitOfKind(db, 'county');
  return county ? { id: county.id, name: county.name, nameEn: county.name_en, path: county.path } : undefined;
}

/** Departments directly serving under a path (e.g. the county's departments) for public listings. */
export async function listDepartmentsUnder(db: DbExecutor, path: string): Promise<Array<{ id: string; name: string; kind: string }>> {
  const units = await findUnitsOfKinds(db, ['department', 'service_hall'], path);
  return units.map((unit) => ({ id: unit.id, name: unit.name, kind: unit.kind }));
}
