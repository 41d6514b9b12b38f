import { sql } from 'kysely';
import type { DisputeInput } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { can, requireAt, type Actor } from '../../auth/actor.ts';
import { badRequest, conflict } from '../../lib/errors.ts';
import { audited, type Ctx } from '../audit/write.ts';
import { guard, today, visibleEnterprise } from './common.ts';

const columns = sql`d.id, d.unit_id as "unitId", u.name as "unitName", d.unit_path::text as "unitPath", d.enterprise_id as "enterpriseId",
  e.name as "enterpriseName", e.ownership, d.kind, d.started_on as "startedOn", d.ended_on as "endedOn", d.workers_involved as "workersInvolved",
  d.causes, d.cause_note as "causeNote", d.demands, d.union_role as "unionRole", d.union_role_note as "unionRoleNote",
  d.resolution_method as "resolutionMethod", d.resolution, d.outcome, d.outcome_note as "outcomeNote", d.lawful, d.version`;

function checkDates(d: { startedOn?: string; endedOn?: string | null }) {
  const now = today();
  if (d.startedOn && d.startedOn > now) throw badRequest('date_in_future', 'Ngày bắt đầu không thể ở tương lai.', 'startedOn');
  if (d.endedOn && d.endedOn > now) throw badRequest('date_in_future', 'Ngày kết thúc không thể ở tương lai.', 'endedOn');
}

export async function listDisputes(db: Db, actor: Actor, f: { unitId: number; kind?: string; year?: number; outcome?: string; page: number; pageSize: number }) {
  const path = await requireAt(db, actor, 'activity.read', f.unitId);
  const where = sql`d.unit_path <@ ${path}::ltree and (${f.kind ?? null}::text is null or d.kind = ${f.kind ?? null})
    and (${f.outcome ?? null}::text is null or d.outcome = ${f.outcome ?? null})
    and (${f.year ?? null}::int is null or extract(year from d.started_on) = ${f.year ?? null})`;
  const { rows } = await sql<any>`
    select ${columns}, count(*) over ()::int as total from labour_dispute d join org_unit u on u.id = d.unit_id join enterprise e on e.id = d.enterprise_id
    where ${where} order by d.started_on desc, d.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`.execute(db);
  return { rows: rows.map(({ total: _t, ...r }) => ({ ...r, id: Number(r.id), enterpriseId: Number(r.enterpriseId) })), total: rows[0]?.total ?? 0 };
}

export async function getDispute(db: Db, actor: Actor, id: number) {
  const { rows: [row] } = await sql<any>`
    select ${columns} from labour_dispute d join org_unit u on u.id = d.unit_id join enterprise e on e.id = d.enterprise_id where d.id = ${id}`.execute(db);
  guard(row && { ...row, unit_path: row.unitPath }, actor, 'activity.read', undefined, 'Không tìm thấy vụ việc.');
  return { ...row, id: Number(row.id), enterpriseId: Number(row.enterpriseId), canWrite: can(actor, 'activity.write', row.unitPath) };
}

/** The record lives with the enterprise's union, or with the upper-level union that manages a non-union enterprise. */
export async function createDispute(ctx: Ctx, input: DisputeInput) {
  checkDates(input);
  const e = await visibleEnterprise(ctx.db, ctx.actor, input.enterpriseId);
  const unitId = e.union_id ?? e.managing_unit_id;
  if (input.workersInvolved && e.workers && input.workersInvolved > e.workers * 2) {
    throw badRequest('workers_implausible', `Số người tham gia (${input.workersInvolved}) vượt xa số lao động của doanh nghiệp (${e.workers}).`, 'workersInvolved');
  }
  const id = await audited(ctx, { permission: 'activity.write', unitId, entity: 'dispute', action: 'create' }, async (trx, unitPath) => {
    const row = await trx.insertInto('labour_dispute').values({
      unit_id: unitId, unit_path: unitPath, province_id: sql<number>`(select province_id from org_unit where id = ${unitId})` as never,
      enterprise_id: input.enterpriseId, kind: input.kind, started_on: input.startedOn, ended_on: input.endedOn ?? null,
      workers_involved: input.workersInvolved ?? null, causes: input.causes, cause_note: input.causeNote ?? null, demands: input.demands ?? null,
      union_role: input.unionRole ?? null, union_role_note: input.unionRoleNote ?? null, resolution_method: input.resolutionMethod ?? null,
      resolution: input.resolution ?? null, outcome: input.outcome, outcome_note: input.outcomeNote ?? null, lawful: input.lawful ?? null,
      created_by: ctx.actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    return { entityId: row.id, after: input, result: Number(row.id) };
  });
  return getDispute(ctx.db, ctx.actor, id);
}

export async function updateDispute(ctx: Ctx, id: number, patch: Partial<DisputeInput> & { version: number }) {
  const current = await getDispute(ctx.db, ctx.actor, id);
  checkDates(patch);
  if (patch.endedOn && patch.endedOn < (patch.startedOn ?? current.startedOn)) throw badRequest('ended_before_started', 'Ngày kết thúc phải sau ngày bắt đầu.', 'endedOn');
  await audited(ctx, { permission: 'activity.write', unitId: current.unitId, entity: 'dispute', action: 'update' }, async (trx) => {
    const map = { kind: 'kind', startedOn: 'started_on', endedOn: 'ended_on', workersInvolved: 'workers_involved', causes: 'causes', causeNote: 'cause_note',
      demands: 'demands', unionRole: 'union_role', unionRoleNote: 'union_role_note', resolutionMethod: 'resolution_method', resolution: 'resolution',
      outcome: 'outcome', outcomeNote: 'outcome_note', lawful: 'lawful' } as const;
    const set: Record<string, unknown> = { version: current.version + 1, updated_at: new Date() };
    for (const [key, col] of Object.entries(map)) if ((patch as Record<string, unknown>)[key] !== undefined) set[col] = (patch as Record<string, unknown>)[key];
    const r = await trx.updateTable('labour_dispute').set(set as never).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw conflict();
    return { entityId: id, before: { outcome: current.outcome, endedOn: current.endedOn }, after: patch, result: null };
  });
  return getDispute(ctx.db, ctx.actor, id);
}

/** Cases per month of a year: disputes apart from stoppages and strikes, with the workers involved. */
export async function monthlyDisputes(db: Db, actor: Actor, unitId: number, year: number) {
  const path = await requireAt(db, actor, 'activity.read', unitId);
  const { rows } = await sql<{ month: number; kind: string; cases: number; workers: number }>`
    select extract(month from d.started_on)::int as month, d.kind, count(*)::int as cases, coalesce(sum(d.workers_involved), 0)::int as workers
    from labour_dispute d where d.unit_path <@ ${path}::ltree and d.started_on between make_date(${year}, 1, 1) and make_date(${year}, 12, 31)
    group by 1, 2 order by 1, 2`.execute(db);
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, individual: 0, collective: 0, work_stoppage: 0, strike: 0, workers: 0 }));
  for (const r of rows) {
    const m = months[r.month - 1];
    const key = r.kind.startsWith('collective') ? 'collective' : (r.kind as 'individual' | 'work_stoppage' | 'strike');
    m[key] += r.cases;
    m.workers += r.workers;
  }
  return { year, months };
}
