import { sql } from 'kysely';
import { nameSortKey } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { can, requireAt, type Actor } from '../../auth/actor.ts';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { audited, type Ctx } from '../audit/write.ts';
import { cardToken } from './card.ts';
import { memberWhere, type MemberFilters } from './queries.ts';
import type { MemberTable } from './tables.ts';

type MemberRow = { [K in keyof MemberTable]: any } & { unit_name?: string; group_name?: string | null };

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
const CARD_YEARS = 5;

/** A member as the API returns it; sensitive fields only for roles that hold member.sensitive there. */
export function present(m: MemberRow, reveal: boolean) {
  return {
    id: m.id, unitId: m.unit_id, unitName: m.unit_name ?? undefined, groupId: m.group_id, groupName: m.group_name ?? undefined,
    fullName: m.full_name, sex: m.sex, birthDate: m.birth_date, birthPrecision: m.birth_precision,
    citizenId: reveal ? m.citizen_id : m.citizen_id ? `•••••••••${String(m.citizen_id).slice(-3)}` : null,
    ethnicity: reveal ? m.ethnicity : m.ethnicity ? '•••' : null,
    religion: reveal ? m.religion : m.religion ? '•••' : null,
    partyMember: reveal ? m.party_member : null,
    partyJoinedOn: reveal ? m.party_joined_on : null,
    education: m.education, qualification: m.qualification, job: m.job, phone: m.phone, address: m.address,
    joinedOn: m.joined_on, cardNumber: m.card_number, cardIssuedOn: m.card_issued_on, status: m.status,
    leftOn: m.left_on, leftReason: m.left_reason, version: m.version, sensitiveVisible: reveal,
  };
}
export type MemberView = ReturnType<typeof present>;

export async function listMembers(db: Db, actor: Actor, q: { unitId: number; filters: Omit<MemberFilters, 'underPath'>; page: number; pageSize: number }) {
  const underPath = await requireAt(db, actor, 'member.read', q.unitId);
  const where = memberWhere(actor, { ...q.filters, underPath });
  const { rows } = await sql<MemberRow>`
    select m.*, u.name as unit_name, g.name as group_name
    from member m join org_unit u on u.id = m.unit_id left join org_unit g on g.id = m.group_id
    where ${where}
    order by m.name_sort, m.id
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db);
  const { rows: [{ total }] } = await sql<{ total: number }>`select count(*)::int as total from member m where ${where}`.execute(db);
  return { rows: rows.map((m) => present(m, can(actor, 'member.sensitive', m.unit_path))), total };
}

async function loadMember(db: Db, actor: Actor, id: number, permission: 'member.read' | 'member.write' = 'member.read') {
  const m = await db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m || !can(actor, 'member.read', m.unit_path)) throw notFound('Không tìm thấy đoàn viên.');
  if (permission === 'member.write' && !can(actor, 'member.write', m.unit_path)) throw forbidden();
  return m;
}

export async function getMember(db: Db, actor: Actor, id: number) {
  const m = await loadMember(db, actor, id);
  const { rows: [named] } = await sql<MemberRow>`
    select m.*, u.name as unit_name, g.name as group_name from member m join org_unit u on u.id = m.unit_id
    left join org_unit g on g.id = m.group_id where m.id = ${id}`.execute(db);
  const { rows: events } = await sql`
    select e.id, e.kind, e.on_date as "onDate", e.decision_no as "decisionNo", e.reason, e.card_number as "cardNumber",
           u.name as "unitName", o.name as "otherUnitName"
    from member_event e join org_unit u on u.id = e.unit_id left join org_unit o on o.id = e.other_unit_id
    where e.member_id = ${id} order by e.on_date desc, e.id desc`.execute(db);
  const assessments = await db.selectFrom('member_assessment').select(['year', 'rating']).where('member_id', '=', id).orderBy('year', 'desc').execute();
  const recommendations = await db.selectFrom('party_recommendation')
    .select(['id', 'recommended_on as recommendedOn', 'decision_no as decisionNo', 'outcome', 'admitted_on as admittedOn', 'note', 'version'])
    .where('member_id', '=', id).orderBy('recommended_on', 'desc').execute();
  return { ...present(named, can(actor, 'member.sensitive', m.unit_path)), events, assessments, recommendations };
}

async function placement(trx: Db, unitId: number) {
  const unit = await trx.selectFrom('org_unit').select(['id', 'kind', 'parent_id', 'dissolved_on', 'province_id', sql<string>`path::text`.as('path')])
    .where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  if (unit.dissolved_on) throw badRequest('unit_dissolved', 'Đơn vị đã giải thể, không thể tiếp nhận đoàn viên.', 'unitId');
  if (unit.kind !== 'grassroots') throw badRequest('not_grassroots', 'Đoàn viên sinh hoạt tại một công đoàn cơ sở; hãy chọn công đoàn cơ sở.', 'unitId');
  return unit;
}

async function checkGroup(trx: Db, unitId: number, groupId: number | null | undefined) {
  if (!groupId) return;
  const group = await trx.selectFrom('org_unit').select('id').where('id', '=', groupId).where('parent_id', '=', unitId)
    .where('kind', '=', 'union_group').executeTakeFirst();
  if (!group) throw badRequest('invalid_group', 'Tổ công đoàn không thuộc công đoàn cơ sở này.', 'groupId');
}

async function checkCitizenIdFree(trx: Db, citizenId: string | null | undefined, exceptId?: number) {
  if (!citizenId) return;
  const other = await trx.selectFrom('member').select(['id', 'full_name']).where('citizen_id', '=', citizenId)
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId!)).executeTakeFirst();
  if (other) throw badRequest('duplicate_citizen_id', 'Số CCCD này đã có trong hệ thống (một người chỉ có một hồ sơ đoàn viên).', 'citizenId');
}

function checkDates(m: { birthDate?: string | null; joinedOn?: string | null; partyJoinedOn?: string | null }) {
  const now = today();
  if (m.birthDate && m.birthDate > now) throw badRequest('birth_in_future', 'Ngày sinh không thể ở tương lai.', 'birthDate');
  if (m.joinedOn && m.joinedOn > now) throw badRequest('joined_in_future', 'Ngày vào công đoàn không thể ở tương lai.', 'joinedOn');
  if (m.birthDate && m.joinedOn && m.birthDate >= m.joinedOn) throw badRequest('birth_after_joining', 'Ngày sinh phải trước ngày vào công đoàn.', 'birthDate');
}

export interface AdmissionInput {
  unitId: number; joinedOn: string; decisionNo?: string | null; fullName: string; sex: 'male' | 'female';
  birthDate?: string | null; citizenId?: string | null; ethnicity?: string | null; religion?: string | null;
  education?: string | null; qualification?: string | null; job?: string | null; partyMember?: boolean;
  partyJoinedOn?: string | null; phone?: string | null; address?: string | null; groupId?: number | null;
}

const columnsOf = (m: Partial<AdmissionInput>) => ({
  full_name: m.fullName, name_sort: m.fullName ? nameSortKey(m.fullName) : undefined, sex: m.sex, birth_date: m.birthDate,
  birth_precision: m.birthDate === undefined ? undefined : m.birthDate ? 'day' : null,
  citizen_id: m.citizenId, ethnicity: m.ethnicity, religion: m.religion, education: m.education, qualification: m.qualification,
  job: m.job, party_member: m.partyMember, party_joined_on: m.partyJoinedOn, phone: m.phone, address: m.address, group_id: m.groupId,
});

/** Kết nạp: a new member with the admission event that later counts (T9) read. */
export async function admit(ctx: Ctx, input: AdmissionInput) {
  checkDates(input);
  const id = await audited(ctx, { permission: 'member.write', unitId: input.unitId, entity: 'member', action: 'admit' }, async (trx) => {
    const unit = await placement(trx, input.unitId);
    await checkGroup(trx, unit.id, input.groupId);
    await checkCitizenIdFree(trx, input.citizenId);
    const values = { ...columnsOf(input), full_name: input.fullName, name_sort: nameSortKey(input.fullName),
      unit_id: unit.id, unit_path: unit.path, province_id: unit.province_id, joined_on: input.joinedOn };
    const row = await trx.insertInto('member').values(values as never).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('member_event').values({
      member_id: row.id, province_id: unit.province_id, kind: 'admission', on_date: input.joinedOn, unit_id: unit.id,
      decision_no: input.decisionNo ?? null, created_by: ctx.actor.userId,
    }).execute();
    return { entityId: row.id, after: input, result: row.id };
  });
  return getMember(ctx.db, ctx.actor, id);
}

export async function updateMember(ctx: Ctx, id: number, patch: Partial<AdmissionInput> & { version: number }) {
  const current = await loadMember(ctx.db, ctx.actor, id, 'member.write');
  checkDates({ birthDate: patch.birthDate, joinedOn: current.joined_on, partyJoinedOn: patch.partyJoinedOn });
  await audited(ctx, { permission: 'member.write', unitId: current.unit_id, entity: 'member', action: 'update' }, async (trx) => {
    const locked = await trx.selectFrom('member').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (locked.version !== patch.version) throw conflict();
    if (patch.citizenId !== undefined) await checkCitizenIdFree(trx, patch.citizenId, id);
    if (patch.groupId !== undefined) await checkGroup(trx, locked.unit_id, patch.groupId);
    const changes = Object.fromEntries(Object.entries(columnsOf(patch)).filter(([, v]) => v !== undefined));
    await trx.updateTable('member').set({ ...changes, version: locked.version + 1, updated_at: new Date() } as never).where('id', '=', id).execute();
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (locked as Record<string, unknown>)[k]]));
    return { entityId: id, before, after: changes, result: null };
  });
  return getMember(ctx.db, ctx.actor, id);
}

/** Chuyển sinh hoạt: leaves one union, arrives at the other; both ends are events, the history stays. */
export async function transfer(ctx: Ctx, id: number, input: { toUnitId: number; onDate: string; decisionNo?: string | null; reason?: string | null; version: number }) {
  const m = await loadMember(ctx.db, ctx.actor, id, 'member.write');
  if (m.status !== 'active') throw badRequest('member_not_active', 'Chỉ chuyển sinh hoạt được đoàn viên đang sinh hoạt.');
  if (input.onDate > today()) throw badRequest('date_in_future', 'Ngày chuyển không thể ở tương lai.', 'onDate');
  if (input.toUnitId === m.unit_id) throw badRequest('same_unit', 'Đơn vị mới trùng đơn vị hiện tại.', 'toUnitId');
  await audited(ctx, { permission: 'member.write', unitId: m.unit_id, entity: 'member', action: 'transfer' }, async (trx) => {
    await requireAt(trx, ctx.actor, 'member.write', input.toUnitId);
    const locked = await trx.selectFrom('member').select(['version']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (locked.version !== input.version) throw conflict();
    const to = await placement(trx, input.toUnitId);
    await trx.updateTable('member').set({ unit_id: to.id, unit_path: to.path, province_id: to.province_id, group_id: null, version: locked.version + 1, updated_at: new Date() })
      .where('id', '=', id).execute();
    const event = { member_id: id, on_date: input.onDate, decision_no: input.decisionNo ?? null, reason: input.reason ?? null, created_by: ctx.actor.userId };
    await trx.insertInto('member_event').values([
      { ...event, province_id: m.province_id, kind: 'transfer_out', unit_id: m.unit_id, other_unit_id: to.id },
      { ...event, province_id: to.province_id, kind: 'transfer_in', unit_id: to.id, other_unit_id: m.unit_id },
    ]).execute();
    return { entityId: id, before: { unitId: m.unit_id }, after: { unitId: to.id, onDate: input.onDate }, result: null };
  });
  return getMember(ctx.db, ctx.actor, id);
}

/** Ra khỏi tổ chức or death: the member stays in the registry with the date and reason. */
export async function leave(ctx: Ctx, id: number, input: { kind: 'leave' | 'death'; onDate: string; reason: string; version: number }) {
  const m = await loadMember(ctx.db, ctx.actor, id, 'member.write');
  if (m.status !== 'active') throw badRequest('member_not_active', 'Đoàn viên này không còn sinh hoạt.');
  if (input.onDate > today()) throw badRequest('date_in_future', 'Ngày không thể ở tương lai.', 'onDate');
  if (m.joined_on && input.onDate < m.joined_on) throw badRequest('before_joining', 'Ngày ra khỏi tổ chức phải sau ngày vào công đoàn.', 'onDate');
  await audited(ctx, { permission: 'member.write', unitId: m.unit_id, entity: 'member', action: input.kind }, async (trx) => {
    const locked = await trx.selectFrom('member').select(['version']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (locked.version !== input.version) throw conflict();
    await trx.updateTable('member').set({
      status: input.kind === 'death' ? 'deceased' : 'left', left_on: input.onDate, left_reason: input.reason, version: locked.version + 1, updated_at: new Date(),
    }).where('id', '=', id).execute();
    await trx.insertInto('member_event').values({
      member_id: id, province_id: m.province_id, kind: input.kind, on_date: input.onDate, unit_id: m.unit_id, reason: input.reason, created_by: ctx.actor.userId,
    }).execute();
    return { entityId: id, after: input, result: null };
  });
  return getMember(ctx.db, ctx.actor, id);
}

/** Issues (or re-issues) a member card with a new unique number. */
export async function issueCard(ctx: Ctx, id: number) {
  const m = await loadMember(ctx.db, ctx.actor, id, 'member.write');
  if (m.status !== 'active') throw badRequest('member_not_active', 'Chỉ cấp thẻ cho đoàn viên đang sinh hoạt.');
  await audited(ctx, { permission: 'member.write', unitId: m.unit_id, entity: 'member', action: m.card_number ? 'card_reissue' : 'card_issue' }, async (trx) => {
    const { rows: [{ seq }] } = await sql<{ seq: number }>`select nextval('member_card_seq')::int as seq`.execute(trx);
    const number = `${String(m.province_id ?? 0).padStart(2, '0')}${today().slice(2, 4)}${String(seq).padStart(7, '0')}`;
    await trx.updateTable('member').set({ card_number: number, card_issued_on: today(), version: m.version + 1 }).where('id', '=', id).execute();
    await trx.insertInto('member_event').values({
      member_id: id, province_id: m.province_id, kind: m.card_number ? 'card_reissue' : 'card_issue', on_date: today(),
      unit_id: m.unit_id, card_number: number, reason: m.card_number ? `Thay thẻ số ${m.card_number}` : null, created_by: ctx.actor.userId,
    }).execute();
    return { entityId: id, before: { cardNumber: m.card_number }, after: { cardNumber: number }, result: null };
  });
  return getMember(ctx.db, ctx.actor, id);
}

export function cardValidUntil(issuedOn: string): string {
  return `${Number(issuedOn.slice(0, 4)) + CARD_YEARS}${issuedOn.slice(4)}`;
}

/** What the e-card shows its holder or an officer: the signed token the QR code carries. */
export async function memberCard(db: Db, actor: Actor, id: number) {
  const m = await getMember(db, actor, id);
  if (!m.cardNumber || !m.cardIssuedOn) throw badRequest('no_card', 'Đoàn viên chưa được cấp thẻ.');
  const validUntil = cardValidUntil(m.cardIssuedOn);
  return { fullName: m.fullName, unitName: m.unitName, cardNumber: m.cardNumber, issuedOn: m.cardIssuedOn, validUntil, token: cardToken({ memberId: m.id, cardNumber: m.cardNumber, validUntil }) };
}

/** Xếp loại đoàn viên for a year, for many members of one union at once. */
export async function assess(ctx: Ctx, input: { unitId: number; year: number; ratings: { memberId: number; rating: string }[] }) {
  return audited(ctx, { permission: 'member.write', unitId: input.unitId, entity: 'member_assessment', action: 'assess' }, async (trx, unitPath) => {
    const ids = input.ratings.map((r) => r.memberId);
    const { rows: inside } = await sql<{ id: number }>`select id from member where id = any(${ids}::bigint[]) and unit_path <@ ${unitPath}::ltree`.execute(trx);
    const known = new Set(inside.map((r) => Number(r.id)));
    const outside = ids.filter((id) => !known.has(id));
    if (outside.length) throw badRequest('member_outside_unit', `${outside.length} đoàn viên không thuộc đơn vị đã chọn.`, 'ratings');
    for (const r of input.ratings) {
      await sql`insert into member_assessment (member_id, year, rating, unit_id, assessed_by)
        values (${r.memberId}, ${input.year}, ${r.rating}, ${input.unitId}, ${ctx.actor.userId})
        on conflict (member_id, year) do update set rating = excluded.rating, unit_id = excluded.unit_id,
          assessed_by = excluded.assessed_by, assessed_at = now()`.execute(trx);
    }
    return { entityId: null, after: { year: input.year, count: input.ratings.length }, result: { saved: input.ratings.length } };
  });
}

export async function recommend(ctx: Ctx, memberId: number, input: { recommendedOn: string; decisionNo?: string | null; note?: string | null }) {
  const m = await loadMember(ctx.db, ctx.actor, memberId, 'member.write');
  if (m.status !== 'active') throw badRequest('member_not_active', 'Chỉ giới thiệu đoàn viên đang sinh hoạt.');
  if (m.party_member) throw badRequest('already_party_member', 'Đoàn viên này đã là đảng viên.');
  if (input.recommendedOn > today()) throw badRequest('date_in_future', 'Ngày giới thiệu không thể ở tương lai.', 'recommendedOn');
  await audited(ctx, { permission: 'member.write', unitId: m.unit_id, entity: 'party_recommendation', action: 'create' }, async (trx) => {
    const row = await trx.insertInto('party_recommendation').values({
      member_id: memberId, unit_id: m.unit_id, recommended_on: input.recommendedOn, decision_no: input.decisionNo ?? null, note: input.note ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    return { entityId: row.id, after: { memberId, ...input }, result: null };
  });
  return getMember(ctx.db, ctx.actor, memberId);
}

export async function setRecommendationOutcome(ctx: Ctx, id: number, input: { outcome: string; admittedOn?: string | null; version: number }) {
  const rec = await ctx.db.selectFrom('party_recommendation').selectAll().where('id', '=', id).executeTakeFirst();
  if (!rec) throw notFound('Không tìm thấy bản giới thiệu.');
  const m = await loadMember(ctx.db, ctx.actor, rec.member_id, 'member.write');
  if (input.outcome === 'admitted' && !input.admittedOn) throw badRequest('admitted_on_required', 'Hãy nhập ngày kết nạp Đảng.', 'admittedOn');
  if (input.admittedOn && input.admittedOn < rec.recommended_on) throw badRequest('admitted_before_recommended', 'Ngày kết nạp Đảng phải sau ngày giới thiệu.', 'admittedOn');
  await audited(ctx, { permission: 'member.write', unitId: m.unit_id, entity: 'party_recommendation', action: 'outcome' }, async (trx) => {
    const updated = await trx.updateTable('party_recommendation')
      .set({ outcome: input.outcome, admitted_on: input.admittedOn ?? null, version: rec.version + 1 })
      .where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw conflict();
    if (input.outcome === 'admitted') {
      await trx.updateTable('member').set({ party_member: true, party_joined_on: input.admittedOn ?? null }).where('id', '=', rec.member_id).execute();
    }
    return { entityId: id, before: { outcome: rec.outcome }, after: { outcome: input.outcome, admittedOn: input.admittedOn }, result: null };
  });
  return getMember(ctx.db, ctx.actor, rec.member_id);
}
