import type { UserRole as Role } from '@minsheng/contract';

/** The console's areas and the roles that may open them; the server checks every call again. */
export type Area = 'plans' | 'import' | 'units' | 'users' | 'jurisdictions' | 'audit';

const areaRoles: Record<Area, readonly Role[]> = {
  plans: ['admin', 'office', 'leader', 'reporter', 'deputy'],
  import: ['admin', 'office'],
  units: ['admin', 'office'],
  users: ['admin', 'office'],
  jurisdictions: ['admin'],
  audit: ['admin', 'office'],
};

export function canOpen(role: Role | null | undefined, area: Area): boolean {
  return role != null && areaRoles[area].includes(role);
}

/** Writes the policy allows, mirrored so buttons that would be refused are not shown. */
export function canWrite(
  role: Role | null | undefined,
  what: 'unit' | 'user' | 'jurisdiction' | 'plan',
): boolean {
  if (role === 'admin') return true;
  return role === 'office' && (what === 'unit' || what === 'plan');
}
