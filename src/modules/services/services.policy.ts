// Pure authorisation checks of the service hall: whether a record of a unit lies in an actor's scope.
import { hasPermission, type Actor } from '../../core/auth/actor.ts';
import { resolveDataScope, type DataScope } from '../../core/auth/data-scope.ts';
import { AppError } from '../../core/errors/app-error.ts';

export { requirePermission } from '../../core/auth/require-permission.ts';

/** True when a record owned by the unit (at `unitPath`), or handled by `ownerUserId`, lies in the scope. */
export function isInScope(scope: DataScope, record: { unitId: string; unitPath: string; ownerUserId?: string | null }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'unit_and_below':
      return record.unitPath.startsWith(scope.unitPath);
    case 'unit':
      return record.unitId === scope.unitId;
    case 'self':
      return record.ownerUserId === scope.userId;
  }
}

/** Items belong to units, not people: a "self" grant on items means the actor's own unit. */
export function resolveItemScope(actor: Actor, permission: string): DataScope {
  const scope = resolveDataScope(actor, permission);
  if (scope.kind === 'self' && actor.unitId) return { kind: 'unit', unitId: actor.unitId };
  return scope;
}

/** The item-reading scope of a staff member (editors and reviewers read what they may change). */
export function resolveItemReadScope(actor: Actor): DataScope {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  for (const permission of ['services.items.review', 'services.items.read', 'services.items.edit']) {
    if (hasPermission(actor, permission)) return resolveItemScope(actor, permission);
  }
  throw new AppError('FORBIDDEN');
}

/** True when the actor may act on items of this unit with the permission. */
export function canOnItemUnit(actor: Actor, permission: string, unit: { unitId: string; unitPath: string }): boolean {
  if (!hasPermission(actor, permission)) return false;
  return isInScope(resolveItemScope(actor, permission), unit);
}
