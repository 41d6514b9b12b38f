import { sql } from 'kysely';
import type { ActivityInput, ActivityPatch } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { can, requireAt, type Actor } from '../../auth/actor.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { audited, type Ctx } from '../audit/write.ts';
import { guard, json, today, visibleEnterprise } from './common.ts';

/** Activity kinds usable at a unit: the common list plus those its federations added. */
export async function listKinds(db: Db, actor: Actor, unitId: number | undefined, all = false) {
  const path = unitId ? await requireAt(db, actor, 'activity.read', unitId) : null;
  const { rows } = await sql<any>`
    select k.id, k.code, k.name, k.category, k.record_form as "recordForm", k.unit_id as "unitId", u.name as "unitName",
      k.position, k.active, k.description, k.version
    from activity_kind k left join org_unit u on u.id = k.unit_id
    where (k.unit_id is null or (${path}::ltree is not null and u.path @> ${path}::ltree))
      and (${all} or k.active)
    order by k.position, k.name`.execute(db);
  return rows;
}

export async function createKind(ctx: Ctx, input: { unitId: number; name: string; category: string; recordForm?: string | null; description?: string | null }) {
  return audited(ctx, { permission: 'setting.write', unitId: input.unitId, entity: 'activity_kind', action: 'create' }, async (trx) => {
    const { rows: [{ n }] } = await sql<{ n: number }>`select coalesce(max(position), 0)::int + 10 as n from activity_kind`.execute(trx);
    const row = await trx.insertInto('activity_kind').values({
      code: `u${input.unitId}_${Date.now().toString(36)}`, name: input.name, category: input.category, record_form: input.recordForm ?? null,
      unit_id: input.unitId, position: n, description: input.description ?? null,
    }).returning(['id']).executeTakeFirstOrThrow();
    return { entityId: row.id, after: input, result: { id: row.id } };
  });
}

export async function updateKind(ctx: Ctx, id: number, patch: { name?: string; description?: string | null; active?: boolean; version: number }) {
  const kind = await ctx.db.selectFrom('activity_kind').selectAll().where('id', '=', id).executeTakeFirst();
  if (!kind) throw notFound('Không tìm thấy loại hoạt động.');
  if (kind.unit_id === null) throw badRequest('kind_common', 'Loại hoạt động dùng chung chỉ quản trị hệ thống thay đổi trong danh mục gốc.');
  return audited(ctx, { permission: 'setting.write', unitId: kind.unit_id, entity: 'activity_kind', action: 'update' }, async (trx) => {
    const r = await trx.updateTable('activity_kind').set({
      name: patch.name ?? kind.name, description: patch.description === undefined ? kind.description : patch.description,
      active: patch.active ?? kind.active, version: kind.version + 1,
    }).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw conflict();
    return { entityId: id, before: { name: kind.name, active: kind.active }, after: patch, result: { id } };
  });
}

async function usableKind(db: Db, kindId: number, unitPath: string) {
  const { rows: [k] } = await sql<{ id: number; category: string; record_form: string | null; name: string }>`
    select k.id, k.category, k.record_form, k.name from activity_kind k left join org_unit u on u.id = k.unit_id
    where k.id = ${kindId} and k.active and (k.unit_id is null or u.path @> ${unitPath}::ltree)`.execute(db);
  if (!k) throw badRequest('kind_not_found', 'Loại hoạt động không có hoặc không dùng được ở đơn vị này.', 'kindId');
  return k;
}

function checkHeldDates(status: string, startsOn: string, endsOn: string) {
  if (status !== 'held') return;
  const now = today();
  if (startsOn > now) throw badRequest('held_in_future', 'Hoạt động đã tổ chức không thể có ngày ở tương lai. Hãy chọn trạng thái "Kế hoạch".', 'startsOn');
  if (endsOn > now) throw badRequest('held_in_future', 'Hoạt động chưa kết thúc: ngày kết thúc đang ở tương lai.', 'endsOn');
}

function checkCounts(mode: string, c: { countTotal?: number | null }) {
  if (mode === 'counts' && (c.countTotal === null || c.countTotal === undefined)) {
    throw badRequest('counts_required', 'Khi chỉ ghi số lượng, hãy nhập tổng số người tham dự.', 'countTotal');
  }
}

async function checkParticipantUnits(db: Db, ids: number[], unitPath: string) {
  if (!ids.length) return;
  const { rows } = await sql<{ id: number }>`select id from org_unit where id = any(${ids}::int[]) and path <@ ${unitPath}::ltree`.execute(db);
  if (rows.length !== new Set(ids).size) throw badRequest('participant_outside_unit', 'Đơn vị tham gia phải thuộc đơn vị tổ chức hoạt động.', 'participantUnitIds');
}

const activityColumns = sql`
  a.id, a.unit_id as "unitId", u.name as "unitName", a.unit_path::text as "unitPath", a.grassroots_id as "grassrootsId",
  a.kind_id as "kindId", k.name as "kindName", a.category, k.record_form as "recordForm", a.title, a.starts_on as "startsOn", a.ends_on as "endsOn",
  a.status, a.organiser, a.place, a.co_organisers as "coOrganisers", a.enterprise_id as "enterpriseId", e.name as "enterpriseName",
  a.description, a.result, a.attendance_mode as "attendanceMode", a.count_total as "countTotal", a.count_female as "countFemale",
  a.count_members as "countMembers", a.cancel_reason as "cancelReason", a.version, a.created_at as "createdAt",
  case when a.attendance_mode = 'members'
    then (select count(*) from attendance t where t.activity_id = a.id and t.counted)::int else a.count_total end as "attendees"`;

export async function getActivity(db: Db, actor: Actor, id: number) {
  const { rows: [a] } = await sql<any>`
    select ${activityColumns} from activity a join org_unit u on u.id = a.unit_id join activity_kind k on k.id = a.kind_id
    left join enterprise e on e.id = a.enterprise_id where a.id = ${id}`.execute(db);
  if (!a || !can(actor, 'activity.read', a.unitPath)) throw notFound('Không tìm thấy hoạt động.');
  const { rows: participants } = await sql<{ id: number; name: string }>`
    select u.id, u.name from activity_unit p join org_unit u on u.id = p.unit_id where p.activity_id = ${id} order by u.name`.execute(db);
  const { rows: [att] } = await sql<{ members: number; female: number }>`
    select count(*)::int as members, count(*) filter (where m.sex = 'female')::int as female
    from attendance t join member m on m.id = t.member_id where t.activity_id = ${id} and t.counted`.execute(db);
  return { ...a, participantUnits: participants, attendance: att, canWrite: can(actor, 'activity.write', a.unitPath) };
}

async function loadRow(db: Db, actor: Actor, id: number, write = false) {
  const { rows: [row] } = await sql<any>`select *, unit_path::text as unit_path from activity where id = ${id}`.execute(db);
  return guard(row, actor, 'activity.read', write ? 'activity.write' : undefined, 'Không tìm thấy hoạt động.');
}

export async function createActivity(ctx: Ctx, input: ActivityInput) {
  const endsOn = input.endsOn ?? input.startsOn;
  checkHeldDates(input.status, input.startsOn, endsOn);
  checkCounts(input.attendanceMode, input);
  const id = await audited(ctx, { permission: 'activity.write', unitId: input.unitId, entity: 'activity', action: 'create' }, async (trx, unitPath) => {
    const unit = await trx.selectFrom('org_unit').select(['dissolved_on']).where('id', '=', input.unitId).executeTakeFirstOrThrow();
    if (unit.dissolved_on && unit.dissolved_on < input.startsOn) throw badRequest('unit_dissolved', 'Đơn vị đã giải thể trước ngày hoạt động.', 'unitId');
    const kind = await usableKind(trx, input.kindId, unitPath);
    if (input.enterpriseId) await visibleEnterprise(trx, ctx.actor, input.enterpriseId);
    await checkParticipantUnits(trx, input.participantUnitIds, unitPath);
    const row = await trx.insertInto('activity').values({
      unit_id: input.unitId, unit_path: unitPath, kind_id: kind.id, category: kind.category, title: input.title.normalize('NFC'),
      starts_on: input.startsOn, ends_on: endsOn, status: input.status, organiser: input.organiser ?? null, place: input.place ?? null,
      co_organisers: json(input.coOrganisers), enterprise_id: input.enterpriseId ?? null, description: input.description ?? null,
      result: input.result ?? null, attendance_mode: input.attendanceMode, count_total: input.countTotal ?? null,
      count_female: input.countFemale ?? null, count_members: input.countMembers ?? null, created_by: ctx.actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    if (input.participantUnitIds.length) {
      await trx.insertInto('activity_unit').values([...new Set(input.participantUnitIds)].map((u) => ({ activity_id: row.id, unit_id: u }))).execute();
    }
    return { entityId: row.id, after: input, result: Number(row.id) };
  });
  return getActivity(ctx.db, ctx.actor, id);
}

export async function updateActivity(ctx: Ctx, id: number, patch: ActivityPatch) {
  const current = await loadRow(ctx.db, ctx.actor, id, true);
  if (current.status === 'cancelled') throw badRequest('activity_cancelled', 'Hoạt động đã hủy, không sửa được.');
  const next = {
    status: patch.status ?? current.status, startsOn: patch.startsOn ?? current.starts_on,
    endsOn: patch.endsOn ?? (patch.startsOn && current.ends_on < patch.startsOn ? patch.startsOn : current.ends_on),
    mode: patch.attendanceMode ?? current.attendance_mode,
    countTotal: patch.countTotal === undefined ? current.count_total : patch.countTotal,
  };
  checkHeldDates(next.status, next.startsOn, next.endsOn);
  checkCounts(next.mode, next);
  await audited(ctx, { permission: 'activity.write', unitId: current.unit_id, entity: 'activity', action: 'update' }, async (trx, unitPath) => {
    const locked = await trx.selectFrom('activity').select(['version']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (locked.version !== patch.version) throw conflict();
    const { rows: [{ n }] } = await sql<{ n: number }>`select count(*)::int as n from attendance where activity_id = ${id} and counted`.execute(trx);
    if (next.status === 'planned' && n > 0) throw badRequest('has_attendance', 'Hoạt động đã có điểm danh, không thể chuyển về kế hoạch.', 'status');
    if (next.mode === 'counts' && current.attendance_mode === 'members' && n > 0) {
      throw badRequest('has_attendance', 'Hoạt động đã có danh sách điểm danh; hãy bỏ điểm danh trước khi chuyển sang ghi số lượng.', 'attendanceMode');
    }
    const kind = patch.kindId ? await usableKind(trx, patch.kindId, unitPath) : null;
    if (patch.enterpriseId) await visibleEnterprise(trx, ctx.actor, patch.enterpriseId);
    if (patch.participantUnitIds) await checkParticipantUnits(trx, patch.participantUnitIds, unitPath);
    const set: Record<string, unknown> = {
      status: next.status, starts_on: next.startsOn, ends_on: next.endsOn, attendance_mode: next.mode, count_total: next.countTotal,
      version: locked.version + 1, updated_at: new Date(),
    };
    if (kind) { set.kind_id = kind.id; set.category = kind.category; }
    if (patch.title !== undefined) set.title = patch.title.normalize('NFC');
    for (const [key, col] of [['organiser', 'organiser'], ['place', 'place'], ['enterpriseId', 'enterprise_id'], ['description', 'description'],
      ['result', 'result'], ['countFemale', 'count_female'], ['countMembers', 'count_members']] as const) {
      if (patch[key] !== undefined) set[col] = patch[key];
    }
    if (patch.coOrganisers !== undefined) set.co_organisers = json(patch.coOrganisers);
    await trx.updateTable('activity').set(set as never).where('id', '=', id).execute();
    if (patch.participantUnitIds) {
      await trx.deleteFrom('activity_unit').where('activity_id', '=', id).execute();
      if (patch.participantUnitIds.length) {
        await trx.insertInto('activity_unit').values([...new Set(patch.participantUnitIds)].map((u) => ({ activity_id: id, unit_id: u }))).execute();
      }
    }
    // The attendance rows copy the kind and date the indicators read.
    if ((kind && kind.category !== current.category) || next.startsOn !== current.starts_on) {
      await sql`update attendance set category = ${kind?.category ?? current.category}, held_on = ${next.startsOn} where activity_id = ${id}`.execute(trx);
    }
    const before = { status: current.status, startsOn: current.starts_on, endsOn: current.ends_on, title: current.title, kindId: current.kind_id };
    return { entityId: id, before, after: patch, result: null };
  });
  return getActivity(ctx.db, ctx.actor, id);
}

/** Hủy: a planned activity that will not happen, or a held one recorded by mistake. Its attendance stops counting. */
export async function cancelActivity(ctx: Ctx, id: number, input: { reason: string; version: number }) {
  const current = await loadRow(ctx.db, ctx.actor, id, true);
  if (current.status === 'cancelled') throw badRequest('activity_cancelled', 'Hoạt động đã hủy trước đó.');
  await audited(ctx, { permission: 'activity.write', unitId: current.unit_id, entity: 'activity', action: 'cancel' }, async (trx) => {
    const r = await trx.updateTable('activity').set({ status: 'cancelled', cancel_reason: input.reason, version: current.version + 1, updated_at: new Date() })
      .where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw conflict();
    await sql`update attendance set counted = false where activity_id = ${id} and counted`.execute(trx);
    return { entityId: id, before: { status: current.status }, after: { status: 'cancelled', reason: input.reason }, result: null };
  });
  return getActivity(ctx.db, ctx.actor, id);
}

export interface ActivityFilters {
  unitId: number; kindId?: number; category?: string; status?: string; from?: string; to?: string; q?: string; enterpriseId?: number;
}

function activityWhere(path: string, f: ActivityFilters) {
  const words = (f.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 6);
  return sql`a.unit_path <@ ${path}::ltree
    and (${f.kindId ?? null}::int is null or a.kind_id = ${f.kindId ?? null})
    and (${f.category ?? null}::text is null or a.category = ${f.category ?? null})
    and (${f.status ?? null}::text is null or a.status = ${f.status ?? null})
    and (${f.from ?? null}::date is null or a.ends_on >= ${f.from ?? null}::date)
    and (${f.to ?? null}::date is null or a.starts_on <= ${f.to ?? null}::date)
    and (${f.enterpriseId ?? null}::bigint is null or a.enterprise_id = ${f.enterpriseId ?? null})
    ${sql.join(words.map((w) => sql`and a.title_folded like '%' || vn_fold(${w}) || '%'`), sql` `)}`;
}

export async function listActivities(db: Db, actor: Actor, f: ActivityFilters & { page: number; pageSize: number }) {
  const path = await requireAt(db, actor, 'activity.read', f.unitId);
  const where = activityWhere(path, f);
  const { rows } = await sql<any>`
    select ${activityColumns} from activity a join org_unit u on u.id = a.unit_id join activity_kind k on k.id = a.kind_id
    left join enterprise e on e.id = a.enterprise_id
    where ${where} order by a.starts_on desc, a.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`.execute(db);
  const { rows: [{ total }] } = await sql<{ total: number }>`select count(*)::int as total from activity a where ${where}`.execute(db);
  return { rows, total };
}

/** Activities of a subtree between two dates, for the month calendar. */
export async function calendar(db: Db, actor: Actor, unitId: number, from: string, to: string) {
  const path = await requireAt(db, actor, 'activity.read', unitId);
  const { rows } = await sql<any>`
    select a.id, a.title, a.category, k.name as "kindName", a.starts_on as "startsOn", a.ends_on as "endsOn", a.status, u.name as "unitName", a.place
    from activity a join org_unit u on u.id = a.unit_id join activity_kind k on k.id = a.kind_id
    where a.unit_path <@ ${path}::ltree and a.ends_on >= ${from}::date and a.starts_on <= ${to}::date and a.status <> 'cancelled'
    order by a.starts_on, a.id limit 2000`.execute(db);
  return rows;
}

/** A unit's year at a glance: held and planned activities by category and month, with attendance. */
export async function yearGrid(db: Db, actor: Actor, unitId: number, year: number) {
  const path = await requireAt(db, actor, 'activity.read', unitId);
  const { rows } = await sql<{ category: string; month: number; held: number; planned: number; attendances: number }>`
    select a.category, extract(month from a.starts_on)::int as month,
      count(*) filter (where a.status = 'held')::int as held, count(*) filter (where a.status = 'planned')::int as planned,
      coalesce(sum(case when a.status <> 'held' then 0 when a.attendance_mode = 'counts' then a.count_total
        else (select count(*) from attendance t where t.activity_id = a.id and t.counted) end), 0)::int as attendances
    from activity a
    where a.unit_path <@ ${path}::ltree and a.starts_on between make_date(${year}, 1, 1) and make_date(${year}, 12, 31) and a.status <> 'cancelled'
    group by 1, 2 order by 1, 2`.execute(db);
  return rows;
}

/** Enterprises of the subtree the actor may see, by name or tax code, for linking records to them. */
export async function searchEnterprises(db: Db, actor: Actor, unitId: number, q: string | undefined) {
  const path = await requireAt(db, actor, 'enterprise.read', unitId);
  const words = (q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 6);
  const { rows } = await sql<{ id: number; name: string; taxCode: string; unionId: number | null }>`
    select e.id, e.name, e.tax_code as "taxCode", e.union_id as "unionId" from enterprise e
    where e.unit_path <@ ${path}::ltree and e.status <> 'dissolved'
      ${sql.join(words.map((w) => sql`and e.name_folded like '%' || vn_fold(${w}) || '%'`), sql` `)}
    order by (e.union_id is null), e.name limit 30`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
