// Who may see and act on the outbox and on in-app messages. Pure checks that throw AppErrors.
import { hasPermission, type Actor } from '../auth/actor.ts';
import { AppError } from '../errors/app-error.ts';

/** Throws UNAUTHENTICATED for a request without a session, FORBIDDEN without the permission. */
export function assertPermission(actor: Actor, permission: 'notify.outbox.read' | 'notify.outbox.manage'): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!hasPermission(actor, permission)) throw new AppError('FORBIDDEN');
}

/** In-app messages belong to signed-in staff users; returns the user id. */
export function assertSignedInStaff(actor: Actor): string {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'staff' || !actor.userId) throw new AppError('FORBIDDEN');
  return actor.userId;
}
