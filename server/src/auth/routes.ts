import type { FastifyInstance } from 'fastify';
import { changePasswordSchema, loginSchema, ROLE_PERMISSIONS } from '@cds/shared';
import { actorOf, typed } from '../lib/http.ts';
import { loadActor } from './actor.ts';
import { authenticate, changePassword } from './service.ts';
import { createSession, endOtherSessions, endSession, SESSION_COOKIE, SESSION_DAYS } from './session.ts';

export async function authRoutes(app: FastifyInstance, opts: { loginRateLimit?: number; secureCookies?: boolean }) {
  const r = typed(app);
  const tags = ['Đăng nhập'];

  r.post('/auth/login', {
    config: { public: true, rateLimit: { max: opts.loginRateLimit ?? 20, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Đăng nhập', body: loginSchema },
  }, async (req, reply) => {
    const { db } = req.server.database;
    const userId = await authenticate(db, req.body.username, req.body.password);
    const token = await createSession(db, userId, { ip: req.ip, userAgent: req.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies ?? false, maxAge: SESSION_DAYS * 86400,
    });
    return { ok: true };
  });

  r.post('/auth/logout', { config: { public: true }, schema: { tags, summary: 'Đăng xuất' } }, async (req, reply) => {
    if (req.sessionToken) await endSession(req.server.database.db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/auth/me', { schema: { tags, summary: 'Người dùng hiện tại, các quyền và phạm vi' } }, async (req) => {
    const actor = actorOf(req);
    const user = await req.server.database.db.selectFrom('app_user')
      .select(['must_change_password', 'email', 'phone']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
    return {
      id: actor.userId, username: actor.username, fullName: actor.fullName, email: user.email, phone: user.phone,
      mustChangePassword: user.must_change_password,
      grants: actor.grants.map((g) => ({ ...g, permissions: ROLE_PERMISSIONS[g.role] })),
    };
  });

  r.post('/auth/password', { schema: { tags, summary: 'Đổi mật khẩu', body: changePasswordSchema } }, async (req) => {
    const { db } = req.server.database;
    await changePassword(db, actorOf(req), req.body.currentPassword, req.body.newPassword, req.ip);
    if (req.sessionToken) await endOtherSessions(db, req.actor!.userId, req.sessionToken);
    req.actor = await loadActor(db, req.actor!.userId);
    return { ok: true };
  });
}
