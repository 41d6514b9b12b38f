import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import QRCode from 'qrcode';
import {
  admissionSchema, assessmentSchema, leaveSchema, memberPatchSchema, recommendationOutcomeSchema, recommendationSchema, transferSchema,
} from '@cds/shared';
import { actorOf, ctxOf, idParam, paging, typed } from '../../lib/http.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { cardToken, readCardToken } from './card.ts';
import { sendFile, XLSX_TYPE } from '../../lib/xlsx-export.ts';
import { exportMembers } from './export.ts';
import * as members from './service.ts';

const filters = z.object({
  unitId: z.coerce.number().int().positive(),
  q: z.string().max(100).optional(),
  sex: z.enum(['male', 'female']).optional(),
  ageFrom: z.coerce.number().int().min(0).max(120).optional(),
  ageTo: z.coerce.number().int().min(0).max(120).optional(),
  ethnicity: z.string().max(60).optional(),
  party: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  status: z.enum(['active', 'transferred_out', 'left', 'deceased', 'all']).optional(),
  joinedYear: z.coerce.number().int().min(1900).max(2100).optional(),
  groupId: z.coerce.number().int().positive().optional(),
});

export async function memberRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Đoàn viên'];

  r.get('/members', { schema: { tags, summary: 'Danh sách đoàn viên của đơn vị và các đơn vị trực thuộc', querystring: filters.extend(paging) } },
    (req) => {
      const { unitId, page, pageSize, ...f } = req.query;
      return members.listMembers(req.server.database.db, actorOf(req), { unitId, filters: f, page, pageSize });
    });

  r.get('/members/export', { schema: { tags, summary: 'Xuất Excel danh sách đang xem (mẫu danh sách đoàn viên)', querystring: filters } },
    async (req, reply) => {
      const { unitId, ...f } = req.query;
      const { stream, fileName } = await exportMembers(req.server.database.db, actorOf(req), unitId, f);
      return sendFile(reply, fileName, XLSX_TYPE, stream);
    });

  r.get('/members/:id', { schema: { tags, params: idParam } }, (req) => members.getMember(req.server.database.db, actorOf(req), req.params.id));

  r.post('/members', { schema: { tags, summary: 'Kết nạp đoàn viên', body: admissionSchema } }, (req) => members.admit(ctxOf(req), req.body));

  r.patch('/members/:id', { schema: { tags, params: idParam, body: memberPatchSchema } },
    (req) => members.updateMember(ctxOf(req), req.params.id, req.body));

  r.post('/members/:id/transfer', { schema: { tags, summary: 'Chuyển sinh hoạt', params: idParam, body: transferSchema } },
    (req) => members.transfer(ctxOf(req), req.params.id, req.body));

  r.post('/members/:id/leave', { schema: { tags, summary: 'Ra khỏi tổ chức hoặc từ trần', params: idParam, body: leaveSchema } },
    (req) => members.leave(ctxOf(req), req.params.id, req.body));

  r.post('/members/:id/card', { schema: { tags, summary: 'Cấp hoặc cấp lại thẻ đoàn viên', params: idParam } },
    (req) => members.issueCard(ctxOf(req), req.params.id));

  r.get('/members/:id/card', { schema: { tags, summary: 'Thẻ đoàn viên điện tử với mã QR', params: idParam } }, async (req) => {
    const card = await members.memberCard(req.server.database.db, actorOf(req), req.params.id);
    const origin = `${req.protocol}://${req.headers.host}`;
    return { ...card, qr: await QRCode.toDataURL(`${origin}/the/${card.token}`, { margin: 1, width: 240 }) };
  });

  r.post('/members/:id/party-recommendations', { schema: { tags, summary: 'Giới thiệu đoàn viên ưu tú cho Đảng', params: idParam, body: recommendationSchema } },
    (req) => members.recommend(ctxOf(req), req.params.id, req.body));

  r.patch('/party-recommendations/:id', { schema: { tags, summary: 'Kết quả giới thiệu', params: idParam, body: recommendationOutcomeSchema } },
    (req) => members.setRecommendationOutcome(ctxOf(req), req.params.id, req.body));

  r.put('/member-assessments', { schema: { tags, summary: 'Xếp loại đoàn viên theo năm', body: assessmentSchema } },
    (req) => members.assess(ctxOf(req), req.body));

  r.get('/cards/verify/:token', {
    config: { public: true },
    schema: { tags, summary: 'Xác thực thẻ đoàn viên (công khai, không có dữ liệu nhạy cảm)', params: z.object({ token: z.string().max(400) }) },
  }, async (req) => {
    const claims = readCardToken(req.params.token);
    if (!claims) throw badRequest('card_invalid', 'Thẻ không hợp lệ: chữ ký không khớp.');
    const m = await req.server.database.db.selectFrom('member as m').innerJoin('org_unit as u', 'u.id', 'm.unit_id')
      .select(['m.full_name', 'm.card_number', 'm.status', 'u.name as unit_name']).where('m.id', '=', claims.memberId).executeTakeFirst();
    if (!m) throw notFound('Không tìm thấy thẻ.');
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
    const valid = m.card_number === claims.cardNumber && m.status === 'active' && claims.validUntil >= today;
    return { valid, fullName: m.full_name, unitName: m.unit_name, cardNumber: claims.cardNumber, validUntil: claims.validUntil,
      reason: valid ? null : m.card_number !== claims.cardNumber ? 'Thẻ đã được thay bằng thẻ khác.' : m.status !== 'active' ? 'Người này không còn là đoàn viên.' : 'Thẻ đã hết hạn.' };
  });

  r.get('/me/member', { schema: { tags, summary: 'Hồ sơ đoàn viên của chính tôi' } }, async (req) => {
    const actor = actorOf(req);
    const { db } = req.server.database;
    const user = await db.selectFrom('app_user').select('member_id').where('id', '=', actor.userId).executeTakeFirst();
    if (!user?.member_id) throw notFound('Tài khoản chưa gắn với hồ sơ đoàn viên.');
    const m = await db.selectFrom('member as m').innerJoin('org_unit as u', 'u.id', 'm.unit_id').selectAll('m').select('u.name as unit_name')
      .where('m.id', '=', user.member_id).executeTakeFirstOrThrow();
    const view = members.present(m, true);
    if (!m.card_number || !m.card_issued_on) return { ...view, card: null };
    const validUntil = members.cardValidUntil(m.card_issued_on);
    const token = cardToken({ memberId: m.id, cardNumber: m.card_number, validUntil });
    const qr = await QRCode.toDataURL(`${req.protocol}://${req.headers.host}/the/${token}`, { margin: 1, width: 240 });
    return { ...view, card: { cardNumber: m.card_number, validUntil, token, qr } };
  });
}
