import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { can, type Actor } from '../../auth/actor.ts';
import { badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { audited, type Ctx } from '../audit/write.ts';
import { readCardToken } from '../members/card.ts';
import { guard, today } from './common.ts';

interface ActivityRow {
  id: number; unit_id: number; unit_path: string; province_id: number | null; status: string; attendance_mode: string;
  category: string; starts_on: string; version: number; title: string;
}

async function activityFor(db: Db, actor: Actor, id: number, write: boolean): Promise<ActivityRow> {
  const { rows: [a] } = await sql<ActivityRow>`
    select id, unit_id, unit_path::text as unit_path, province_id, status, attendance_mode, category, starts_on, version, title
    from activity where id = ${id}`.execute(db);
  return guard(a, actor, 'activity.read', write ? 'activity.write' : undefined, 'Không tìm thấy hoạt động.');
}

function assertOpenForAttendance(a: ActivityRow) {
  if (a.status === 'cancelled') throw badRequest('activity_cancelled', 'Hoạt động đã hủy, không điểm danh được.');
  if (a.status !== 'held') throw badRequest('activity_not_held', 'Chỉ điểm danh hoạt động đã tổ chức. Hãy ghi nhận hoạt động "Đã tổ chức" khi đến ngày.');
  if (a.attendance_mode !== 'members') throw badRequest('counts_mode', 'Hoạt động này chỉ ghi số lượng người tham dự; hãy chuyển sang điểm danh theo danh sách.');
}

/**
 * Marks members present. Each must be a member of a union inside the activity's unit subtree and
 * a member on the day; otherwise nothing is saved and the error says how many and why.
 */
export async function addAttendance(ctx: Ctx, activityId: number, memberIds: number[], method: 'pick' | 'qr' | 'import') {
  const a = await activityFor(ctx.db, ctx.actor, activityId, true);
  assertOpenForAttendance(a);
  const ids = [...new Set(memberIds)];
  return audited(ctx, { permission: 'activity.write', unitId: a.unit_id, entity: 'attendance', action: method === 'qr' ? 'scan' : 'add' }, async (trx) => {
    const { rows: members } = await sql<{ id: number; inside: boolean; on_date: boolean }>`
      select m.id, m.unit_path <@ ${a.unit_path}::ltree as inside,
        (m.joined_on is null or m.joined_on <= ${a.starts_on}::date) and (m.left_on is null or m.left_on > ${a.starts_on}::date)
          and (m.status = 'active' or m.left_on is not null) as on_date
      from member m where m.id = any(${ids}::bigint[])`.execute(trx);
    const outside = ids.length - members.filter((m) => m.inside).length;
    if (outside) {
      throw badRequest('member_outside_unit', `${outside} người không phải đoàn viên của đơn vị tổ chức hoạt động hoặc các đơn vị trực thuộc; không ghi điểm danh.`, 'memberIds');
    }
    const inactive = members.filter((m) => !m.on_date).length;
    if (inactive) throw badRequest('member_not_active_on_date', `${inactive} người chưa là đoàn viên hoặc đã thôi sinh hoạt vào ngày tổ chức hoạt động.`, 'memberIds');
    const { rows } = await sql<{ member_id: number; inserted: boolean }>`
      insert into attendance as t (province_id, activity_id, member_id, category, held_on, member_unit_id, method, recorded_by)
      select ${a.province_id}, ${a.id}, m.id, ${a.category}, ${a.starts_on}::date, m.unit_id, ${method}, ${ctx.actor.userId}
      from member m where m.id = any(${ids}::bigint[])
      on conflict (activity_id, member_id) do update
        set counted = true, removed_at = null, removed_by = null, removed_reason = null, method = excluded.method,
            recorded_by = excluded.recorded_by, recorded_at = now()
        where not t.counted
      returning t.member_id, (xmax = 0) as inserted`.execute(trx);
    const added = rows.length;
    return { entityId: activityId, after: { method, added, memberIds: rows.map((r) => Number(r.member_id)) }, result: { added, already: ids.length - added } };
  });
}

/** Bỏ điểm danh: the row stays with who removed it and why; it no longer counts. */
export async function removeAttendance(ctx: Ctx, activityId: number, memberIds: number[], reason: string) {
  const a = await activityFor(ctx.db, ctx.actor, activityId, true);
  return audited(ctx, { permission: 'activity.write', unitId: a.unit_id, entity: 'attendance', action: 'remove' }, async (trx) => {
    const r = await sql`
      update attendance set counted = false, removed_at = now(), removed_by = ${ctx.actor.userId}, removed_reason = ${reason}
      where activity_id = ${activityId} and member_id = any(${memberIds}::bigint[]) and counted`.execute(trx);
    const removed = Number(r.numAffectedRows ?? 0);
    return { entityId: activityId, after: { removed, memberIds, reason }, result: { removed } };
  });
}

/** A member e-card shown at the door: the signed QR token (or the card number typed in). */
export async function scanCard(ctx: Ctx, activityId: number, input: { token?: string | null; cardNumber?: string | null }) {
  const a = await activityFor(ctx.db, ctx.actor, activityId, true);
  assertOpenForAttendance(a);
  let memberId: number | null = null;
  if (input.token) {
    const raw = input.token.includes('/the/') ? input.token.slice(input.token.lastIndexOf('/the/') + 5) : input.token;
    const claims = readCardToken(decodeURIComponent(raw.trim()));
    if (!claims) throw badRequest('card_invalid', 'Mã QR không phải thẻ đoàn viên hợp lệ (chữ ký không khớp).', 'token');
    const m = await ctx.db.selectFrom('member').select(['id', 'card_number']).where('id', '=', claims.memberId).executeTakeFirst();
    if (!m) throw badRequest('card_invalid', 'Không tìm thấy đoàn viên của thẻ này.', 'token');
    if (m.card_number !== claims.cardNumber) throw badRequest('card_replaced', 'Thẻ này đã được thay bằng thẻ khác; hãy dùng thẻ mới.', 'token');
    if (claims.validUntil < today()) throw badRequest('card_expired', 'Thẻ đoàn viên đã hết hạn.', 'token');
    memberId = Number(m.id);
  } else {
    const m = await ctx.db.selectFrom('member').select(['id']).where('card_number', '=', String(input.cardNumber).trim()).executeTakeFirst();
    if (!m) throw badRequest('card_not_found', 'Không có đoàn viên nào mang số thẻ này.', 'cardNumber');
    memberId = Number(m.id);
  }
  const result = await addAttendance(ctx, activityId, [memberId], 'qr');
  const { rows: [m] } = await sql<{ id: number; fullName: string; unitName: string; sex: string | null }>`
    select m.id, m.full_name as "fullName", u.name as "unitName", m.sex from member m join org_unit u on u.id = m.unit_id where m.id = ${memberId}`.execute(ctx.db);
  return { member: { ...m, id: Number(m.id) }, status: result.added ? 'added' as const : 'already' as const };
}

/** Who is marked present (names need member.read at the activity's unit). */
export async function listAttendees(db: Db, actor: Actor, activityId: number, q: { page: number; pageSize: number; removed?: boolean }) {
  const a = await activityFor(db, actor, activityId, false);
  if (!can(actor, 'member.read', a.unit_path)) throw forbidden('Bạn không có quyền xem danh sách đoàn viên của đơn vị này.');
  const { rows } = await sql<any>`
    select m.id as "memberId", m.full_name as "fullName", m.sex, m.card_number as "cardNumber", u.name as "unitName",
      t.method, t.recorded_at as "recordedAt", t.counted, t.removed_reason as "removedReason", count(*) over ()::int as total
    from attendance t join member m on m.id = t.member_id join org_unit u on u.id = t.member_unit_id
    where t.activity_id = ${activityId} and t.counted = ${!q.removed}
    order by m.name_sort, m.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db);
  return { rows: rows.map(({ total: _t, ...r }) => ({ ...r, memberId: Number(r.memberId) })), total: rows[0]?.total ?? 0 };
}

/** Members who may be marked present (the activity's subtree, members on the day), with who already is. */
export async function attendanceCandidates(db: Db, actor: Actor, activityId: number, q: { q?: string; unitId?: number; page: number; pageSize: number }) {
  const a = await activityFor(db, actor, activityId, false);
  if (!can(actor, 'member.read', a.unit_path)) throw forbidden('Bạn không có quyền xem danh sách đoàn viên của đơn vị này.');
  const words = (q.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 6);
  const under = q.unitId ? sql`and (m.unit_id = ${q.unitId} or m.group_id = ${q.unitId})` : sql``;
  const { rows } = await sql<any>`
    select m.id, m.full_name as "fullName", m.sex, m.card_number as "cardNumber", m.birth_date as "birthDate", u.name as "unitName",
      (t.member_id is not null) as present, count(*) over ()::int as total
    from member m join org_unit u on u.id = m.unit_id
    left join attendance t on t.activity_id = ${activityId} and t.member_id = m.id and t.counted
    where m.unit_path <@ ${a.unit_path}::ltree
      and (m.joined_on is null or m.joined_on <= ${a.starts_on}::date) and (m.left_on is null or m.left_on > ${a.starts_on}::date)
      and (m.status = 'active' or m.left_on is not null) ${under}
      ${sql.join(words.map((w) => sql`and m.search_text like '%' || vn_fold(${w}) || '%'`), sql` `)}
    order by m.name_sort, m.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db);
  return { rows: rows.map(({ total: _t, ...r }) => ({ ...r, id: Number(r.id) })), total: rows[0]?.total ?? 0 };
}

export { activityFor, assertOpenForAttendance, notFound };
