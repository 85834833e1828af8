// Who files and who handles complaints. Citizens and companies file them for themselves and see only their
// own; the supervising office whose scope covers the unit complained about handles them. The unit itself never
// sees them in this version, so it never learns who complained. Pure.
import type { Actor } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { isOverseer } from './supervision.policy.ts';

/** UNAUTHENTICATED for nobody, FORBIDDEN for staff: complaints are filed by citizens and companies for themselves. */
export function requireComplainant(actor: Actor): asserts actor is Actor & { userId: string; kind: 'citizen' | 'company' } {
  if (actor.kind === 'anonymous' || !actor.userId) throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'citizen' && actor.kind !== 'company') throw new AppError('FORBIDDEN');
}

/** May the actor record notes on and answer this complaint? An overseer who sees it, until it is answered. */
export function canHandleComplaint(actor: Actor, complaint: { status: string }): boolean {
  return isOverseer(actor) && complaint.status !== 'replied';
}
