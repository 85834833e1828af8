// Who handles supervision tasks. A supervising office issues tasks to the units it sees and reviews their
// replies; a unit's staff who answer its findings (supervision.findings.respond) reply to the unit's own tasks;
// anyone who may read the unit's findings sees its tasks. Pure: the viewer's scope comes from findingScopeOf.
import { hasPermission, type Actor } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { isOverseer, RESPOND_PERMISSION } from './supervision.policy.ts';

/** UNAUTHENTICATED for nobody, FORBIDDEN unless the actor acts for a supervising office. */
export function requireOverseer(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!isOverseer(actor)) throw new AppError('FORBIDDEN');
}

/** May the actor reply to this task? Its own unit's staff who answer findings, while it waits for a reply. */
export function canReplyToTask(actor: Actor, task: { unit_id: string; status: string }): boolean {
  return actor.kind === 'staff' && hasPermission(actor, RESPOND_PERMISSION) && actor.unitId === task.unit_id && task.status === 'open';
}

/** May the actor accept or return the reply? An overseer who sees the task, once it is answered. */
export function canReviewTask(actor: Actor, task: { status: string }): boolean {
  return isOverseer(actor) && task.status === 'answered';
}
