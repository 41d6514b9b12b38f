import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { grantSchema, userInputSchema } from '@cds/shared';
import { actorOf, ctxOf, idParam, paging, typed } from '../../lib/http.ts';
import * as users from './service.ts';

export async function userRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Người dùng'];

  r.get('/users', {
    schema: { tags, querystring: z.object({ unitId: z.coerce.number().int().optional(), q: z.string().max(100).optional(), ...paging }) },
  }, (req) => users.listUsers(req.server.database.db, actorOf(req), {
    unitId: req.query.unitId, text: req.query.q, page: req.query.page, pageSize: req.query.pageSize,
  }));

  r.post('/users', { schema: { tags, summary: 'Tạo tài khoản và cấp vai trò đầu tiên', body: userInputSchema } },
    (req) => users.createUser(ctxOf(req), req.body));

  r.post('/users/:id/grants', { schema: { tags, summary: 'Cấp thêm vai trò', params: idParam, body: grantSchema } },
    (req) => users.grantRole(ctxOf(req), req.params.id, req.body));

  r.post('/users/:id/grants/:grantId/revoke', {
    schema: { tags, summary: 'Thu hồi vai trò', params: idParam.extend({ grantId: z.coerce.number().int().positive() }) },
  }, (req) => users.revokeGrant(ctxOf(req), req.params.id, req.params.grantId));

  r.post('/users/:id/reset-password', { schema: { tags, summary: 'Cấp lại mật khẩu tạm', params: idParam } },
    (req) => users.resetPassword(ctxOf(req), req.params.id));

  r.post('/users/:id/active', { schema: { tags, params: idParam, body: z.object({ active: z.boolean() }) } },
    (req) => users.setActive(ctxOf(req), req.params.id, req.body.active));
}
