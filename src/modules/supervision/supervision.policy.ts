// Who sees and handles which findings (分级授权、分层监察): a supervising office sees every unit below the
// unit it supervises (or everything, granted so); a unit's own staff see only their unit's findings and
// answer them; the office accepts or rejects the answers. Pure: the office's supervised unit is looked up
// by the caller.
import { hasPermission, widestScope, type Actor } from '../../core/auth/actor.ts';
import type { DataScope } from '../../core/auth/data-scope.ts';
import { AppError } from '../../core/errors/app-error.ts';

export const OVERSEE_PERMISSION = 'supervision.oversee';
export const READ_PERMISSION = 'supervision.findings.read';
export const RULES_PERMISSION = 'supervision.rules.manage';
/** Who answers a unit's findings (and is told of new ones). */
export const RESPOND_PERMISSION = 'supervision.findings.respond';

/** True when the actor acts for a supervising office. */
export function isOverseer(actor: Actor): boolean {
  return actor.kind === 'staff' && hasPermission(actor, OVERSEE_PERMISSION);
}

/** The findings an actor may see; `supervisedPath` is the path of the unit the actor's office supervises, if any. */
export function resolveFindingScope(actor: Actor, supervisedPath: string | null): DataScope {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  const oversight = widestScope(actor, OVERSEE_PERMISSION);
  if (oversight === 'all') return { kind: 'all' };
  if (oversight !== null) {
    if (supervisedPath) return { kind: 'unit_and_below', unitPath: supervisedPath };
    if (actor.unitPath) return { kind: 'unit_and_below', unitPath: actor.unitPath };
  }
  const reading = widestScope(actor, READ_PERMISSION);
  if (reading === 'all') return { kind: 'all' };
  if (reading === 'unit_and_below' && actor.unitPath) return { kind: 'unit_and_below', unitPath: actor.unitPath };
  // Findings belong to units, not people: a personal grant still shows the unit's findings.
  if (reading !== null && actor.unitId) return { kind: 'unit', unitId: actor.unitId };
  throw new AppError('FORBIDDEN');
}

/** May the actor explain or rectify this finding? Only its own unit's staff who hold the permission, while it is open. */
export function canRespondTo(actor: Actor, finding: { unit_id: string; status: string }): boolean {
  return actor.kind === 'staff' && hasPermission(actor, RESPOND_PERMISSION) && actor.unitId === finding.unit_id && finding.status === 'open';
}

/** May the actor accept or reject the unit's answer? An overseer who can see the finding, once answered. */
export function canReview(actor: Actor, finding: { status: string }): boolean {
  return isOverseer(actor) && finding.status === 'responded';
}

/** FORBIDDEN unless the actor manages supervision rules. */
export function requireRulesManager(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'staff' || !hasPermission(actor, RULES_PERMISSION)) throw new AppError('FORBIDDEN');
}
