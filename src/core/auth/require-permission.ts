// The checks a use case makes before acting on behalf of an actor: signed in (401 otherwise) and holding the
// permission (403 otherwise). Services call these; route handlers never decide authorization themselves.
import { AppError } from '../errors/app-error.ts';
import { hasPermission, type Actor } from './actor.ts';

/** Throws UNAUTHENTICATED unless a user is signed in (narrows `userId` to a string). */
export function requireSignedIn(actor: Actor): asserts actor is Actor & { userId: string } {
  if (actor.kind === 'anonymous' || !actor.userId) throw new AppError('UNAUTHENTICATED');
}

/** Throws UNAUTHENTICATED for an anonymous actor and FORBIDDEN for a signed-in one without `permission`. */
export function requirePermission(actor: Actor, permission: string): void {
  requireSignedIn(actor);
  if (!hasPermission(actor, permission)) throw new AppError('FORBIDDEN');
}
