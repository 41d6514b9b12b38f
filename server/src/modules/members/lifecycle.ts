import { sql } from 'kysely';
import type { TransferInput } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { can, requireAt, scopePaths, type Actor } from '../../auth/actor.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { addYears } from './dates.ts';
import { cardYears } from './settings.ts';
import { audited, type Ctx } from '../audit/write.ts';
import { checkGroup, getMember, loadMember, lockMember, receivingUnit, today } from './service.ts';

/**
 * The member lifecycle after admission: chuyển sinh hoạt (directly, as a request the receiving
 * union accepts, or out of the system), leaving, death, and the card. Each writes member_event
 * rows, from which counts at any past date are recomputed.
 */

const OUT_KINDS = ['transfer_out', 'leave', 'death'];

async function lastEventDate(trx: Db, memberId: number): Promise<string | null> {
  const { rows: [r] } = await sql<{ d: string | null }>`
    select max(on_date)::text as d from member_event where member_id = ${memberId} and kind <> all(${['card_issue', 'card_reissue']}::text[])`.execute(trx);
  return r?.d ?? null;
}

function checkDate(onDate: string, last: string | null, field = 'onDate') {
  if (onDate > today()) throw badRequest('date_in_future', 'Ngày không thể ở tương lai.', field);
  if (last && onDate < last) throw badRequest('before_last_event', `Ngày này phải từ ${last.split('-').reverse().join('/')} trở đi (sau sự kiện gần nhất của đoàn viên).`, field);
}

/** Moves the member: transfer_out at the old union and transfer_in at the new one, same date, history kept. */
async function move(trx: Db, actor: Actor, m: { id: number; unit_id: number; province_id: number | null; version: number },
  to: { id: number; path: string; province_id: number | null }, t: { onDate: string; decisionNo?: string | null; reason?: string | null; groupId?: number | null }) {
  await trx.updateTable('member').set({
    unit_id: to.id, unit_path: to.path, province_id: to.province_id, group_id: t.groupId ?? null, version: m.version + 1, updated_at: new Date(),
  }).where('id', '=', m.id).execute();
  const event = { member_id: m.id, on_date: t.onDate, decision_no: t.decisionNo ?? null, reason: t.reason ?? null, created_by: actor.userId };
  await trx.insertInto('member_event').values({ ...event, province_id: m.province_id, kind: 'transfer_out', unit_id: m.unit_id, other_unit_id: to.id }).execute();
  await trx.insertInto('member_event').values({ ...event, province_id: to.province_id, kind: 'transfer_in', unit_id: to.id, other_unit_id: m.unit_id }).execute();
}

/**
 * Chuyển sinh hoạt. Three cases:
 * - the actor manages both unions: the member moves now;
 * - the receiving union is outside the actor's scope: a request is recorded, and the member moves
 *   only when an officer of the receiving union accepts it (the receiver decides whom it takes);
 * - the member goes to a union outside the system (destinationName): they leave the registry
 *   with status "transferred out", the destination in the history.
 */
export async function transfer(ctx: Ctx, id: number, input: TransferInput) {
  const m = await loadMember(ctx.db, ctx.actor, id, 'member.write');
  if (m.status !== 'active') throw badRequest('member_not_active', 'Chỉ chuyển sinh hoạt được đoàn viên đang sinh hoạt.');
  if (input.toUnitId === m.unit_id) throw badRequest('same_unit', 'Đơn vị mới trùng đơn vị hiện tại.', 'toUnitId');
  let outcome: 'moved' | 'requested' | 'left_system' = 'moved';
  await audited(ctx, { permission: 'member.write', unitId: m.unit_id, entity: 'member', action: 'transfer' }, async (trx) => {
    const locked = await lockMember(trx, id, input.version);
    const pending = await trx.selectFrom('member_transfer').select('id').where('member_id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    if (pending) throw badRequest('transfer_pending', 'Đoàn viên đang có một đề nghị chuyển sinh hoạt chờ tiếp nhận; hãy hủy đề nghị đó trước.', 'toUnitId');
    checkDate(input.onDate, await lastEventDate(trx, id));
    if (!input.toUnitId) {
      outcome = 'left_system';
      await trx.updateTable('member').set({
        status: 'transferred_out', left_on: input.onDate, left_reason: `Chuyển sinh hoạt đến ${input.destinationName}`,
        group_id: null, version: locked.version + 1, updated_at: new Date(),
      }).where('id', '=', id).execute();
      await trx.insertInto('member_event').values({
        member_id: id, province_id: locked.province_id, kind: 'transfer_out', on_date: input.onDate, unit_id: locked.unit_id,
        other_unit_name: input.destinationName ?? null, decision_no: input.decisionNo ?? null, reason: input.reason ?? null, created_by: ctx.actor.userId,
      }).execute();
      return { entityId: id, before: { unitId: locked.unit_id, status: 'active' }, after: { status: 'transferred_out', destination: input.destinationName, onDate: input.onDate }, result: null };
    }
    const to = await receivingUnit(trx, input.toUnitId);
    if (can(ctx.actor, 'member.write', to.path)) {
      await move(trx, ctx.actor, { ...locked, id }, to, input);
      return { entityId: id, before: { unitId: locked.unit_id }, after: { unitId: to.id, onDate: input.onDate, decisionNo: input.decisionNo }, result: null };
    }
    outcome = 'requested';
    const row = await trx.insertInto('member_transfer').values({
      province_id: locked.province_id, member_id: id, from_unit_id: locked.unit_id, to_unit_id: to.id, requested_on: input.onDate,
      decision_no: input.decisionNo ?? null, reason: input.reason ?? null, requested_by: ctx.actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    return { entityId: id, after: { transferRequestId: Number(row.id), toUnitId: to.id, requestedOn: input.onDate }, result: null };
  });
  return { ...(await getMember(ctx.db, ctx.actor, id)), transferOutcome: outcome };
}

async function loadTransfer(db: Db, id: number) {
  const t = await db.selectFrom('member_transfer').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw notFound('Không tìm thấy đề nghị chuyển sinh hoạt.');
  return t;
}

/** The receiving union takes the member: they move on the date of acceptance (reports already made stay as they were). */
export async function acceptTransfer(ctx: Ctx, id: number, input: { groupId?: number | null; answer?: string | null; version: number }) {
  const t = await loadTransfer(ctx.db, id);
  await audited(ctx, { permission: 'member.write', unitId: t.to_unit_id, entity: 'member_transfer', action: 'accept' }, async (trx) => {
    const locked = await trx.selectFrom('member_transfer').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (locked.version !== input.version) throw conflict();
    if (locked.status !== 'pending') throw badRequest('transfer_closed', 'Đề nghị này đã được xử lý.');
    const m = await lockMember(trx, Number(locked.member_id));
    if (m.status !== 'active' || m.unit_id !== locked.from_unit_id) throw badRequest('member_moved', 'Đoàn viên không còn sinh hoạt ở công đoàn đã đề nghị chuyển.');
    const to = await receivingUnit(trx, locked.to_unit_id);
    await checkGroup(trx, to.id, input.groupId);
    const onDate = [today(), locked.requested_on, (await lastEventDate(trx, Number(m.id))) ?? ''].sort().pop()!;
    await move(trx, ctx.actor, { ...m, id: Number(m.id) }, to, { onDate, decisionNo: locked.decision_no, reason: locked.reason, groupId: input.groupId });
    await trx.updateTable('member_transfer').set({
      status: 'accepted', decided_by: ctx.actor.userId, decided_at: new Date(), effective_on: onDate, answer: input.answer ?? null, version: locked.version + 1,
    }).where('id', '=', id).execute();
    return { entityId: id, after: { memberId: Number(m.id), status: 'accepted', effectiveOn: onDate }, result: null };
  });
  return getTransfer(ctx.db, ctx.actor, id);
}

export async function rejectTransfer(ctx: Ctx, id: number, input: { answer: string; version: number }) {
  const t = await loadTransfer(ctx.db, id);
  await audited(ctx, { permission: 'member.write', unitId: t.to_unit_id, entity: 'member_transfer', action: 'reject' }, async (trx) => {
    const updated = await trx.updateTable('member_transfer').set({
      status: 'rejected', decided_by: ctx.actor.userId, decided_at: new Date(), answer: input.answer, version: t.version + 1,
    }).where('id', '=', id).where('version', '=', input.version).where('status', '=', 'pending').executeTakeFirst();
    if (!Number(updated.numUpdatedRows)) throw conflict('Đề nghị đã được xử lý hoặc sửa bởi người khác. Hãy tải lại.');
    return { entityId: id, after: { memberId: Number(t.member_id), status: 'rejected', answer: input.answer }, result: null };
  });
  return getTransfer(ctx.db, ctx.actor, id);
}

/** The sending union withdraws its request. */
export async function cancelTransfer(ctx: Ctx, id: number, input: { version: number }) {
  const t = await loadTransfer(ctx.db, id);
  await audited(ctx, { permission: 'member.write', unitId: t.from_unit_id, entity: 'member_transfer', action: 'cancel' }, async (trx) => {
    const updated = await trx.updateTable('member_transfer').set({ status: 'cancelled', decided_by: ctx.actor.userId, decided_at: new Date(), version: t.version + 1 })
      .where('id', '=', id).where('version', '=', input.version).where('status', '=', 'pending').executeTakeFirst();
    if (!Number(updated.numUpdatedRows)) throw conflict('Đề nghị đã được xử lý hoặc sửa bởi người khác. Hãy tải lại.');
    return { entityId: id, after: { memberId: Number(t.member_id), status: 'cancelled' }, result: null };
  });
  return getTransfer(ctx.db, ctx.actor, id);
}

/**
 * A transfer request as either side sees it. The receiving union sees who is coming (name, sex,
 * birth year, joining date, card) before it decides, but never the sensitive fields.
 */
const transferColumns = sql`
  t.id, t.member_id as "memberId", t.from_unit_id as "fromUnitId", f.name as "fromUnitName", t.to_unit_id as "toUnitId",
  tu.name as "toUnitName", t.requested_on as "requestedOn", t.decision_no as "decisionNo", t.reason, t.status,
  t.requested_at as "requestedAt", rb.full_name as "requestedBy", t.decided_at as "decidedAt", db.full_name as "decidedBy",
  t.effective_on as "effectiveOn", t.answer, t.version,
  m.full_name as "fullName", m.sex, extract(year from m.birth_date)::int as "birthYear", m.joined_on as "joinedOn",
  m.card_number as "cardNumber", m.job`;
const transferFrom = sql`
  member_transfer t join member m on m.id = t.member_id join org_unit f on f.id = t.from_unit_id join org_unit tu on tu.id = t.to_unit_id
  left join app_user rb on rb.id = t.requested_by left join app_user db on db.id = t.decided_by`;

export async function getTransfer(db: Db, actor: Actor, id: number) {
  const paths = scopePaths(actor, 'member.read');
  const { rows: [row] } = await sql<Record<string, unknown>>`
    select ${transferColumns} from ${transferFrom}
    where t.id = ${id} and (f.path <@ any(${paths}::ltree[]) or tu.path <@ any(${paths}::ltree[]))`.execute(db);
  if (!row) throw notFound('Không tìm thấy đề nghị chuyển sinh hoạt.');
  return { ...row, id: Number(row.id), memberId: Number(row.memberId) };
}

/** Requests into (incoming) or out of (outgoing) a unit's subtree, pending first. */
export async function listTransfers(db: Db, actor: Actor, q: { unitId: number; direction: 'incoming' | 'outgoing'; status?: string; page: number; pageSize: number }) {
  const path = await requireAt(db, actor, 'member.read', q.unitId);
  const side = q.direction === 'incoming' ? sql`tu.path` : sql`f.path`;
  const where = sql`${side} <@ ${path}::ltree and ${side} <@ any(${scopePaths(actor, 'member.read')}::ltree[])
    and (${q.status ?? null}::text is null or t.status = ${q.status ?? null})`;
  const { rows } = await sql<Record<string, unknown>>`
    select ${transferColumns} from ${transferFrom} where ${where}
    order by t.status <> 'pending', t.requested_at desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db);
  const { rows: [{ total }] } = await sql<{ total: number }>`select count(*)::int as total from ${transferFrom} where ${where}`.execute(db);
  return { rows: rows.map((r) => ({ ...r, id: Number(r.id), memberId: Number(r.memberId) })), total };
}

/** Ra khỏi tổ chức or death: the member stays in the registry with the date and reason; the card stops verifying. */
export async function leave(ctx: Ctx, id: number, input: { kind: 'leave' | 'death'; onDate: string; reason: string; version: number }) {
  const m = await loadMember(ctx.db, ctx.actor, id, 'member.write');
  if (m.status !== 'active') throw badRequest('member_not_active', 'Đoàn viên này không còn sinh hoạt.');
  await audited(ctx, { permission: 'member.write', unitId: m.unit_id, entity: 'member', action: input.kind }, async (trx) => {
    const locked = await lockMember(trx, id, input.version);
    const last = await lastEventDate(trx, id);
    checkDate(input.onDate, last);
    if (locked.joined_on && input.onDate < locked.joined_on) throw badRequest('before_joining', 'Ngày ra khỏi tổ chức phải sau ngày vào công đoàn.', 'onDate');
    await trx.updateTable('member').set({
      status: input.kind === 'death' ? 'deceased' : 'left', left_on: input.onDate, left_reason: input.reason, version: locked.version + 1, updated_at: new Date(),
    }).where('id', '=', id).execute();
    if (locked.status !== 'active') throw badRequest('member_not_active', 'Đoàn viên này không còn sinh hoạt.');
    await trx.insertInto('member_event').values({
      member_id: id, province_id: locked.province_id, kind: input.kind, on_date: input.onDate, unit_id: locked.unit_id, reason: input.reason, created_by: ctx.actor.userId,
    }).execute();
    await trx.updateTable('member_transfer').set({ status: 'cancelled', answer: 'Đoàn viên đã ra khỏi tổ chức', decided_at: new Date(), version: sql`version + 1` })
      .where('member_id', '=', id).where('status', '=', 'pending').execute();
    return { entityId: id, before: { status: locked.status }, after: { status: input.kind === 'death' ? 'deceased' : 'left', onDate: input.onDate, reason: input.reason }, result: null };
  });
  return getMember(ctx.db, ctx.actor, id);
}

/**
 * Cấp / cấp lại thẻ: a new number, unique in the country (2-digit province, 2-digit year, 7-digit
 * sequence). A re-issued card replaces the old one: the old QR stops verifying.
 */
export async function issueCard(ctx: Ctx, id: number, input: { reason?: string | null } = {}) {
  const m = await loadMember(ctx.db, ctx.actor, id, 'member.write');
  if (m.status !== 'active') throw badRequest('member_not_active', 'Chỉ cấp thẻ cho đoàn viên đang sinh hoạt.');
  const reissue = Boolean(m.card_number);
  const years = await cardYears(ctx.db, m.unit_path);
  await audited(ctx, { permission: 'member.write', unitId: m.unit_id, entity: 'member', action: reissue ? 'card_reissue' : 'card_issue' }, async (trx) => {
    const locked = await lockMember(trx, id);
    const issuedOn = today();
    let number = '';
    // A number typed in from an old list may already hold the next value: draw again until it is free.
    do {
      const { rows: [{ seq }] } = await sql<{ seq: string }>`select nextval('member_card_seq')::text as seq`.execute(trx);
      number = `${String((locked.province_id ?? 0) % 100).padStart(2, '0')}${issuedOn.slice(2, 4)}${seq.padStart(7, '0')}`;
    } while (await trx.selectFrom('member').select('id').where('card_number', '=', number).executeTakeFirst());
    await trx.updateTable('member').set({
      card_number: number, card_issued_on: issuedOn, card_valid_until: addYears(issuedOn, years), version: locked.version + 1, updated_at: new Date(),
    }).where('id', '=', id).execute();
    await trx.insertInto('member_event').values({
      member_id: id, province_id: locked.province_id, kind: reissue ? 'card_reissue' : 'card_issue', on_date: issuedOn,
      unit_id: locked.unit_id, card_number: number,
      reason: reissue ? [`Thay thẻ số ${locked.card_number}`, input.reason].filter(Boolean).join(' — ') : null, created_by: ctx.actor.userId,
    }).execute();
    return { entityId: id, before: { cardNumber: locked.card_number }, after: { cardNumber: number, validUntil: addYears(issuedOn, years) }, result: null };
  });
  return getMember(ctx.db, ctx.actor, id);
}

export { OUT_KINDS };
