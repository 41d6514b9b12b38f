import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { memberImportSchema } from '@cds/shared';
import { actorOf, typed } from '../../../lib/http.ts';
import { badRequest } from '../../../lib/errors.ts';
import { sql } from 'kysely';
import { can, requireAt, scopePaths } from '../../../auth/actor.ts';
import { enqueueJob, loadUpload, saveUpload } from '../../../lib/jobs.ts';
import { analyseFile, checkMapping, importTarget, rememberMapping, runMemberImport, outcomeMessage } from './service.ts';
import { MEMBER_IMPORT_SPEC, SENSITIVE_IMPORT_FIELDS } from './spec.ts';
import { openSheetImport, sanitizeMapping } from '../../../lib/xlsx-import/index.ts';
import './job.ts';

const PREVIEW_ROWS = 50;
const MAX_BYTES = 60 * 1024 * 1024;

export async function memberImportRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Đoàn viên — nhập Excel'];

  r.post('/member-imports/upload', {
    schema: { tags, summary: 'Tải tệp Excel lên: tìm dòng tiêu đề, đề xuất cách ghép cột', querystring: z.object({ unitId: z.coerce.number().int().positive() }) },
  }, async (req) => {
    const actor = actorOf(req);
    const { db } = req.server.database;
    await importTarget(db, actor, req.query.unitId);
    if (!req.isMultipart()) throw badRequest('file_required', 'Hãy chọn tệp Excel (.xlsx) để tải lên.', 'file');
    const part = await req.file({ limits: { fileSize: MAX_BYTES } });
    if (!part) throw badRequest('file_required', 'Hãy chọn tệp Excel (.xlsx) để tải lên.', 'file');
    const content = await part.toBuffer().catch(() => { throw badRequest('file_too_large', 'Tệp quá lớn (tối đa 60 MB).', 'file'); });
    if (!/\.xlsx$/i.test(part.filename)) throw badRequest('not_xlsx', 'Chỉ nhận tệp Excel .xlsx (tệp .xls cũ: hãy mở bằng Excel và lưu lại dạng .xlsx).', 'file');
    const analysis = await analyseFile(db, actor, req.query.unitId, content);
    const uploadId = await saveUpload(db, actor, part.filename.normalize('NFC'), content);
    return { uploadId, fileName: part.filename.normalize('NFC'), ...analysis };
  });

  r.post('/member-imports/preview', { schema: { tags, summary: 'Xem trước: các dòng đầu với trạng thái từng ô (chưa ghi gì)', body: memberImportSchema } }, async (req) => {
    const actor = actorOf(req);
    const handle = req.server.database;
    const unit = await importTarget(handle.db, actor, req.body.unitId);
    const { content, fileName } = await loadUpload(handle.db, actor, req.body.uploadId);
    const result = await runMemberImport(handle, actor, {
      unitId: unit.id, source: content, fileName, mode: req.body.mode, mapping: req.body.mapping, dryRun: true, limitRows: PREVIEW_ROWS,
    });
    const reveal = can(actor, 'member.sensitive', unit.path);
    const drafts = new Map((result.drafts ?? []).map((d) => [d.row, d]));
    return {
      summary: result.summary,
      rows: result.rows.map((o) => {
        const d = drafts.get(o.row);
        const values = d ? Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'row' && k !== 'errors')
          .map(([k, v]) => [k, SENSITIVE_IMPORT_FIELDS.has(k) && !reveal && v !== null && v !== false ? '•••' : v])) : null;
        return { row: o.row, status: o.status, errors: o.errors ?? [], message: outcomeMessage(o, false), values };
      }),
    };
  });

  r.post('/member-imports', { schema: { tags, summary: 'Nhập danh sách: chạy nền, trả về mã công việc để theo dõi', body: memberImportSchema } }, async (req) => {
    const actor = actorOf(req);
    const handle = req.server.database;
    const unit = await importTarget(handle.db, actor, req.body.unitId);
    const { content, fileName } = await loadUpload(handle.db, actor, req.body.uploadId);
    const sheet = await openSheetImport(content, MEMBER_IMPORT_SPEC);
    await sheet.close();
    const width = Math.max(0, ...sheet.layout.columns.map((c) => c.index + 1));
    const mapping = sanitizeMapping(req.body.mapping, MEMBER_IMPORT_SPEC, width);
    checkMapping(mapping);
    await rememberMapping(handle.db, actor, unit.id, sheet.layout, mapping);
    const jobId = await enqueueJob(handle, actor, {
      kind: 'member_import', unitId: unit.id, permission: 'member.write', title: `Nhập danh sách đoàn viên "${fileName}" vào ${unit.name}`,
      params: { uploadId: req.body.uploadId, unitId: unit.id, mapping, mode: req.body.mode, fileName },
    });
    return { jobId };
  });

  r.get('/member-imports', {
    schema: { tags, summary: 'Các lần nhập danh sách của đơn vị và các đơn vị trực thuộc', querystring: z.object({ unitId: z.coerce.number().int().positive() }) },
  }, async (req) => {
    const actor = actorOf(req);
    const { db } = req.server.database;
    const path = await requireAt(db, actor, 'member.read', req.query.unitId);
    const paths = scopePaths(actor, 'member.read');
    const { rows } = await sql<Record<string, unknown>>`
      select i.id, i.unit_id as "unitId", u.name as "unitName", i.job_id as "jobId", i.file_name as "fileName", i.mode, i.rows, i.created,
        i.updated, i.duplicate, i.invalid, i.skipped, i.created_at as "createdAt", a.full_name as "createdBy"
      from member_import i join org_unit u on u.id = i.unit_id left join app_user a on a.id = i.created_by
      where u.path <@ ${path}::ltree and u.path <@ any(${paths}::ltree[])
      order by i.created_at desc limit 50`.execute(db);
    return { rows };
  });
}
