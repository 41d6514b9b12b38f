import { sql } from 'kysely';
import type { LegalCaseInput } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { can, requireAt, type Actor } from '../../auth/actor.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { audited, type Ctx } from '../audit/write.ts';
import { guard, today, visibleEnterprise } from './common.ts';

const HIDDEN = '•••';

/**
 * Legal advice and support cases. Anyone who reads the unit's activities sees that a case exists
 * (kind, topic, dates, status, who handles it); the requester and the details only reach the
 * handling officer and holders of legal.sensitive (the federation above).
 */
function present(row: any, actor: Actor) {
  const reveal = row.handlerUserId === actor.userId || can(actor, 'legal.sensitive', row.unitPath);
  return {
    ...row, id: Number(row.id), memberId: reveal ? (row.memberId === null ? null : Number(row.memberId)) : null,
    enterpriseId: row.enterpriseId === null ? null : Number(row.enterpriseId),
    requesterName: reveal ? row.requesterName : HIDDEN, requesterPhone: reveal ? row.requesterPhone : row.requesterPhone ? HIDDEN : null,
    enterpriseName: reveal ? row.enterpriseName : row.enterpriseName ? HIDDEN : null,
    caseDetails: reveal ? row.caseDetails : row.caseDetails ? HIDDEN : null,
    adviceGiven: reveal ? row.adviceGiven : row.adviceGiven ? HIDDEN : null,
    caseOutcome: reveal ? row.caseOutcome : row.caseOutcome ? HIDDEN : null,
    confidentialVisible: reveal, canWrite: reveal && can(actor, 'activity.write', row.unitPath),
  };
}

const columns = sql`c.id, c.unit_id as "unitId", u.name as "unitName", c.unit_path::text as "unitPath", c.member_id as "memberId",
  c.requester_name as "requesterName", c.requester_phone as "requesterPhone", c.enterprise_id as "enterpriseId", e.name as "enterpriseName",
  c.kind, c.channel, c.topic, c.opened_on as "openedOn", c.case_details as "caseDetails", c.advice_given as "adviceGiven",
  c.case_outcome as "caseOutcome", c.handler_user_id as "handlerUserId", h.full_name as "handlerName", c.status, c.closed_on as "closedOn", c.version`;
const from = sql`legal_case c join org_unit u on u.id = c.unit_id join app_user h on h.id = c.handler_user_id left join enterprise e on e.id = c.enterprise_id`;

export async function listLegalCases(db: Db, actor: Actor, f: { unitId: number; status?: string; topic?: string; mine?: boolean; page: number; pageSize: number }) {
  const path = await requireAt(db, actor, 'activity.read', f.unitId);
  const { rows } = await sql<any>`
    select ${columns}, count(*) over ()::int as total from ${from}
    where c.unit_path <@ ${path}::ltree and (${f.status ?? null}::text is null or c.status = ${f.status ?? null})
      and (${f.topic ?? null}::text is null or c.topic = ${f.topic ?? null}) and (not ${f.mine ?? false} or c.handler_user_id = ${actor.userId})
    order by c.opened_on desc, c.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`.execute(db);
  return { rows: rows.map(({ total: _t, ...r }) => present(r, actor)), total: rows[0]?.total ?? 0 };
}

export async function getLegalCase(db: Db, actor: Actor, id: number) {
  const { rows: [row] } = await sql<any>`select ${columns} from ${from} where c.id = ${id}`.execute(db);
  guard(row && { ...row, unit_path: row.unitPath }, actor, 'activity.read', undefined, 'Không tìm thấy hồ sơ.');
  return present(row, actor);
}

/** The handler must hold activity.write at the case's unit (a union officer there or above). */
async function checkHandler(db: Db, userId: number, unitPath: string) {
  const { rows } = await sql<{ ok: boolean }>`
    select true as ok from role_grant g join org_unit u on u.id = g.unit_id join app_user a on a.id = g.user_id
    where g.user_id = ${userId} and g.revoked_at is null and a.active and ${unitPath}::ltree <@ u.path
      and g.role in ('admin', 'federation_officer', 'grassroots_officer') limit 1`.execute(db);
  if (!rows.length) throw badRequest('handler_invalid', 'Cán bộ thụ lý phải là cán bộ công đoàn của đơn vị hoặc cấp trên.', 'handlerUserId');
}

export async function createLegalCase(ctx: Ctx, input: LegalCaseInput) {
  if (input.openedOn > today()) throw badRequest('date_in_future', 'Ngày tiếp nhận không thể ở tương lai.', 'openedOn');
  const id = await audited(ctx, { permission: 'activity.write', unitId: input.unitId, entity: 'legal_case', action: 'create' }, async (trx, unitPath) => {
    let requester = input.requesterName ?? null;
    if (input.memberId) {
      const { rows: [m] } = await sql<{ full_name: string }>`select full_name from member where id = ${input.memberId} and unit_path <@ ${unitPath}::ltree`.execute(trx);
      if (!m) throw badRequest('member_outside_unit', 'Đoàn viên không thuộc đơn vị tiếp nhận.', 'memberId');
      requester = m.full_name;
    }
    if (input.enterpriseId) await visibleEnterprise(trx, ctx.actor, input.enterpriseId);
    const handler = input.handlerUserId ?? ctx.actor.userId;
    await checkHandler(trx, handler, unitPath);
    const row = await trx.insertInto('legal_case').values({
      unit_id: input.unitId, unit_path: unitPath, province_id: sql<number>`(select province_id from org_unit where id = ${input.unitId})` as never,
      member_id: input.memberId ?? null, requester_name: requester!, requester_phone: input.requesterPhone ?? null, enterprise_id: input.enterpriseId ?? null,
      kind: input.kind, channel: input.channel, topic: input.topic, opened_on: input.openedOn, case_details: input.caseDetails ?? null,
      advice_given: input.adviceGiven ?? null, case_outcome: input.caseOutcome ?? null, handler_user_id: handler, created_by: ctx.actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    return { entityId: row.id, after: { ...input, requesterName: undefined }, result: Number(row.id) };
  });
  return getLegalCase(ctx.db, ctx.actor, id);
}

export async function updateLegalCase(ctx: Ctx, id: number, patch: Partial<LegalCaseInput> & { status?: string; closedOn?: string | null; version: number }) {
  const current = await getLegalCase(ctx.db, ctx.actor, id);
  if (!current.confidentialVisible) throw notFound('Không tìm thấy hồ sơ.');
  if (patch.status === 'closed' && !(patch.closedOn ?? current.closedOn)) throw badRequest('closed_on_required', 'Nhập ngày kết thúc hồ sơ.', 'closedOn');
  const closedOn = patch.closedOn ?? null;
  if (closedOn && closedOn > today()) throw badRequest('date_in_future', 'Ngày kết thúc không thể ở tương lai.', 'closedOn');
  if (closedOn && closedOn < (patch.openedOn ?? current.openedOn)) throw badRequest('closed_before_opened', 'Ngày kết thúc phải sau ngày tiếp nhận.', 'closedOn');
  await audited(ctx, { permission: 'activity.write', unitId: current.unitId, entity: 'legal_case', action: 'update' }, async (trx, unitPath) => {
    if (patch.handlerUserId) await checkHandler(trx, patch.handlerUserId, unitPath);
    if (patch.enterpriseId) await visibleEnterprise(trx, ctx.actor, patch.enterpriseId);
    const map = { requesterName: 'requester_name', requesterPhone: 'requester_phone', enterpriseId: 'enterprise_id', kind: 'kind', channel: 'channel',
      topic: 'topic', openedOn: 'opened_on', caseDetails: 'case_details', adviceGiven: 'advice_given', caseOutcome: 'case_outcome',
      handlerUserId: 'handler_user_id', status: 'status', closedOn: 'closed_on' } as const;
    const set: Record<string, unknown> = { version: current.version + 1, updated_at: new Date() };
    for (const [key, col] of Object.entries(map)) if ((patch as Record<string, unknown>)[key] !== undefined) set[col] = (patch as Record<string, unknown>)[key];
    if (patch.status === 'open') set.closed_on = null;
    const r = await trx.updateTable('legal_case').set(set as never).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw conflict();
    return { entityId: id, before: { status: current.status, handlerUserId: current.handlerUserId }, after: patch, result: null };
  });
  return getLegalCase(ctx.db, ctx.actor, id);
}

/** Officers who may handle a case at a unit (for the form's picker). */
export async function handlers(db: Db, actor: Actor, unitId: number) {
  const path = await requireAt(db, actor, 'activity.write', unitId);
  const { rows } = await sql<{ id: number; fullName: string; unitName: string }>`
    select distinct a.id, a.full_name as "fullName", u.name as "unitName"
    from role_grant g join org_unit u on u.id = g.unit_id join app_user a on a.id = g.user_id
    where g.revoked_at is null and a.active and ${path}::ltree <@ u.path and g.role in ('federation_officer', 'grassroots_officer')
    order by a.full_name`.execute(db);
  return rows;
}
