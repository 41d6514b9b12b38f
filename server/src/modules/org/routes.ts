import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { dissolveUnitSchema, mergeUnitSchema, moveUnitSchema, unitInputSchema, unitPatchSchema } from '@cds/shared';
import { actorOf, ctxOf, idParam, typed } from '../../lib/http.ts';
import * as org from './service.ts';

export async function orgRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Tổ chức'];

  r.get('/units/roots', { schema: { tags, summary: 'Đơn vị gốc trong phạm vi của người dùng' } },
    (req) => org.scopeRoots(req.server.database.db, actorOf(req)));

  r.get('/units/search', {
    schema: {
      tags, summary: 'Tìm đơn vị theo tên, không phân biệt dấu',
      querystring: z.object({
        q: z.string().max(100).optional(), under: z.coerce.number().int().optional(), kind: z.string().max(40).optional(),
        includeDissolved: z.coerce.boolean().optional(), limit: z.coerce.number().int().min(1).max(200).default(30),
      }),
    },
  }, (req) => org.searchUnits(req.server.database.db, actorOf(req), {
    text: req.query.q, underId: req.query.under, kind: req.query.kind, includeDissolved: req.query.includeDissolved, limit: req.query.limit,
  }));

  r.get('/units/:id', { schema: { tags, params: idParam } },
    (req) => org.getUnit(req.server.database.db, actorOf(req), req.params.id));

  r.get('/units/:id/children', {
    schema: { tags, params: idParam, querystring: z.object({ includeDissolved: z.coerce.boolean().default(false) }) },
  }, (req) => org.listChildren(req.server.database.db, actorOf(req), req.params.id, req.query.includeDissolved));

  r.get('/units/:id/history', { schema: { tags, params: idParam } },
    (req) => org.unitHistory(req.server.database.db, actorOf(req), req.params.id));

  r.post('/units', { schema: { tags, summary: 'Thành lập đơn vị', body: unitInputSchema } },
    (req) => org.createUnit(ctxOf(req), req.body));

  r.patch('/units/:id', { schema: { tags, params: idParam, body: unitPatchSchema } },
    (req) => org.updateUnit(ctxOf(req), req.params.id, req.body));

  r.post('/units/:id/move', { schema: { tags, summary: 'Chuyển đơn vị (cả các đơn vị trực thuộc)', params: idParam, body: moveUnitSchema } },
    (req) => org.moveUnit(ctxOf(req), req.params.id, req.body));

  r.post('/units/:id/dissolve', { schema: { tags, summary: 'Giải thể đơn vị', params: idParam, body: dissolveUnitSchema } },
    (req) => org.dissolveUnit(ctxOf(req), req.params.id, req.body));

  r.post('/units/:id/merge', { schema: { tags, summary: 'Sáp nhập vào đơn vị khác', params: idParam, body: mergeUnitSchema } },
    (req) => org.mergeUnit(ctxOf(req), req.params.id, req.body));
}
