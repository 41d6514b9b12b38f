import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { GRANTABLE_ROLES, pathWithin, type Role } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { can, requireAt, scopePaths, type Actor } from '../../auth/actor.ts';
import { hashPassword } from '../../auth/password.ts';
import { badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { audited, type Ctx } from '../audit/write.ts';

/** A temporary password an officer reads out once; the user must change it at first login. */
export function temporaryPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz';
  const pick = () => letters[randomInt(letters.length)];
  return `${pick().toUpperCase()}${pick()}${pick()}${pick()}-${randomInt(1000, 9999)}`;
}

/**
 * A role may be granted at a unit only by someone who holds a role there (at or above) that lists
 * it as grantable: a federation officer cannot make an admin, nobody grants outside their subtree.
 */
function assertCanGrant(actor: Actor, role: Role, unitPath: string) {
  const allowed = actor.grants.some((g) => pathWithin(unitPath, g.unitPath) && GRANTABLE_ROLES[g.role].includes(role));
  if (!allowed) throw forbidden('Bạn không thể cấp vai trò này tại đơn vị đã chọn (ngoài phạm vi hoặc vượt quyền của bạn).');
}

export async function listUsers(db: Db, actor: Actor, q: { unitId?: number; text?: string; page: number; pageSize: number }) {
  const under = q.unitId ? await requireAt(db, actor, 'user.read', q.unitId) : null;
  const where = sql`exists (
      select 1 from role_grant g join org_unit o on o.id = g.unit_id
      where g.user_id = u.id and g.revoked_at is null
        and o.path <@ any(${scopePaths(actor, 'user.read')}::ltree[])
        and (${under}::ltree is null or o.path <@ ${under}::ltree))
    and (${q.text ?? ''} = '' or vn_fold(u.full_name || ' ' || u.username) like '%' || vn_fold(${q.text ?? ''}) || '%')`;
  const { rows } = await sql`
    select u.id, u.username, u.full_name as "fullName", u.email, u.phone, u.active, u.last_login_at as "lastLoginAt",
      u.locked_until as "lockedUntil", u.version,
      coalesce((select json_agg(json_build_object('id', g.id, 'role', g.role, 'unitId', g.unit_id, 'unitName', o.name) order by g.id)
        from role_grant g join org_unit o on o.id = g.unit_id where g.user_id = u.id and g.revoked_at is null), '[]') as grants
    from app_user u where ${where}
    order by u.full_name limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db);
  const { rows: [{ total }] } = await sql<{ total: number }>`select count(*)::int as total from app_user u where ${where}`.execute(db);
  return { rows, total };
}

export async function createUser(ctx: Ctx, input: {
  username: string; fullName: string; email?: string | null; phone?: string | null; role: Role; unitId: number;
}): Promise<{ id: number; temporaryPassword: string }> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const id = await audited(ctx, { permission: 'user.write', unitId: input.unitId, entity: 'user', action: 'create' }, async (trx, unitPath) => {
    assertCanGrant(ctx.actor, input.role, unitPath);
    const taken = await trx.selectFrom('app_user').select('id')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase())).executeTakeFirst();
    if (taken) throw badRequest('duplicate_username', 'Tên đăng nhập đã có người dùng.', 'username');
    const user = await trx.insertInto('app_user').values({
      username: input.username, full_name: input.fullName, email: input.email ?? null, phone: input.phone ?? null,
      password_hash: passwordHash, must_change_password: true,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('role_grant').values({ user_id: user.id, role: input.role, unit_id: input.unitId, granted_by: ctx.actor.userId }).execute();
    return { entityId: user.id, after: { username: input.username, fullName: input.fullName, role: input.role, unitId: input.unitId }, result: user.id };
  });
  return { id, temporaryPassword: password };
}

/** The units of a user's active grants; acting on the user needs rights over all of them. */
async function requireOverUser(db: Db, actor: Actor, userId: number): Promise<{ unitId: number; path: string }[]> {
  const { rows } = await sql<{ unitId: number; path: string }>`
    select g.unit_id as "unitId", o.path::text as path from role_grant g join org_unit o on o.id = g.unit_id
    where g.user_id = ${userId} and g.revoked_at is null`.execute(db);
  if (!rows.length || !rows.some((g) => can(actor, 'user.read', g.path))) throw notFound('Không tìm thấy người dùng.');
  if (!rows.every((g) => can(actor, 'user.write', g.path))) {
    throw forbidden('Người dùng này có vai trò ở đơn vị ngoài phạm vi của bạn; cấp trên mới thay đổi được.');
  }
  return rows;
}

export async function grantRole(ctx: Ctx, userId: number, input: { role: Role; unitId: number }) {
  await requireOverUser(ctx.db, ctx.actor, userId);
  return audited(ctx, { permission: 'user.write', unitId: input.unitId, entity: 'role_grant', action: 'grant' }, async (trx, unitPath) => {
    assertCanGrant(ctx.actor, input.role, unitPath);
    const existing = await trx.selectFrom('role_grant').select('id').where('user_id', '=', userId).where('role', '=', input.role)
      .where('unit_id', '=', input.unitId).where('revoked_at', 'is', null).executeTakeFirst();
    if (existing) throw badRequest('duplicate_grant', 'Người dùng đã có vai trò này tại đơn vị này.', 'role');
    const grant = await trx.insertInto('role_grant').values({ user_id: userId, role: input.role, unit_id: input.unitId, granted_by: ctx.actor.userId })
      .returning('id').executeTakeFirstOrThrow();
    return { entityId: grant.id, after: { userId, ...input }, result: { id: grant.id } };
  });
}

export async function revokeGrant(ctx: Ctx, userId: number, grantId: number) {
  const grant = await ctx.db.selectFrom('role_grant').select(['id', 'role', 'unit_id']).where('id', '=', grantId)
    .where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  if (!grant) throw notFound('Không tìm thấy vai trò.');
  if (userId === ctx.actor.userId) throw badRequest('revoke_self', 'Bạn không thể tự thu hồi vai trò của mình.');
  return audited(ctx, { permission: 'user.write', unitId: grant.unit_id, entity: 'role_grant', action: 'revoke' }, async (trx, unitPath) => {
    assertCanGrant(ctx.actor, grant.role as Role, unitPath);
    await trx.updateTable('role_grant').set({ revoked_at: new Date() }).where('id', '=', grantId).execute();
    return { entityId: grantId, before: { userId, role: grant.role, unitId: grant.unit_id }, result: { ok: true as const } };
  });
}

export async function resetPassword(ctx: Ctx, userId: number) {
  const units = await requireOverUser(ctx.db, ctx.actor, userId);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await audited(ctx, { permission: 'user.write', unitId: units[0].unitId, entity: 'user', action: 'reset_password' }, async (trx) => {
    await trx.updateTable('app_user').set({ password_hash: passwordHash, must_change_password: true, failed_logins: 0, locked_until: null })
      .where('id', '=', userId).execute();
    await trx.deleteFrom('user_session').where('user_id', '=', userId).execute();
    return { entityId: userId, result: null };
  });
  return { temporaryPassword: password };
}

export async function setActive(ctx: Ctx, userId: number, active: boolean) {
  const units = await requireOverUser(ctx.db, ctx.actor, userId);
  if (userId === ctx.actor.userId) throw badRequest('deactivate_self', 'Bạn không thể tự khóa tài khoản của mình.');
  await audited(ctx, { permission: 'user.write', unitId: units[0].unitId, entity: 'user', action: active ? 'activate' : 'deactivate' }, async (trx) => {
    await trx.updateTable('app_user').set({ active }).where('id', '=', userId).execute();
    if (!active) await trx.deleteFrom('user_session').where('user_id', '=', userId).execute();
    return { entityId: userId, after: { active }, result: null };
  });
  return { ok: true as const };
}
