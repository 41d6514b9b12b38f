import type { FastifyInstance } from 'fastify';
import { actorOf, idParam, typed } from '../../lib/http.ts';
import { getJob, getJobResultFile } from '../../lib/jobs.ts';

/** Long work's progress and result file, for its owner and for officers of its unit. */
export async function jobRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Công việc chạy nền'];

  r.get('/jobs/:id', { schema: { tags, summary: 'Tiến độ và kết quả một công việc (nhập Excel, lập báo cáo)', params: idParam } },
    (req) => getJob(req.server.database, actorOf(req), req.params.id));

  r.get('/jobs/:id/result', { schema: { tags, summary: 'Tải tệp kết quả của công việc', params: idParam } }, async (req, reply) => {
    const file = await getJobResultFile(req.server.database.db, actorOf(req), req.params.id);
    const ascii = file.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^\w.\-]+/g, '-');
    reply.header('content-type', file.name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/octet-stream');
    reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    return reply.send(file.content);
  });
}
