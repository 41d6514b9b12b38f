import { sql } from 'kysely';
import { nameSortKey, pathWithin, type AdmissionInput, type MemberPatch } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { can, requireAt, type Actor } from '../../auth/actor.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { audited, type Ctx } from '../audit/write.ts';
import {
  COUNT_CAP, SENSITIVE_FILTERS, countAndPageQuery, decodeCursor, encodeCursor, forcePlan, memberWhere, pageQuery, probeQuery, searchTerms,
  type ListUnit, type MemberFilters,
} from './queries.ts';
import type { MemberTable } from './tables.ts';
import { addDays } from './dates.ts';
import { renewalDays } from './settings.ts';

export type MemberRow = { [K in keyof MemberTable]: any } & { unit_name?: string; group_name?: string | null };

export const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
const MASK = '•••';

/** A member as the API returns it; CCCD, ethnicity, religion and party only for roles holding member.sensitive there. */
export function present(m: MemberRow, reveal: boolean) {
  return {
    id: Number(m.id), unitId: m.unit_id, unitPath: String(m.unit_path), unitName: m.unit_name ?? undefined,
    groupId: m.group_id, groupName: m.group_name ?? null,
    fullName: m.full_name, sex: m.sex as 'male' | 'female' | null, birthDate: m.birth_date, birthPrecision: m.birth_precision,
    citizenId: reveal ? m.citizen_id : m.citizen_id ? `${'•'.repeat(String(m.citizen_id).length - 3)}${String(m.citizen_id).slice(-3)}` : null,
    ethnicity: reveal ? m.ethnicity : m.ethnicity ? MASK : null,
    religion: reveal ? m.religion : m.religion ? MASK : null,
    partyMember: reveal ? Boolean(m.party_member) : null,
    partyJoinedOn: reveal ? m.party_joined_on : null,
    education: m.education, qualification: m.qualification, vocationalLevel: m.vocational_level, job: m.job,
    phone: m.phone, address: m.address, joinedOn: m.joined_on,
    cardNumber: m.card_number, cardIssuedOn: m.card_issued_on, cardValidUntil: m.card_valid_until,
    status: m.status as string, leftOn: m.left_on, leftReason: m.left_reason, version: m.version, sensitiveVisible: reveal,
  };
}
export type MemberView = ReturnType<typeof present>;

/** The unit a list is asked for, checked against the caller's scope (404 outside it). */
export async function listUnit(db: Db, actor: Actor, unitId: number): Promise<ListUnit> {
  const u = await db.selectFrom('org_unit').select(['id', 'kind', 'province_id', sql<string>`path::text`.as('path')])
    .where('id', '=', unitId).executeTakeFirst();
  if (!u) throw notFound('Không tìm thấy đơn vị.');
  // As requireAt(): outside every subtree of the actor is "not found", inside without the permission is "forbidden".
  if (!can(actor, 'member.read', u.path)) throw actor.grants.some((g) => pathWithin(u.path, g.unitPath)) ? forbidden() : notFound();
  return { id: u.id, path: u.path, kind: u.kind, provinceId: u.province_id };
}

/** Filtering by ethnicity, religion or party reveals them: only roles that may see them may filter by them. */
export function checkSensitiveFilters(actor: Actor, unitPath: string, f: MemberFilters) {
  const used = SENSITIVE_FILTERS.filter((k) => f[k] !== undefined && f[k] !== '');
  if (used.length && !can(actor, 'member.sensitive', unitPath)) {
    throw new AppError(403, 'sensitive_filter', 'Bạn không có quyền lọc theo dân tộc, tôn giáo hoặc đảng viên.', used[0]);
  }
}

/** Checks the filters the caller may use and fills in the dates that settings decide. */
export async function resolveFilters(db: Db, actor: Actor, unit: ListUnit, f: MemberFilters): Promise<MemberFilters> {
  checkSensitiveFilters(actor, unit.path, f);
  return f.card === 'expiring' ? { ...f, cardDueBefore: addDays(today(), await renewalDays(db, unit.path)) } : f;
}

export interface ListQuery {
  unitId: number;
  filters: MemberFilters;
  /** Keyset paging: the cursor of the last row of the previous page. */
  after?: string;
  /** Offset paging for the first pages (page 1 = no offset). */
  page?: number;
  pageSize: number;
}

/**
 * One page of a unit subtree's members in given-name order. Paging is by key (`after`), so the
 * hundredth page of a province is as fast as the first; the total stops at COUNT_CAP.
 */
export async function listMembers(db: Db, actor: Actor, q: ListQuery) {
  const unit = await listUnit(db, actor, q.unitId);
  const filters = await resolveFilters(db, actor, unit, q.filters);
  const cursor = decodeCursor(q.after);
  const page = { cursor, offset: cursor ? 0 : ((q.page ?? 1) - 1) * q.pageSize, limit: q.pageSize };
  const terms = searchTerms(filters.q);
  const search = terms.length > 0;
  // A word of letters over a whole province or city may match tens of thousands: try the walk first.
  const onlySearch = Object.entries(filters).every(([k, v]) => v === undefined || k === 'q' || (k === 'status' && v !== 'all'));
  const probe = search && onlySearch && page.offset === 0 && terms.every((t) => !t.digits) && unit.provinceId !== null
    && unit.kind !== 'grassroots' && unit.kind !== 'union_group' && unit.kind !== 'confederation';
  const read = async (trx: Db): Promise<{ total: number | null; rows: MemberRow[] }> => {
    if (probe) {
      await forcePlan(trx, 'name_order');
      const { rows: walked } = await probeQuery(memberWhere(actor, unit, filters, { indexedSearch: false }), unit.provinceId!, page).execute(trx);
      if (walked.length > q.pageSize) return { total: null, rows: walked as MemberRow[] };
    }
    // The planner cannot tell from a LIKE pattern how many members it matches, so a search pins
    // the plan: the matches through the trigram index (counted and sorted in one statement); past
    // COUNT_CAP matches the page is read by walking the given-name index instead.
    if (search) await forcePlan(trx, 'trigram');
    const { rows: first } = await countAndPageQuery(memberWhere(actor, unit, filters), page).execute(trx);
    const total = Number(first[0]?.total_hits ?? 0);
    if (total <= COUNT_CAP) return { total, rows: first.filter((r) => r.id !== null) as MemberRow[] };
    if (search) await forcePlan(trx, 'name_order');
    // Many matches in a part of the province: the same index-only walk, to the page's end however far.
    if (probe) return { total, rows: (await probeQuery(memberWhere(actor, unit, filters, { indexedSearch: false }), unit.provinceId!, page, 100_000_000).execute(trx)).rows as MemberRow[] };
    const where = memberWhere(actor, unit, filters, { indexedSearch: !search });
    return { total, rows: (await pageQuery(where, page).execute(trx)).rows as MemberRow[] };
  };
  const { total, rows } = search ? await db.transaction().execute(read) : await read(db);
  const shown = rows.slice(0, q.pageSize);
  const last = shown[shown.length - 1];
  return {
    rows: shown.map((m) => present(m, can(actor, 'member.sensitive', m.unit_path))),
    /** null when a common word was answered by the walk: many matches, not counted. */
    total: total === null ? null : Math.min(total, COUNT_CAP),
    totalCapped: total === null || total > COUNT_CAP,
    nextCursor: rows.length > q.pageSize && last ? encodeCursor(last.name_sort, Number(last.id)) : null,
  };
}

/** Loads a member the actor may read (404 otherwise), and checks write permission when asked. */
export async function loadMember(db: Db, actor: Actor, id: number, permission: 'member.read' | 'member.write' = 'member.read') {
  const m = await db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m || !can(actor, 'member.read', m.unit_path)) throw notFound('Không tìm thấy đoàn viên.');
  if (permission === 'member.write' && !can(actor, 'member.write', m.unit_path)) throw forbidden();
  return m;
}

/** The same row locked inside a write, with the version the form was loaded at. */
export async function lockMember(trx: Db, id: number, version?: number) {
  const m = await trx.selectFrom('member').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  if (version !== undefined && m.version !== version) throw conflict();
  return m;
}

export async function memberEvents(db: Db, id: number) {
  const { rows } = await sql<{
    id: number; kind: string; onDate: string; decisionNo: string | null; reason: string | null; cardNumber: string | null;
    unitId: number; unitName: string; otherUnitName: string | null;
  }>`
    select e.id, e.kind, e.on_date as "onDate", e.decision_no as "decisionNo", e.reason, e.card_number as "cardNumber",
           e.unit_id as "unitId", u.name as "unitName", coalesce(o.name, e.other_unit_name) as "otherUnitName"
    from member_event e join org_unit u on u.id = e.unit_id left join org_unit o on o.id = e.other_unit_id
    where e.member_id = ${id} order by e.on_date desc, e.id desc`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function getMember(db: Db, actor: Actor, id: number) {
  const m = await loadMember(db, actor, id);
  const { rows: [named] } = await sql<MemberRow>`
    select m.*, u.name as unit_name, g.name as group_name from member m join org_unit u on u.id = m.unit_id
    left join org_unit g on g.id = m.group_id where m.id = ${id}`.execute(db);
  const reveal = can(actor, 'member.sensitive', m.unit_path);
  const assessments = await db.selectFrom('member_assessment as a').innerJoin('org_unit as u', 'u.id', 'a.unit_id')
    .select(['a.year', 'a.rating', 'a.note', 'u.name as unitName']).where('a.member_id', '=', id).orderBy('a.year', 'desc').execute();
  // A recommendation to the Party says as much as the party field: only for roles that may see it.
  const recommendations = reveal ? await db.selectFrom('party_recommendation as r').innerJoin('org_unit as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.recommended_on as recommendedOn', 'r.decision_no as decisionNo', 'r.party_body as partyBody', 'r.outcome',
      'r.admitted_on as admittedOn', 'r.note', 'r.outcome_note as outcomeNote', 'r.version', 'u.name as unitName'])
    .where('r.member_id', '=', id).orderBy('r.recommended_on', 'desc').execute() : null;
  const transfer = await db.selectFrom('member_transfer as t').innerJoin('org_unit as u', 'u.id', 't.to_unit_id')
    .select(['t.id', 't.to_unit_id as toUnitId', 'u.name as toUnitName', 't.requested_on as requestedOn', 't.decision_no as decisionNo', 't.version'])
    .where('t.member_id', '=', id).where('t.status', '=', 'pending').executeTakeFirst();
  return {
    ...present(named, reveal),
    events: await memberEvents(db, id),
    assessments,
    recommendations: recommendations?.map((r) => ({ ...r, id: Number(r.id) })) ?? null,
    pendingTransfer: transfer ? { ...transfer, id: Number(transfer.id) } : null,
  };
}

/**
 * Lịch sử: the member's life events and every recorded change to the record, newest first, in
 * one list. The audit rows follow the member across transfers (they are about this person), with
 * sensitive values already hidden when they were written.
 */
export async function memberHistory(db: Db, actor: Actor, id: number) {
  const m = await loadMember(db, actor, id);
  const events = await memberEvents(db, id);
  const audit = can(actor, 'audit.read', m.unit_path) ? (await sql<{
    id: number; at: Date; entity: string; action: string; before: unknown; after: unknown; userName: string | null; unitName: string | null;
  }>`
    select a.id, a.at, a.entity, a.action, a.before, a.after, u.full_name as "userName", o.name as "unitName"
    from audit_log a left join app_user u on u.id = a.user_id left join org_unit o on o.id = a.unit_id
    where (a.entity = 'member' and a.entity_id = ${String(id)})
       or (a.entity in ('party_recommendation', 'member_transfer') and a.after ->> 'memberId' = ${String(id)})
    order by a.at desc, a.id desc limit 500`.execute(db)).rows : [];
  return {
    events,
    audit: audit.map((a) => ({ ...a, id: Number(a.id) })),
  };
}

async function placement(trx: Db, unitId: number) {
  const unit = await trx.selectFrom('org_unit').select(['id', 'name', 'kind', 'parent_id', 'dissolved_on', 'province_id', sql<string>`path::text`.as('path')])
    .where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  if (unit.dissolved_on) throw badRequest('unit_dissolved', 'Đơn vị đã giải thể, không thể tiếp nhận đoàn viên.', 'unitId');
  if (unit.kind !== 'grassroots') throw badRequest('not_grassroots', 'Đoàn viên sinh hoạt tại một công đoàn cơ sở; hãy chọn công đoàn cơ sở.', 'unitId');
  return unit;
}
export { placement as receivingUnit };

export async function checkGroup(trx: Db, unitId: number, groupId: number | null | undefined) {
  if (!groupId) return;
  const group = await trx.selectFrom('org_unit').select(['id', 'dissolved_on']).where('id', '=', groupId).where('parent_id', '=', unitId)
    .where('kind', '=', 'union_group').executeTakeFirst();
  if (!group) throw badRequest('invalid_group', 'Tổ công đoàn không thuộc công đoàn cơ sở này.', 'groupId');
  if (group.dissolved_on) throw badRequest('group_dissolved', 'Tổ công đoàn này đã giải thể.', 'groupId');
}

function checkDates(m: { birthDate?: string | null; joinedOn?: string | null; partyJoinedOn?: string | null }) {
  const now = today();
  if (m.birthDate && m.birthDate > now) throw badRequest('birth_in_future', 'Ngày sinh không thể ở tương lai.', 'birthDate');
  if (m.joinedOn && m.joinedOn > now) throw badRequest('joined_in_future', 'Ngày vào công đoàn không thể ở tương lai.', 'joinedOn');
  if (m.birthDate && m.joinedOn && m.birthDate >= m.joinedOn) throw badRequest('birth_after_joining', 'Ngày sinh phải trước ngày vào công đoàn.', 'birthDate');
  if (m.partyJoinedOn && m.partyJoinedOn > now) throw badRequest('party_in_future', 'Ngày vào Đảng không thể ở tương lai.', 'partyJoinedOn');
  if (m.birthDate && m.partyJoinedOn && m.partyJoinedOn <= m.birthDate) throw badRequest('party_before_birth', 'Ngày vào Đảng phải sau ngày sinh.', 'partyJoinedOn');
}

type Fields = Partial<Omit<AdmissionInput, 'unitId' | 'decisionNo' | 'arrival' | 'originName' | 'arrivedOn'>>;

/** Form fields → columns; a field the form did not send stays undefined (unchanged). */
function columnsOf(m: Fields) {
  const cols: Record<string, unknown> = {
    full_name: m.fullName, name_sort: m.fullName ? nameSortKey(m.fullName) : undefined, sex: m.sex, birth_date: m.birthDate,
    birth_precision: m.birthDate === undefined ? undefined : m.birthDate ? (m.birthPrecision ?? 'day') : null,
    citizen_id: m.citizenId, ethnicity: m.ethnicity, religion: m.religion, education: m.education, qualification: m.qualification,
    vocational_level: m.vocationalLevel, job: m.job, party_member: m.partyMember,
    party_joined_on: m.partyMember === false ? null : m.partyJoinedOn, phone: m.phone, address: m.address,
    group_id: m.groupId, joined_on: m.joinedOn,
  };
  return Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined));
}

/**
 * Kết nạp: a new member with the admission event that counts (T9) read. A person who left (or
 * was transferred out of the system) and comes back keeps one record: it is re-opened at the new
 * union with its history. A member arriving from a union outside the system is recorded as a
 * transfer in, not as an admission.
 */
export async function admit(ctx: Ctx, input: AdmissionInput) {
  checkDates(input);
  const eventDate = input.arrival === 'transfer_in' ? input.arrivedOn! : input.joinedOn;
  if (eventDate > today()) throw badRequest('date_in_future', 'Ngày chuyển đến không thể ở tương lai.', 'arrivedOn');
  const id = await audited(ctx, { permission: 'member.write', unitId: input.unitId, entity: 'member', action: input.arrival === 'transfer_in' ? 'arrive' : 'admit' }, async (trx) => {
    const unit = await placement(trx, input.unitId);
    await checkGroup(trx, unit.id, input.groupId);
    const placed = { unit_id: unit.id, unit_path: unit.path, province_id: unit.province_id };
    const existing = input.citizenId
      ? await trx.selectFrom('member').selectAll().where('citizen_id', '=', input.citizenId).forUpdate().executeTakeFirst()
      : undefined;
    let memberId: number;
    let before: unknown = null;
    if (existing) {
      if (existing.status === 'active') {
        const where = can(ctx.actor, 'member.read', existing.unit_path) ? ' (xem hồ sơ hiện có)' : ' tại một công đoàn cơ sở khác; hãy đề nghị công đoàn đó chuyển sinh hoạt';
        throw badRequest('duplicate_citizen_id', `Số CCCD này là của một đoàn viên đang sinh hoạt${where}.`, 'citizenId');
      }
      if (existing.status === 'deceased') throw badRequest('citizen_id_deceased', 'Số CCCD này là của một đoàn viên đã từ trần.', 'citizenId');
      const { rows: [last] } = await sql<{ d: string | null }>`select max(on_date)::text as d from member_event where member_id = ${existing.id}`.execute(trx);
      if (last?.d && eventDate < last.d) throw badRequest('before_last_event', 'Ngày kết nạp lại phải sau ngày ra khỏi tổ chức trước đây.', 'joinedOn');
      await trx.updateTable('member').set({
        ...columnsOf(input), ...placed, status: 'active', left_on: null, left_reason: null, version: existing.version + 1, updated_at: new Date(),
      } as never).where('id', '=', existing.id).execute();
      memberId = Number(existing.id);
      before = { status: existing.status, unitId: existing.unit_id };
    } else {
      const row = await trx.insertInto('member').values({ ...columnsOf(input), ...placed, full_name: input.fullName, name_sort: nameSortKey(input.fullName) } as never)
        .returning('id').executeTakeFirstOrThrow();
      memberId = Number(row.id);
    }
    await trx.insertInto('member_event').values({
      member_id: memberId, province_id: unit.province_id, kind: input.arrival, on_date: eventDate, unit_id: unit.id,
      other_unit_name: input.arrival === 'transfer_in' ? input.originName ?? null : null,
      decision_no: input.decisionNo ?? null, created_by: ctx.actor.userId,
    }).execute();
    return { entityId: memberId, before, after: input, result: memberId };
  });
  return getMember(ctx.db, ctx.actor, id);
}

/** Edits the record (lý lịch); lifecycle changes go through their own actions. A stale version is 409. */
export async function updateMember(ctx: Ctx, id: number, patch: MemberPatch) {
  const current = await loadMember(ctx.db, ctx.actor, id, 'member.write');
  if (current.status === 'deceased') throw badRequest('member_deceased', 'Hồ sơ đoàn viên đã từ trần không sửa được.');
  const { version, ...fields } = patch;
  // Sensitive fields are changed only by those who may see them (a masked value must never be saved back).
  const sensitiveKeys = (['citizenId', 'ethnicity', 'religion', 'partyMember', 'partyJoinedOn'] as const).filter((k) => fields[k] !== undefined);
  if (sensitiveKeys.length && !can(ctx.actor, 'member.sensitive', current.unit_path)) {
    throw new AppError(403, 'sensitive_field', 'Bạn không có quyền sửa số CCCD, dân tộc, tôn giáo hoặc thông tin đảng viên.', sensitiveKeys[0]);
  }
  checkDates({
    birthDate: fields.birthDate === undefined ? current.birth_date : fields.birthDate,
    joinedOn: fields.joinedOn ?? current.joined_on,
    partyJoinedOn: fields.partyJoinedOn === undefined ? current.party_joined_on : fields.partyJoinedOn,
  });
  await audited(ctx, { permission: 'member.write', unitId: current.unit_id, entity: 'member', action: 'update' }, async (trx) => {
    const locked = await lockMember(trx, id, version);
    if (fields.citizenId !== undefined && fields.citizenId !== locked.citizen_id && fields.citizenId) {
      const other = await trx.selectFrom('member').select('id').where('citizen_id', '=', fields.citizenId).where('id', '!=', id).executeTakeFirst();
      if (other) throw badRequest('duplicate_citizen_id', 'Số CCCD này đã có trong hệ thống (một người chỉ có một hồ sơ đoàn viên).', 'citizenId');
    }
    if (fields.groupId !== undefined) await checkGroup(trx, locked.unit_id, fields.groupId);
    const all = columnsOf(fields);
    const changes = Object.fromEntries(Object.entries(all).filter(([k, v]) => String((locked as Record<string, unknown>)[k] ?? '') !== String(v ?? '')));
    if (!Object.keys(changes).length) return { entityId: id, result: null };
    await trx.updateTable('member').set({ ...changes, version: locked.version + 1, updated_at: new Date() } as never).where('id', '=', id).execute();
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (locked as Record<string, unknown>)[k]]));
    return { entityId: id, before, after: changes, result: null };
  });
  return getMember(ctx.db, ctx.actor, id);
}
