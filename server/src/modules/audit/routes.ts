import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sql } from 'kysely';
import { actorOf, isoDate, paging, typed } from '../../lib/http.ts';
import { requireAt, scopePaths } from '../../auth/actor.ts';

export async function auditRoutes(app: FastifyInstance) {
  const r = typed(app);
  r.get('/audit', {
    schema: {
      tags: ['Nhật ký'], summary: 'Nhật ký thao tác trong phạm vi',
      querystring: z.object({
        unitId: z.coerce.number().int().optional(), userId: z.coerce.number().int().optional(),
        entity: z.string().max(60).optional(), entityId: z.string().max(60).optional(), action: z.string().max(60).optional(),
        from: isoDate.optional(), to: isoDate.optional(), ...paging,
      }),
    },
  }, async (req) => {
    const { db } = req.server.database;
    const actor = actorOf(req);
    const q = req.query;
    const under = q.unitId ? await requireAt(db, actor, 'audit.read', q.unitId) : null;
    const where = sql`
      a.unit_path <@ any(${scopePaths(actor, 'audit.read')}::ltree[])
      and (${under}::ltree is null or a.unit_path <@ ${under}::ltree)
      and (${q.userId ?? null}::int is null or a.user_id = ${q.userId ?? null})
      and (${q.entity ?? null}::text is null or a.entity = ${q.entity ?? null})
      and (${q.entityId ?? null}::text is null or a.entity_id = ${q.entityId ?? null})
      and (${q.action ?? null}::text is null or a.action = ${q.action ?? null})
      and (${q.from ?? null}::date is null or a.at >= ${q.from ?? null}::date)
      and (${q.to ?? null}::date is null or a.at < ${q.to ?? null}::date + 1)`;
    const { rows } = await sql`
      select a.id, a.at, a.entity, a.entity_id as "entityId", a.action, a.before, a.after, a.ip,
             u.full_name as "userName", u.username, o.name as "unitName", a.unit_id as "unitId"
      from audit_log a left join app_user u on u.id = a.user_id left join org_unit o on o.id = a.unit_id
      where ${where} order by a.at desc, a.id desc
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db);
    const { rows: [{ total }] } = await sql<{ total: number }>`select count(*)::int as total from audit_log a where ${where}`.execute(db);
    return { rows, total };
  });
}
