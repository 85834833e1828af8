// Pure authorisation checks of the service hall: whether a record of a unit lies in an actor's scope (the check
// itself is core's isInScope, the in-memory twin of the repositories' scopeCondition).
import { hasPermission, type Actor } from '../../core/auth/actor.ts';
import { isInScope, resolveDataScope, type DataScope } from '../../core/auth/data-scope.ts';
import { AppError } from '../../core/errors/app-error.ts';

export { requirePermission } from '../../core/auth/require-permission.ts';
export { isInScope };

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
