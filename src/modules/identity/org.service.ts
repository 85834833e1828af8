// Use cases on the division/unit tree.
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import type { Db } from '../../core/db/database.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { canPlaceUnit, requirePermission } from './identity.policy.ts';
import type { UnitRow } from './identity.tables.ts';
import type { CreateUnitInput, UnitView, UpdateUnitInput } from './org.schema.ts';
import { findAllUnits, findUnitByCreditCode, findUnitById, insertUnit, updateUnit } from './units.repository.ts';

const UNITS_NEEDING_CREDIT_CODE = new Set(['department', 'service_hall']);

/** The public shape of a unit. */
export function presentUnit(row: UnitRow): UnitView {
  return { id: row.id, parentId: row.parent_id, kind: row.kind, name: row.name, nameEn: row.name_en, code: row.code, creditCode: row.credit_code, sortOrder: row.sort_order };
}

/** The whole tree as a flat list (staff with identity.org.read, or the system admin). */
export async function listUnitTree(db: Db, actor: Actor): Promise<UnitView[]> {
  if (actor.adminRole !== 'system') requirePermission(actor, 'identity.org.read');
  return (await findAllUnits(db)).map(presentUnit);
}

async function assertCreditCodeFree(db: Db, creditCode: string | undefined, exceptId?: string): Promise<void> {
  if (!creditCode) return;
  const holder = await findUnitByCreditCode(db, creditCode);
  if (holder && holder.id !== exceptId) throw new AppError('CREDIT_CODE_TAKEN');
}

/** Adds a division or unit under a parent, checking the kind fits there. */
export async function createUnit(db: Db, actor: Actor, input: CreateUnitInput, now = new Date()): Promise<UnitView> {
  requirePermission(actor, 'identity.org.manage');
  const parent = await findUnitById(db, input.parentId);
  if (!parent) throw new AppError('UNIT_NOT_FOUND');
  if (!canPlaceUnit(input.kind, parent.kind)) throw new AppError('UNIT_PARENT_INVALID', { kind: input.kind, parentKind: parent.kind });
  if (UNITS_NEEDING_CREDIT_CODE.has(input.kind) && !input.creditCode) throw new AppError('CREDIT_CODE_REQUIRED');
  await assertCreditCodeFree(db, input.creditCode);
  const id = newId(now.getTime());
  const row: UnitRow = {
    id,
    parent_id: parent.id,
    kind: input.kind,
    name: input.name,
    name_en: input.nameEn ?? null,
    code: input.code ?? null,
    credit_code: input.creditCode ?? null,
    path: `${parent.path}${id}/`,
    depth: parent.depth + 1,
    sort_order: input.sortOrder ?? 0,
    created_at: toTimestamp(now),
    updated_at: toTimestamp(now),
  };
  await db.transaction().execute(async (tx) => {
    await insertUnit(tx, row);
    await recordAudit(tx, actor, { action: 'identity.unit.create', subjectType: 'unit', subjectId: id, after: presentUnit(row) }, now);
  });
  return presentUnit(row);
}

/** Changes a unit's name, codes or order. */
export async function changeUnit(db: Db, actor: Actor, id: string, input: UpdateUnitInput, now = new Date()): Promise<UnitView> {
  requirePermission(actor, 'identity.org.manage');
  const before = await findUnitById(db, id);
  if (!before) throw new AppError('UNIT_NOT_FOUND');
  const creditCode = input.creditCode === undefined ? before.credit_code : input.creditCode;
  if (UNITS_NEEDING_CREDIT_CODE.has(before.kind) && !creditCode) throw new AppError('CREDIT_CODE_REQUIRED');
  await assertCreditCodeFree(db, creditCode ?? undefined, id);
  const after: UnitRow = {
    ...before,
    name: input.name ?? before.name,
    name_en: input.nameEn === undefined ? before.name_en : input.nameEn,
    code: input.code === undefined ? before.code : input.code,
    credit_code: creditCode,
    sort_order: input.sortOrder ?? before.sort_order,
    updated_at: toTimestamp(now),
  };
  await db.transaction().execute(async (tx) => {
    await updateUnit(tx, id, { name: after.name, name_en: after.name_en, code: after.code, credit_code: after.credit_code, sort_order: after.sort_order, updated_at: after.updated_at });
    await recordAudit(tx, actor, { action: 'identity.unit.update', subjectType: 'unit', subjectId: id, before: presentUnit(before), after: presentUnit(after) }, now);
  });
  return presentUnit(after);
}
