import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  manualValueSchema, programmeInputSchema, reportCreateSchema, reportExemptSchema, reportPatchSchema, reportReviewSchema,
  REPORT_KINDS, SECTORS, targetInputSchema, targetPatchSchema, targetSharesSchema,
} from '@cds/shared';
import { actorOf, ctxOf, idParam, typed } from '../../lib/http.ts';
import * as programme from './service.ts';
import * as reports from './reports.ts';

const year = z.coerce.number().int().min(2000).max(2100);
const periodQuery = {
  unitId: z.coerce.number().int().positive(),
  year,
  half: z.coerce.number().int().min(1).max(1).optional(),
};
const period = (q: { year: number; half?: number }) => ({ year: q.year, half: q.half === 1 ? (1 as const) : null });

export async function programmeRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Chương trình – Chỉ tiêu'];

  r.get('/programme/indicators', { schema: { tags, summary: 'Danh mục chỉ số (cách tính, loại, theo khu vực)' } }, () => programme.listIndicators());

  r.get('/programmes', { schema: { tags, querystring: z.object({ unitId: z.coerce.number().int().positive() }) } },
    (req) => programme.listProgrammes(req.server.database.db, actorOf(req), req.query.unitId));
  r.get('/programmes/:id', { schema: { tags, params: idParam } },
    (req) => programme.getProgramme(req.server.database.db, actorOf(req), req.params.id));
  r.post('/programmes', { schema: { tags, summary: 'Ban hành chương trình hành động', body: programmeInputSchema } },
    (req) => programme.createProgramme(ctxOf(req), req.body));
  r.put('/programmes/:id', {
    schema: { tags, params: idParam, body: programmeInputSchema.safeExtend({ version: z.number().int() }) },
  }, (req) => programme.updateProgramme(ctxOf(req), req.params.id, req.body));
  r.post('/programmes/:id/targets', { schema: { tags, summary: 'Thêm chỉ tiêu', params: idParam, body: targetInputSchema } },
    (req) => programme.addTarget(ctxOf(req), req.params.id, req.body));
  r.patch('/targets/:id', { schema: { tags, params: idParam, body: targetPatchSchema } },
    (req) => programme.updateTarget(ctxOf(req), req.params.id, req.body));
  r.get('/targets/:id/shares', { schema: { tags, params: idParam, querystring: z.object({ year }) } },
    (req) => programme.getShares(req.server.database.db, actorOf(req), req.params.id, req.query.year));
  r.put('/targets/:id/shares', { schema: { tags, summary: 'Giao chỉ tiêu cho đơn vị trực thuộc', params: idParam, body: targetSharesSchema } },
    (req) => programme.setShares(ctxOf(req), req.params.id, req.body));
  r.post('/programme/manual-values', { schema: { tags, summary: 'Nhập số liệu không có trong hệ thống', body: manualValueSchema } },
    (req) => programme.saveManualValue(ctxOf(req), req.body));

  r.get('/programme/dashboard', { schema: { tags, summary: 'Chỉ tiêu của đơn vị trong kỳ, tính trực tiếp', querystring: z.object(periodQuery) } },
    (req) => programme.dashboard(req.server.database.db, actorOf(req), req.query.unitId, period(req.query)));
  r.get('/programme/dashboard/units', {
    schema: { tags, summary: 'Xếp hạng đơn vị trực thuộc theo một chỉ tiêu', querystring: z.object({ ...periodQuery, targetId: z.coerce.number().int().positive() }) },
  }, (req) => programme.dashboardByUnit(req.server.database.db, actorOf(req), req.query.unitId, req.query.targetId, period(req.query)));
  r.get('/programme/dashboard/progress', {
    schema: { tags, summary: 'Tiến độ theo tháng', querystring: z.object({ unitId: periodQuery.unitId, year, targetId: z.coerce.number().int().positive() }) },
  }, (req) => programme.progress(req.server.database.db, actorOf(req), req.query.unitId, req.query.targetId, req.query.year));
  r.get('/programme/dashboard/compare', { schema: { tags, summary: 'So sánh cùng kỳ năm trước và bình quân đơn vị cùng khu vực', querystring: z.object(periodQuery) } },
    (req) => programme.compare(req.server.database.db, actorOf(req), req.query.unitId, period(req.query)));
  r.get('/programme/dashboard/records', {
    schema: {
      tags, summary: 'Hồ sơ đứng sau một số liệu',
      querystring: z.object({
        ...periodQuery, targetId: z.coerce.number().int().positive(), sector: z.enum(SECTORS).optional(),
        page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50),
      }),
    },
  }, (req) => programme.drill(req.server.database.db, actorOf(req), {
    unitId: req.query.unitId, targetId: req.query.targetId, period: period(req.query), sector: req.query.sector, page: req.query.page, pageSize: req.query.pageSize,
  }));

  const rtags = ['Báo cáo'];
  r.get('/reports/board', {
    schema: { tags: rtags, summary: 'Tình hình nộp báo cáo của đơn vị và các đơn vị trực thuộc', querystring: z.object({ unitId: periodQuery.unitId, kind: z.enum(REPORT_KINDS), year }) },
  }, (req) => reports.reportBoard(req.server.database.db, actorOf(req), req.query.unitId, req.query.kind, req.query.year));
  r.post('/reports', { schema: { tags: rtags, summary: 'Lập báo cáo định kỳ', body: reportCreateSchema } },
    (req) => reports.createReport(ctxOf(req), req.body));
  r.get('/reports/:id', { schema: { tags: rtags, params: idParam } },
    (req) => reports.getReport(req.server.database.db, actorOf(req), req.params.id));
  r.get('/reports/:id/events', { schema: { tags: rtags, params: idParam } },
    (req) => reports.reportEvents(req.server.database.db, actorOf(req), req.params.id));
  r.patch('/reports/:id', { schema: { tags: rtags, params: idParam, body: reportPatchSchema } },
    (req) => reports.updateReport(ctxOf(req), req.params.id, req.body));
  r.post('/reports/:id/submit', { schema: { tags: rtags, summary: 'Gửi báo cáo lên cấp trên', params: idParam, body: z.object({ rowVersion: z.number().int() }) } },
    (req) => reports.submitReport(ctxOf(req), req.params.id, req.body));
  r.post('/reports/:id/accept', { schema: { tags: rtags, summary: 'Duyệt báo cáo', params: idParam, body: reportReviewSchema } },
    (req) => reports.reviewReport(ctxOf(req), req.params.id, 'accept', req.body));
  r.post('/reports/:id/return', { schema: { tags: rtags, summary: 'Trả lại báo cáo kèm ý kiến', params: idParam, body: reportReviewSchema } },
    (req) => reports.reviewReport(ctxOf(req), req.params.id, 'return', req.body));
  r.post('/reports/:id/revise', { schema: { tags: rtags, summary: 'Tạo phiên bản điều chỉnh', params: idParam, body: z.object({ rowVersion: z.number().int() }) } },
    (req) => reports.reviseReport(ctxOf(req), req.params.id, req.body));
  r.post('/reports/exempt', { schema: { tags: rtags, summary: 'Miễn báo cáo cho đơn vị trực thuộc', body: reportExemptSchema } },
    (req) => reports.exemptUnit(ctxOf(req), req.body));
}
