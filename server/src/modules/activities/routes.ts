import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ACTIVITY_CATEGORIES, ACTIVITY_STATUSES, activityCancelSchema, activityInputSchema, activityPatchSchema, attendanceAddSchema,
  attendanceRemoveSchema, attendanceScanSchema, DOCUMENT_KINDS, followupInputSchema, followupPatchSchema, kindInputSchema, kindPatchSchema,
  meetingRecordSchema,
} from '@cds/shared';
import { actorOf, ctxOf, idParam, isoDate, paging, typed } from '../../lib/http.ts';
import { badRequest } from '../../lib/errors.ts';
import * as activities from './service.ts';
import * as attendance from './attendance.ts';
import * as meetings from './meetings.ts';
import * as documents from './documents.ts';
import { unitIndicators, yearOverview } from './overview.ts';
import { exportActivities } from './export.ts';
import { previewSheet } from './attendance-import.ts';

const unitId = z.coerce.number().int().positive();
const year = z.coerce.number().int().min(2000).max(2100);
const filters = z.object({
  unitId,
  kindId: z.coerce.number().int().positive().optional(),
  category: z.enum(ACTIVITY_CATEGORIES).optional(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().max(100).optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
});
const ownerType = z.enum(['activity', 'agreement', 'dispute', 'legal_case']);

export async function activityRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Hoạt động'];
  const db = () => app.database.db;

  r.get('/activity-kinds', { schema: { tags, summary: 'Danh mục loại hoạt động dùng được ở đơn vị', querystring: z.object({ unitId: unitId.optional(), all: z.enum(['true', 'false']).optional() }) } },
    (req) => activities.listKinds(db(), actorOf(req), req.query.unitId, req.query.all === 'true'));
  r.post('/activity-kinds', { schema: { tags, summary: 'Thêm loại hoạt động cho đơn vị và cấp dưới', body: kindInputSchema } },
    (req) => activities.createKind(ctxOf(req), req.body));
  r.patch('/activity-kinds/:id', { schema: { tags, params: idParam, body: kindPatchSchema } },
    (req) => activities.updateKind(ctxOf(req), req.params.id, req.body));

  r.get('/activity-enterprises', { schema: { tags, summary: 'Tìm doanh nghiệp trong phạm vi để gắn vào hoạt động, thỏa ước, vụ việc', querystring: z.object({ unitId, q: z.string().max(100).optional() }) } },
    (req) => activities.searchEnterprises(db(), actorOf(req), req.query.unitId, req.query.q));
  r.get('/activities', { schema: { tags, summary: 'Danh sách hoạt động của đơn vị và các đơn vị trực thuộc', querystring: filters.extend(paging) } },
    (req) => activities.listActivities(db(), actorOf(req), req.query));
  r.get('/activities/export', { schema: { tags, summary: 'Xuất Excel danh sách hoạt động đang xem', querystring: filters } }, async (req, reply) => {
    const { buffer, fileName } = await exportActivities(db(), actorOf(req), req.query);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="${fileName}"`);
    return reply.send(buffer);
  });
  r.get('/activities/calendar', { schema: { tags, summary: 'Lịch hoạt động', querystring: z.object({ unitId, from: isoDate, to: isoDate }) } },
    (req) => activities.calendar(db(), actorOf(req), req.query.unitId, req.query.from, req.query.to));
  r.get('/activities/overview', { schema: { tags, summary: 'Năm hoạt động của đơn vị: theo tháng, theo nhóm và các chỉ tiêu', querystring: z.object({ unitId, year }) } },
    (req) => yearOverview(db(), actorOf(req), req.query.unitId, req.query.year));
  r.get('/activities/indicators', {
    schema: { tags, summary: 'Chỉ số hoạt động của đơn vị trong kỳ (tỷ lệ tham gia, đối thoại, hội nghị…)', querystring: z.object({ unitId, from: isoDate, to: isoDate }) },
  }, (req) => unitIndicators(db(), actorOf(req), req.query.unitId, req.query.from, req.query.to));
  r.get('/activities/due', {
    schema: { tags, summary: 'Đơn vị chưa tổ chức đối thoại / hội nghị người lao động trong năm', querystring: z.object({ unitId, year, category: z.enum(['dialogue', 'workers_conference']) }) },
  }, (req) => meetings.dueList(db(), actorOf(req), req.query.unitId, req.query.year, req.query.category));
  r.get('/activities/followups', { schema: { tags, summary: 'Việc cần theo dõi sau đối thoại, hội nghị còn mở', querystring: z.object({ unitId }) } },
    (req) => meetings.openFollowups(db(), actorOf(req), req.query.unitId));

  r.get('/activities/:id', { schema: { tags, params: idParam } }, (req) => activities.getActivity(db(), actorOf(req), req.params.id));
  r.post('/activities', { schema: { tags, summary: 'Ghi nhận hoặc lên kế hoạch hoạt động', body: activityInputSchema } },
    (req) => activities.createActivity(ctxOf(req), req.body));
  r.patch('/activities/:id', { schema: { tags, params: idParam, body: activityPatchSchema } },
    (req) => activities.updateActivity(ctxOf(req), req.params.id, req.body));
  r.post('/activities/:id/cancel', { schema: { tags, summary: 'Hủy hoạt động (kèm lý do)', params: idParam, body: activityCancelSchema } },
    (req) => activities.cancelActivity(ctxOf(req), req.params.id, req.body));

  r.get('/activities/:id/attendance', { schema: { tags, summary: 'Danh sách đoàn viên đã điểm danh', params: idParam, querystring: z.object({ ...paging, removed: z.enum(['true', 'false']).optional() }) } },
    (req) => attendance.listAttendees(db(), actorOf(req), req.params.id, { ...req.query, removed: req.query.removed === 'true' }));
  r.get('/activities/:id/attendance/candidates', {
    schema: { tags, summary: 'Đoàn viên có thể điểm danh (thuộc đơn vị tổ chức)', params: idParam, querystring: z.object({ ...paging, q: z.string().max(100).optional(), unitId: unitId.optional() }) },
  }, (req) => attendance.attendanceCandidates(db(), actorOf(req), req.params.id, req.query));
  r.post('/activities/:id/attendance', { schema: { tags, summary: 'Điểm danh đoàn viên (chọn từ danh sách)', params: idParam, body: attendanceAddSchema.extend({ method: z.enum(['pick', 'import']).default('pick') }) } },
    (req) => attendance.addAttendance(ctxOf(req), req.params.id, req.body.memberIds, req.body.method));
  r.post('/activities/:id/attendance/remove', { schema: { tags, summary: 'Bỏ điểm danh (kèm lý do)', params: idParam, body: attendanceRemoveSchema } },
    (req) => attendance.removeAttendance(ctxOf(req), req.params.id, req.body.memberIds, req.body.reason));
  r.post('/activities/:id/attendance/scan', { schema: { tags, summary: 'Điểm danh bằng mã QR thẻ đoàn viên hoặc số thẻ', params: idParam, body: attendanceScanSchema } },
    (req) => attendance.scanCard(ctxOf(req), req.params.id, req.body));

  r.post('/activities/:id/attendance/import', { schema: { tags, summary: 'Đọc danh sách điểm danh (.xlsx): khớp tên, gợi ý tên chưa khớp; chưa lưu', params: idParam } },
    async (req) => {
      await attendance.activityFor(db(), actorOf(req), req.params.id, true);
      const file = req.isMultipart() ? await req.file() : undefined;
      if (!file) throw badRequest('file_required', 'Hãy chọn tệp danh sách (.xlsx).', 'file');
      return previewSheet(db(), actorOf(req), req.params.id, await file.toBuffer());
    });
  r.get('/activities/:id/meeting', { schema: { tags, summary: 'Biên bản đối thoại / hội nghị người lao động', params: idParam } },
    (req) => meetings.getMeeting(db(), actorOf(req), req.params.id));
  r.put('/activities/:id/meeting', { schema: { tags, params: idParam, body: meetingRecordSchema } },
    (req) => meetings.saveMeeting(ctxOf(req), req.params.id, req.body));
  r.post('/activities/:id/followups', { schema: { tags, summary: 'Thêm việc cần theo dõi (người chịu trách nhiệm, hạn)', params: idParam, body: followupInputSchema } },
    (req) => meetings.addFollowup(ctxOf(req), req.params.id, req.body));
  r.patch('/meeting-followups/:id', { schema: { tags, params: idParam, body: followupPatchSchema } },
    (req) => meetings.updateFollowup(ctxOf(req), req.params.id, req.body));

  const dtags = ['Tài liệu'];
  r.get('/documents', { schema: { tags: dtags, summary: 'Tài liệu đính kèm của một hồ sơ', querystring: z.object({ ownerType, ownerId: z.coerce.number().int().positive() }) } },
    (req) => documents.listDocuments(db(), actorOf(req), req.query.ownerType, req.query.ownerId));
  r.post('/documents', { schema: { tags: dtags, summary: 'Tải lên biên bản, nghị quyết, ảnh (PDF, DOCX, JPG, PNG; tối đa 20 MB)', querystring: z.object({ ownerType, ownerId: z.coerce.number().int().positive(), kind: z.enum(DOCUMENT_KINDS).default('other') }) } },
    async (req) => {
      await documents.ownerUnit(db(), actorOf(req), req.query.ownerType, req.query.ownerId, true);
      const file = req.isMultipart() ? await req.file({ limits: { fileSize: documents.MAX_DOCUMENT_BYTES + 1 } }) : undefined;
      if (!file) throw badRequest('file_required', 'Hãy chọn tệp cần tải lên.', 'file');
      const content = await file.toBuffer();
      return documents.addDocument(ctxOf(req), req.query.ownerType, req.query.ownerId, { fileName: file.filename, content, kind: req.query.kind });
    });
  r.get('/documents/:id/file', { schema: { tags: dtags, summary: 'Tải tài liệu (kiểm tra phạm vi)', params: idParam } }, async (req, reply) => {
    const doc = await documents.readDocument(db(), actorOf(req), req.params.id);
    reply.header('content-type', doc.mime);
    reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`);
    reply.header('x-content-type-options', 'nosniff');
    return reply.send(doc.content);
  });
  r.post('/documents/:id/remove', { schema: { tags: dtags, summary: 'Gỡ tài liệu (kèm lý do)', params: idParam, body: z.object({ reason: z.string().trim().min(3).max(500) }) } },
    (req) => documents.removeDocument(ctxOf(req), req.params.id, req.body.reason));
}
