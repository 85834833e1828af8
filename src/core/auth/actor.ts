// Who is acting: built from the session by the identity module, passed to every service, recorded in audit.
export type AdminRole = 'system' | 'security' | 'audit';
export type DataScopeKind = 'self' | 'unit' | 'unit_and_below' | 'all';
export type ActorKind = 'staff' | 'citizen' | 'company' | 'system' | 'anonymous';

export interface Grant {
  permission: string;
  scope: DataScopeKind;
}

export interface Actor {
  kind: ActorKind;
  userId: string | null;
  name: string;
  unitId: string | null;
  /** Materialised path of the actor's unit ("/root/…/unit/"), for "unit and below" scopes. */
  unitPath: string | null;
  adminRole: AdminRole | null;
  grants: Grant[];
  sessionId: string | null;
  ip: string | null;
  userAgent: string | null;
}

const SCOPE_STRENGTH: Record<DataScopeKind, number> = { self: 0, unit: 1, unit_and_below: 2, all: 3 };

/** The actor for work the platform does by itself (jobs, seeding, CLI). */
export function systemActor(name = 'system'): Actor {
  return { kind: 'system', userId: null, name, unitId: null, unitPath: null, adminRole: null, grants: [], sessionId: null, ip: null, userAgent: null };
}

/** The actor for a request without a session. */
export function anonymousActor(ip: string | null = null, userAgent: string | null = null): Actor {
  return { kind: 'anonymous', userId: null, name: 'anonymous', unitId: null, unitPath: null, adminRole: null, grants: [], sessionId: null, ip, userAgent };
}

/** True when any of the actor's role assignments grants the permission. */
export function hasPermission(actor: Actor, permission: string): boolean {
  return actor.grants.some((grant) => grant.permission === permission);
}

/** The widest data scope the actor holds for a permission, or null without it. */
export function widestScope(actor: Actor, permission: string): DataScopeKind | null {
  let widest: DataScopeKind | null = null;
  for (const grant of actor.grants) {
    if (grant.permission !== permission) continue;
    if (widest === null || SCOPE_STRENGTH[grant.scope] > SCOPE_STRENGTH[widest]) widest = grant.scope;
  }
  return widest;
}
