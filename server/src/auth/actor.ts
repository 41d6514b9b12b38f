import { sql } from 'kysely';
import { grantsAllow, ROLE_PERMISSIONS, type GrantView, type Permission, type Role } from '@cds/shared';
import type { Db } from '../db/connection.ts';
import { forbidden, notFound } from '../lib/errors.ts';

/** Who is acting: the user and the unit subtrees their grants reach. */
export interface Actor {
  userId: number;
  username: string;
  fullName: string;
  grants: GrantView[];
}

export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  const user = await db.selectFrom('app_user').select(['id', 'username', 'full_name', 'active'])
    .where('id', '=', userId).executeTakeFirst();
  if (!user || !user.active) return null;
  const grants = await db.selectFrom('role_grant as g').innerJoin('org_unit as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.role', 'g.unit_id', sql<string>`u.path::text`.as('path'), 'u.name', 'u.kind'])
    .where('g.user_id', '=', userId).where('g.revoked_at', 'is', null)
    .orderBy(sql`nlevel(u.path)`).execute();
  return {
    userId: user.id,
    username: user.username,
    fullName: user.full_name,
    grants: grants.map((g) => ({ id: g.id, role: g.role as Role, unitId: g.unit_id, unitPath: g.path, unitName: g.name, unitKind: g.kind })),
  };
}

/** The subtree roots (ltree paths) where the actor holds a permission; the input of every SQL scope filter. */
export function scopePaths(actor: Actor, permission: Permission): string[] {
  return actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission)).map((g) => g.unitPath);
}

export function can(actor: Actor, permission: Permission, unitPath: string): boolean {
  return grantsAllow(actor.grants, permission, unitPath);
}

export async function unitPathOf(db: Db, unitId: number): Promise<string> {
  const row = await db.selectFrom('org_unit').select(sql<string>`path::text`.as('path')).where('id', '=', unitId).executeTakeFirst();
  if (!row) throw notFound('Không tìm thấy đơn vị.');
  return row.path;
}

/**
 * Refuses unless the actor holds the permission at the unit. A unit outside every subtree the
 * actor can read answers "not found", so probing ids reveals nothing.
 */
export async function requireAt(db: Db, actor: Actor, permission: Permission, unitId: number): Promise<string> {
  const path = await unitPathOf(db, unitId);
  if (can(actor, permission, path)) return path;
  const visible = actor.grants.some((g) => path === g.unitPath || path.startsWith(g.unitPath + '.'));
  throw visible ? forbidden() : notFound();
}

/** `column <@ any(paths)`: the SQL predicate that keeps rows inside the actor's subtrees. */
export function inScope(column: string, actor: Actor, permission: Permission) {
  const paths = scopePaths(actor, permission);
  return sql<boolean>`${sql.ref(column)} <@ any(${paths}::ltree[])`;
}
