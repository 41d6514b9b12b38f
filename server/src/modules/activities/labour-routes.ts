import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  agreementEndSchema, agreementInputSchema, agreementPatchSchema, CLAUSE_TOPICS, DISPUTE_KINDS, DISPUTE_OUTCOMES, disputeInputSchema,
  disputePatchSchema, LEGAL_TOPICS, legalCaseInputSchema, legalCasePatchSchema,
} from '@cds/shared';
import { actorOf, ctxOf, idParam, paging, typed } from '../../lib/http.ts';
import * as agreements from './agreements.ts';
import * as disputes from './disputes.ts';
import * as legal from './legal.ts';

const unitId = z.coerce.number().int().positive();

/** Quan hệ lao động: collective agreements, disputes and stoppages, legal advice and support. */
export async function labourRoutes(app: FastifyInstance) {
  const r = typed(app);
  const db = () => app.database.db;

  const atags = ['Thỏa ước lao động tập thể'];
  r.get('/agreements', { schema: { tags: atags, querystring: z.object({ unitId, status: z.enum(['in_force', 'expiring', 'expired', 'ended', 'pending']).optional(), q: z.string().max(100).optional(), ...paging }) } },
    (req) => agreements.listAgreements(db(), actorOf(req), req.query));
  r.get('/agreements/alerts', { schema: { tags: atags, summary: 'Thỏa ước sắp hết hạn (cảnh báo 90/30 ngày) và chưa gửi đăng ký', querystring: z.object({ unitId }) } },
    (req) => agreements.expiryAlerts(db(), actorOf(req), req.query.unitId));
  r.get('/agreements/compare', { schema: { tags: atags, summary: 'So sánh một nội dung có lợi hơn luật giữa các thỏa ước còn hiệu lực', querystring: z.object({ unitId, topic: z.enum(CLAUSE_TOPICS) }) } },
    (req) => agreements.compareClauses(db(), actorOf(req), req.query.unitId, req.query.topic));
  r.get('/agreements/:id', { schema: { tags: atags, params: idParam } }, (req) => agreements.getAgreement(db(), actorOf(req), req.params.id));
  r.post('/agreements', { schema: { tags: atags, summary: 'Ghi nhận thỏa ước lao động tập thể', body: agreementInputSchema } },
    (req) => agreements.createAgreement(ctxOf(req), req.body));
  r.patch('/agreements/:id', { schema: { tags: atags, params: idParam, body: agreementPatchSchema } },
    (req) => agreements.updateAgreement(ctxOf(req), req.params.id, req.body));
  r.post('/agreements/:id/end', { schema: { tags: atags, summary: 'Chấm dứt thỏa ước trước hạn', params: idParam, body: agreementEndSchema } },
    (req) => agreements.endAgreement(ctxOf(req), req.params.id, req.body));

  const dtags = ['Tranh chấp lao động, ngừng việc, đình công'];
  r.get('/disputes', { schema: { tags: dtags, querystring: z.object({ unitId, kind: z.enum(DISPUTE_KINDS).optional(), outcome: z.enum(DISPUTE_OUTCOMES).optional(), year: z.coerce.number().int().min(2000).max(2100).optional(), ...paging }) } },
    (req) => disputes.listDisputes(db(), actorOf(req), req.query));
  r.get('/disputes/monthly', { schema: { tags: dtags, summary: 'Số vụ việc theo tháng', querystring: z.object({ unitId, year: z.coerce.number().int().min(2000).max(2100) }) } },
    (req) => disputes.monthlyDisputes(db(), actorOf(req), req.query.unitId, req.query.year));
  r.get('/disputes/:id', { schema: { tags: dtags, params: idParam } }, (req) => disputes.getDispute(db(), actorOf(req), req.params.id));
  r.post('/disputes', { schema: { tags: dtags, summary: 'Ghi nhận tranh chấp, ngừng việc tập thể, đình công', body: disputeInputSchema } },
    (req) => disputes.createDispute(ctxOf(req), req.body));
  r.patch('/disputes/:id', { schema: { tags: dtags, params: idParam, body: disputePatchSchema } },
    (req) => disputes.updateDispute(ctxOf(req), req.params.id, req.body));

  const ltags = ['Tư vấn, hỗ trợ pháp lý'];
  r.get('/legal-cases', { schema: { tags: ltags, summary: 'Hồ sơ tư vấn, hỗ trợ pháp lý (nội dung được bảo mật)', querystring: z.object({ unitId, status: z.enum(['open', 'closed']).optional(), topic: z.enum(LEGAL_TOPICS).optional(), mine: z.enum(['true', 'false']).optional(), ...paging }) } },
    (req) => legal.listLegalCases(db(), actorOf(req), { ...req.query, mine: req.query.mine === 'true' }));
  r.get('/legal-cases/handlers', { schema: { tags: ltags, summary: 'Cán bộ có thể thụ lý hồ sơ tại đơn vị', querystring: z.object({ unitId }) } },
    (req) => legal.handlers(db(), actorOf(req), req.query.unitId));
  r.get('/legal-cases/:id', { schema: { tags: ltags, params: idParam } }, (req) => legal.getLegalCase(db(), actorOf(req), req.params.id));
  r.post('/legal-cases', { schema: { tags: ltags, summary: 'Tiếp nhận yêu cầu tư vấn, hỗ trợ pháp lý', body: legalCaseInputSchema } },
    (req) => legal.createLegalCase(ctxOf(req), req.body));
  r.patch('/legal-cases/:id', { schema: { tags: ltags, params: idParam, body: legalCasePatchSchema } },
    (req) => legal.updateLegalCase(ctxOf(req), req.params.id, req.body));
}
