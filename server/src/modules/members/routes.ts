import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  admissionSchema, assessmentSchema, cardIssueSchema, leaveSchema, memberPatchSchema, recommendationOutcomeSchema, recommendationSchema,
  transferAcceptSchema, transferCancelSchema, transferRejectSchema, transferSchema, RECOMMENDATION_OUTCOMES, TRANSFER_STATUSES,
} from '@cds/shared';
import { actorOf, ctxOf, idParam, paging, typed } from '../../lib/http.ts';
import { notFound } from '../../lib/errors.ts';
import { sendFile, XLSX_TYPE } from '../../lib/xlsx-export.ts';
import { cardOf, memberCard, verifyCard } from './card.ts';
import { exportMembers } from './export.ts';
import { membersDue } from './due.ts';
import { acceptTransfer, cancelTransfer, getTransfer, issueCard, leave, listTransfers, rejectTransfer, transfer } from './lifecycle.ts';
import { assessmentGrid, assessmentSummary, saveAssessments } from './assessments.ts';
import { listRecommendations, recommend, setRecommendationOutcome } from './recommendations.ts';
import * as members from './service.ts';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const filters = z.object({
  unitId: z.coerce.number().int().positive(),
  q: z.string().max(100).optional(),
  sex: z.enum(['male', 'female']).optional(),
  ageFrom: z.coerce.number().int().min(0).max(120).optional(),
  ageTo: z.coerce.number().int().min(0).max(120).optional(),
  ethnicity: z.string().max(60).optional(),
  minority: bool.optional(),
  religion: z.string().max(60).optional(),
  party: bool.optional(),
  status: z.enum(['active', 'transferred_out', 'left', 'deceased', 'all']).optional(),
  joinedYear: z.coerce.number().int().min(1900).max(2100).optional(),
  groupId: z.coerce.number().int().positive().optional(),
  card: z.enum(['none', 'expiring']).optional(),
  unratedYear: z.coerce.number().int().min(2000).max(2100).optional(),
});
const year = z.coerce.number().int().min(2000).max(2100);

/** Where the app is reached from, for the QR code (PUBLIC_URL wins when set). */
const originOf = (req: FastifyRequest) => `${req.protocol}://${req.headers.host}`;

export async function memberRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Đoàn viên'];

  r.get('/members', {
    schema: {
      tags, summary: 'Danh sách đoàn viên của đơn vị và các đơn vị trực thuộc (xếp theo tên, phân trang theo khóa)',
      querystring: filters.extend({ ...paging, after: z.string().max(400).optional() }),
    },
  }, (req) => {
    const { unitId, page, pageSize, after, ...f } = req.query;
    return members.listMembers(req.server.database.db, actorOf(req), { unitId, filters: f, page, pageSize, after });
  });

  r.get('/members/export', {
    schema: { tags, summary: 'Xuất Excel danh sách đang xem (bộ lọc và cột đã chọn)', querystring: filters.extend({ columns: z.string().max(400).optional() }) },
  }, async (req, reply) => {
    const { unitId, columns, ...f } = req.query;
    const { stream, fileName } = await exportMembers(req.server.database.db, actorOf(req), req.ip, unitId, f, columns?.split(',').filter(Boolean));
    return sendFile(reply, fileName, XLSX_TYPE, stream);
  });

  r.get('/members/due', {
    schema: { tags, summary: 'Việc cần làm về đoàn viên (trang chủ): chưa có thẻ, thẻ sắp hết hạn, chưa xếp loại, chuyển sinh hoạt chờ', querystring: z.object({ unitId: z.coerce.number().int().positive() }) },
  }, (req) => membersDue(req.server.database.db, actorOf(req), req.query.unitId));

  r.get('/members/:id', { schema: { tags, summary: 'Hồ sơ đoàn viên', params: idParam } },
    (req) => members.getMember(req.server.database.db, actorOf(req), req.params.id));

  r.get('/members/:id/history', { schema: { tags, summary: 'Lịch sử: sự kiện sinh hoạt và nhật ký thay đổi của hồ sơ', params: idParam } },
    (req) => members.memberHistory(req.server.database.db, actorOf(req), req.params.id));

  r.post('/members', { schema: { tags, summary: 'Kết nạp đoàn viên (hoặc tiếp nhận đoàn viên từ ngoài hệ thống)', body: admissionSchema } },
    (req) => members.admit(ctxOf(req), req.body));

  r.patch('/members/:id', { schema: { tags, summary: 'Sửa hồ sơ đoàn viên', params: idParam, body: memberPatchSchema } },
    (req) => members.updateMember(ctxOf(req), req.params.id, req.body));

  r.post('/members/:id/transfer', { schema: { tags, summary: 'Chuyển sinh hoạt (ngay, hoặc đề nghị đơn vị nhận tiếp nhận)', params: idParam, body: transferSchema } },
    (req) => transfer(ctxOf(req), req.params.id, req.body));

  r.post('/members/:id/leave', { schema: { tags, summary: 'Ra khỏi tổ chức hoặc từ trần', params: idParam, body: leaveSchema } },
    (req) => leave(ctxOf(req), req.params.id, req.body));

  r.post('/members/:id/card', { schema: { tags, summary: 'Cấp hoặc cấp lại thẻ đoàn viên', params: idParam, body: cardIssueSchema.optional() } },
    (req) => issueCard(ctxOf(req), req.params.id, req.body ?? {}));

  r.get('/members/:id/card', { schema: { tags, summary: 'Thẻ đoàn viên điện tử với mã QR', params: idParam } },
    (req) => memberCard(req.server.database.db, actorOf(req), req.params.id, originOf(req)));

  r.post('/members/:id/party-recommendations', { schema: { tags, summary: 'Giới thiệu đoàn viên ưu tú cho Đảng', params: idParam, body: recommendationSchema } },
    (req) => recommend(ctxOf(req), req.params.id, req.body));

  r.patch('/party-recommendations/:id', { schema: { tags, summary: 'Kết quả giới thiệu cho Đảng', params: idParam, body: recommendationOutcomeSchema } },
    (req) => setRecommendationOutcome(ctxOf(req), req.params.id, req.body));

  r.get('/party-recommendations', {
    schema: { tags, summary: 'Đoàn viên được giới thiệu cho Đảng, theo đơn vị và năm', querystring: z.object({ unitId: z.coerce.number().int().positive(), year: year.optional(), outcome: z.enum(RECOMMENDATION_OUTCOMES).optional(), ...paging }) },
  }, (req) => listRecommendations(req.server.database.db, actorOf(req), req.query));

  r.get('/member-assessments', {
    schema: { tags, summary: 'Bảng xếp loại đoàn viên của một công đoàn cơ sở trong năm', querystring: z.object({ unitId: z.coerce.number().int().positive(), year }) },
  }, (req) => assessmentGrid(req.server.database.db, actorOf(req), req.query));

  r.get('/member-assessments/summary', {
    schema: { tags, summary: 'Số đoàn viên theo mức xếp loại, theo đơn vị', querystring: z.object({ unitId: z.coerce.number().int().positive(), year }) },
  }, (req) => assessmentSummary(req.server.database.db, actorOf(req), req.query));

  r.put('/member-assessments', { schema: { tags, summary: 'Lưu xếp loại đoàn viên cả bảng', body: assessmentSchema } },
    (req) => saveAssessments(ctxOf(req), req.body));

  r.get('/member-transfers', {
    schema: {
      tags, summary: 'Đề nghị chuyển sinh hoạt đến (incoming) hoặc đi (outgoing) của đơn vị',
      querystring: z.object({ unitId: z.coerce.number().int().positive(), direction: z.enum(['incoming', 'outgoing']).default('incoming'), status: z.enum(TRANSFER_STATUSES).optional(), ...paging }),
    },
  }, (req) => listTransfers(req.server.database.db, actorOf(req), req.query));

  r.get('/member-transfers/:id', { schema: { tags, summary: 'Một đề nghị chuyển sinh hoạt', params: idParam } },
    (req) => getTransfer(req.server.database.db, actorOf(req), req.params.id));

  r.post('/member-transfers/:id/accept', { schema: { tags, summary: 'Đơn vị nhận tiếp nhận đoàn viên', params: idParam, body: transferAcceptSchema } },
    (req) => acceptTransfer(ctxOf(req), req.params.id, req.body));

  r.post('/member-transfers/:id/reject', { schema: { tags, summary: 'Đơn vị nhận không tiếp nhận', params: idParam, body: transferRejectSchema } },
    (req) => rejectTransfer(ctxOf(req), req.params.id, req.body));

  r.post('/member-transfers/:id/cancel', { schema: { tags, summary: 'Đơn vị chuyển đi hủy đề nghị', params: idParam, body: transferCancelSchema } },
    (req) => cancelTransfer(ctxOf(req), req.params.id, req.body));

  r.get('/cards/verify/:token', {
    config: { public: true },
    schema: { tags, summary: 'Xác thực thẻ đoàn viên (công khai: chỉ họ tên, đơn vị, hiệu lực)', params: z.object({ token: z.string().max(400) }) },
  }, (req) => verifyCard(req.server.database.db, req.params.token));

  r.get('/me/member', { schema: { tags, summary: 'Hồ sơ và thẻ đoàn viên của chính tôi' } }, async (req) => {
    const actor = actorOf(req);
    const { db } = req.server.database;
    const user = await db.selectFrom('app_user').select('member_id').where('id', '=', actor.userId).executeTakeFirst();
    if (!user?.member_id) throw notFound('Tài khoản chưa gắn với hồ sơ đoàn viên.');
    const m = await db.selectFrom('member as m').innerJoin('org_unit as u', 'u.id', 'm.unit_id').selectAll('m').select('u.name as unit_name')
      .where('m.id', '=', user.member_id).executeTakeFirstOrThrow();
    const view = members.present(m, true);
    const card = view.cardNumber && view.cardValidUntil ? await cardOf(view, originOf(req)) : null;
    return { ...view, card };
  });
}
