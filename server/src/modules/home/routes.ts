import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { UPPER_LEVEL_KINDS, type UnitKind } from '@cds/shared';
import { can, requireAt } from '../../auth/actor.ts';
import { actorOf, typed } from '../../lib/http.ts';
import { HOME_SECTIONS } from './registry.ts';

export async function homeRoutes(app: FastifyInstance) {
  const r = typed(app);
  r.get('/home', {
    schema: { tags: ['Trang chủ'], summary: 'Việc cần làm của đơn vị: các mục do từng phân hệ cung cấp', querystring: z.object({ unitId: z.coerce.number().int().positive() }) },
  }, async (req) => {
    const { db } = req.server.database;
    const actor = actorOf(req);
    const path = await requireAt(db, actor, 'unit.read', req.query.unitId);
    const unit = await db.selectFrom('org_unit').select(['id', 'kind']).where('id', '=', req.query.unitId).executeTakeFirstOrThrow();
    const level = UPPER_LEVEL_KINDS.includes(unit.kind as UnitKind) ? 'upper' : 'grassroots';
    const sections = HOME_SECTIONS.filter((s) => s.levels.includes(level) && can(actor, s.permission, path));
    const results = await Promise.all(sections.map(async (s) => ({ key: s.key, ...(await s.load(db, actor, { id: unit.id, path, kind: unit.kind })) })));
    return { sections: results };
  });
}
