// Pure authorisation checks of the identity module.
export { requirePermission, requireSignedIn } from '../../core/auth/require-permission.ts';

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
