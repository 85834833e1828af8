// All SQL on the external systems that push cases, and the lookups a push needs.
import type { Insertable, Updateable } from 'kysely';
import type { DbExecutor } from '../../core/db/database.ts';
import type { ExternalSystemsTable } from './services.tables.ts';

/** Inserts an external system. */
export async function insertExternalSystem(db: DbExecutor, row: Insertable<ExternalSystemsTable>): Promise<void> {
  await db.insertInto('external_systems').values(row).execute();
}

/** Updates an external system. */
export async function updateExternalSystem(db: DbExecutor, id: string, changes: Updateable<ExternalSystemsTable>): Promise<void> {
  await db.updateTable('external_systems').set(changes).where('id', '=', id).execute();
}

/** The system holding a credential prefix, or undefined. */
export function findExternalSystemByPrefix(db: DbExecutor, prefix: string) {
  return db.selectFrom('external_systems').selectAll().where('credential_prefix', '=', prefix).executeTakeFirst();
}

/** Every external system with its unit's name, newest first. */
export function findExternalSystems(db: DbExecutor) {
  return db.selectFrom('external_systems').innerJoin('units', 'units.id', 'external_systems.unit_id').selectAll('external_systems').select('units.name as unit_name').orderBy('external_systems.created_at', 'desc').execute();
}

/** One external system with its unit's name, or undefined. */
export function findExternalSystemById(db: DbExecutor, id: string) {
  return db.selectFrom('external_systems').innerJoin('units', 'units.id', 'external_systems.unit_id').selectAll('external_systems').select('units.name as unit_name').where('external_systems.id', '=', id).executeTakeFirst();
}

/** The case a system pushed under its own id, or undefined. */
export function findPushedCase(db: DbExecutor, systemId: string, externalCaseId: string) {
  return db.selectFrom('cases').selectAll().where('external_system_id', '=', systemId).where('external_case_id', '=', externalCaseId).executeTakeFirst();
}

/** The published item of a unit with this implementation or basic code, or undefined. */
export function findUnitItemByCode(db: DbExecutor, unitId: string, code: string) {
  return db
    .selectFrom('service_items')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where((eb) => eb.or([eb('implementation_code', '=', code), eb.and([eb('basic_code', '=', code), eb('variant_code', '=', '')])]))
    .where('status', 'in', ['published', 'retired'])
    .executeTakeFirst();
}
