import type { Db } from '../db/connection.ts';
import { AppError, badRequest } from '../lib/errors.ts';
import { recordAudit } from '../modules/audit/write.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import type { Actor } from './actor.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const hhmm = (d: Date) => d.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });

const wrongCredentials = () =>
  new AppError(401, 'invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.', 'password');

/** Checks a password and keeps count of failures; the fifth failure locks the account for a while. */
export async function authenticate(db: Db, username: string, password: string): Promise<number> {
  const user = await db.selectFrom('app_user')
    .select(['id', 'password_hash', 'active', 'failed_logins', 'locked_until'])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.trim().toLowerCase()))
    .executeTakeFirst();
  if (!user || !user.active) throw wrongCredentials();
  if (user.locked_until && new Date(user.locked_until) > new Date()) {
    throw new AppError(423, 'account_locked',
      `Tài khoản đang bị tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ${hhmm(new Date(user.locked_until))}.`);
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const failed = user.failed_logins + 1;
    const lock = failed >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null;
    await db.updateTable('app_user')
      .set({ failed_logins: lock ? 0 : failed, locked_until: lock })
      .where('id', '=', user.id).execute();
    if (lock) {
      throw new AppError(423, 'account_locked',
        `Bạn đã đăng nhập sai ${MAX_FAILED_LOGINS} lần. Tài khoản bị tạm khóa ${LOCK_MINUTES} phút, đến ${hhmm(lock)}.`);
    }
    throw wrongCredentials();
  }
  await db.updateTable('app_user').set({ failed_logins: 0, locked_until: null, last_login_at: new Date() })
    .where('id', '=', user.id).execute();
  return user.id;
}

export async function changePassword(db: Db, actor: Actor, current: string, next: string, ip?: string): Promise<void> {
  const user = await db.selectFrom('app_user').select(['password_hash']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, current))) {
    throw badRequest('wrong_password', 'Mật khẩu hiện tại không đúng.', 'currentPassword');
  }
  const problem = passwordProblem(next);
  if (problem) throw badRequest('weak_password', problem, 'newPassword');
  if (next === current) throw badRequest('same_password', 'Mật khẩu mới phải khác mật khẩu hiện tại.', 'newPassword');
  const passwordHash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user')
      .set((eb) => ({ password_hash: passwordHash, must_change_password: false, version: eb('version', '+', 1) }))
      .where('id', '=', actor.userId).execute();
    await recordAudit(trx, { actor, ip }, {
      unitId: actor.grants[0]?.unitId ?? null, entity: 'user', entityId: actor.userId, action: 'change_password',
    });
  });
}
