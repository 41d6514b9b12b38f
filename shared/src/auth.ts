/** Roles, permissions and who may grant what: one source for the server's checks and the web's buttons. */
export const ROLES = ['admin', 'federation_officer', 'grassroots_officer', 'inspector', 'observer', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'unit.read', 'unit.write',
  'user.read', 'user.write',
  'audit.read',
  'member.read', 'member.write', 'member.sensitive',
  'enterprise.read', 'enterprise.write',
  'activity.read', 'activity.write', 'legal.sensitive',
  'care.read', 'care.write', 'care.sensitive',
  'finance.read', 'finance.write', 'inspection.write',
  'emulation.read', 'emulation.write',
  'programme.read', 'programme.write',
  'report.read', 'report.submit', 'report.review',
  'setting.write',
  'self.read', 'self.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = [
  'unit.read', 'member.read', 'enterprise.read', 'activity.read', 'care.read', 'finance.read',
  'emulation.read', 'programme.read', 'report.read',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS.filter((p) => !p.startsWith('self.')),
  federation_officer: PERMISSIONS.filter((p) => !p.startsWith('self.')),
  grassroots_officer: [
    ...READ_ALL, 'unit.write', 'user.read', 'user.write', 'audit.read', 'member.write', 'member.sensitive',
    'enterprise.write', 'activity.write', 'care.write', 'care.sensitive', 'finance.write', 'emulation.write',
    'report.submit',
  ],
  inspector: [...READ_ALL, 'audit.read', 'inspection.write'],
  observer: ['unit.read', 'enterprise.read', 'activity.read', 'programme.read', 'report.read', 'emulation.read'],
  member: ['self.read', 'self.write'],
};

/** Which roles a holder of a role may hand out, always at or below the unit of the granter's own grant. */
export const GRANTABLE_ROLES: Record<Role, readonly Role[]> = {
  admin: ROLES,
  federation_officer: ['federation_officer', 'grassroots_officer', 'inspector', 'observer', 'member'],
  grassroots_officer: ['grassroots_officer', 'member'],
  inspector: [],
  observer: [],
  member: [],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export interface GrantView {
  id: number;
  role: Role;
  unitId: number;
  unitPath: string;
  unitName: string;
  unitKind: string;
}

/** The path of `unit` is inside the subtree at `scope` (ltree semantics on dot-separated ids). */
export function pathWithin(unitPath: string, scopePath: string): boolean {
  return unitPath === scopePath || unitPath.startsWith(scopePath + '.');
}

export function grantsAllow(grants: readonly GrantView[], permission: Permission, unitPath: string): boolean {
  return grants.some((g) => roleHas(g.role, permission) && pathWithin(unitPath, g.unitPath));
}
