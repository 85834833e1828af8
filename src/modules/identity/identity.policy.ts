// Pure authorisation checks of the identity module.
import { hasPermission, type Actor } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors/app-error.ts';

/** Throws UNAUTHENTICATED for anonymous actors and FORBIDDEN when the permission is missing. */
export function requireGrant(actor: Actor, permission: string): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!hasPermission(actor, permission)) throw new AppError('FORBIDDEN');
}

/** Throws UNAUTHENTICATED unless a user is fully signed in. */
export function requireSignedIn(actor: Actor): asserts actor is Actor & { userId: string } {
  if (actor.kind === 'anonymous' || !actor.userId) throw new AppError('UNAUTHENTICATED');
}

const ALLOWED_PARENTS: Record<string, string[]> = {
  province: [],
  city: ['province'],
  county: ['city', 'province'],
  town: ['county'],
  village: ['town'],
  department: ['province', 'city', 'county', 'town'],
  service_hall: ['province', 'city', 'county', 'town'],
};

/** True when a node of `kind` may sit under a node of `parentKind` (null = root). */
export function canPlaceUnit(kind: string, parentKind: string | null): boolean {
  const allowed = ALLOWED_PARENTS[kind] ?? [];
  return parentKind === null ? kind === 'province' : allowed.includes(parentKind);
}
