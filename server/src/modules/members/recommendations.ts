import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { can, requireAt, scopePaths, type Actor } from '../../auth/actor.ts';
import { AppError, badRequest, conflict, notFound } from '../../lib/errors.ts';
import { audited, type Ctx } from '../audit/write.ts';
import { getMember, loadMember, today } from './service.ts';

/**
 * Giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp (feeds T10). A recommendation says as much
 * about a person's politics as the party field does, so it is read and written only by roles
 * holding member.sensitive.
 */

const noSensitive = () => new AppError(403, 'forbidden', 'Thông tin giới thiệu đảng viên chỉ dành cho cán bộ được xem thông tin nhạy cảm.');

export async function recommend(ctx: Ctx, memberId: number, input: { recommendedOn: string; decisionNo?: string | null; partyBody?: string | null; note?: string | null }) {
  const m = await loadMember(ctx.db, ctx.actor, memberId, 'member.write');
  if (!can(ctx.actor, 'member.sensitive', m.unit_path)) throw noSensitive();
  if (m.status !== 'active') throw badRequest('member_not_active', 'Chỉ giới thiệu đoàn viên đang sinh hoạt.');
  if (m.party_member) throw badRequest('already_party_member', 'Đoàn viên này đã là đảng viên.');
  if (input.recommendedOn > today()) throw badRequest('date_in_future', 'Ngày giới thiệu không thể ở tương lai.', 'recommendedOn');
  if (m.joined_on && input.recommendedOn < m.joined_on) throw badRequest('before_joining', 'Ngày giới thiệu phải sau ngày vào công đoàn.', 'recommendedOn');
  await audited(ctx, { permission: 'member.write', unitId: m.unit_id, entity: 'party_recommendation', action: 'create' }, async (trx) => {
    const pending = await trx.selectFrom('party_recommendation').select('id').where('member_id', '=', memberId).where('outcome', '=', 'pending').executeTakeFirst();
    if (pending) throw badRequest('recommendation_pending', 'Đoàn viên này đang có một lần giới thiệu chờ kết quả.', 'recommendedOn');
    const row = await trx.insertInto('party_recommendation').values({
      member_id: memberId, unit_id: m.unit_id, province_id: m.province_id, recommended_on: input.recommendedOn,
      decision_no: input.decisionNo ?? null, party_body: input.partyBody ?? null, note: input.note ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    return { entityId: Number(row.id), after: { memberId, ...input }, result: null };
  });
  return getMember(ctx.db, ctx.actor, memberId);
}

/** Kết quả: admitted to the Party on a date (the member becomes a party member from then), or not admitted. */
export async function setRecommendationOutcome(ctx: Ctx, id: number, input: { outcome: string; admittedOn?: string | null; outcomeNote?: string | null; version: number }) {
  const rec = await ctx.db.selectFrom('party_recommendation').selectAll().where('id', '=', id).executeTakeFirst();
  if (!rec) throw notFound('Không tìm thấy bản giới thiệu.');
  const m = await loadMember(ctx.db, ctx.actor, Number(rec.member_id), 'member.write');
  if (!can(ctx.actor, 'member.sensitive', m.unit_path)) throw noSensitive();
  if (input.admittedOn && input.admittedOn < rec.recommended_on) throw badRequest('admitted_before_recommended', 'Ngày kết nạp Đảng phải sau ngày giới thiệu.', 'admittedOn');
  if (input.admittedOn && input.admittedOn > today()) throw badRequest('date_in_future', 'Ngày kết nạp Đảng không thể ở tương lai.', 'admittedOn');
  await audited(ctx, { permission: 'member.write', unitId: m.unit_id, entity: 'party_recommendation', action: 'outcome' }, async (trx) => {
    const updated = await trx.updateTable('party_recommendation')
      .set({ outcome: input.outcome, admitted_on: input.admittedOn ?? null, outcome_note: input.outcomeNote ?? null, version: rec.version + 1 })
      .where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw conflict();
    if (input.outcome === 'admitted') {
      await trx.updateTable('member').set({ party_member: true, party_joined_on: input.admittedOn ?? null, version: sql`version + 1`, updated_at: new Date() })
        .where('id', '=', rec.member_id).execute();
    } else if (rec.outcome === 'admitted') {
      // Correcting an outcome recorded by mistake: the party flag set by it goes back.
      await trx.updateTable('member').set({ party_member: false, party_joined_on: null, version: sql`version + 1`, updated_at: new Date() })
        .where('id', '=', rec.member_id).where('party_joined_on', '=', rec.admitted_on).execute();
    }
    return { entityId: id, before: { outcome: rec.outcome, admittedOn: rec.admitted_on }, after: { memberId: Number(rec.member_id), outcome: input.outcome, admittedOn: input.admittedOn }, result: null };
  });
  return getMember(ctx.db, ctx.actor, Number(rec.member_id));
}

/** Recommendations made by the unions of a subtree, in a year (by date of recommendation), newest first. */
export async function listRecommendations(db: Db, actor: Actor, q: { unitId: number; year?: number; outcome?: string; page: number; pageSize: number }) {
  const path = await requireAt(db, actor, 'member.sensitive', q.unitId);
  const where = sql`u.path <@ ${path}::ltree and u.path <@ any(${scopePaths(actor, 'member.sensitive')}::ltree[])
    ${q.year ? sql`and r.recommended_on between make_date(${q.year}::int, 1, 1) and make_date(${q.year}::int, 12, 31)` : sql``}
    ${q.outcome ? sql`and r.outcome = ${q.outcome}` : sql``}`;
  const { rows } = await sql<Record<string, unknown>>`
    select r.id, r.member_id as "memberId", m.full_name as "fullName", m.sex, m.birth_date as "birthDate", m.job,
           r.unit_id as "unitId", u.name as "unitName", r.recommended_on as "recommendedOn", r.decision_no as "decisionNo",
           r.party_body as "partyBody", r.outcome, r.admitted_on as "admittedOn", r.note, r.outcome_note as "outcomeNote", r.version
    from party_recommendation r join org_unit u on u.id = r.unit_id join member m on m.id = r.member_id
    where ${where}
    order by r.recommended_on desc, r.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db);
  const { rows: counts } = await sql<{ outcome: string; n: number }>`
    select r.outcome, count(*)::int as n from party_recommendation r join org_unit u on u.id = r.unit_id where ${where} group by r.outcome`.execute(db);
  const byOutcome = Object.fromEntries(counts.map((c) => [c.outcome, c.n]));
  return {
    rows: rows.map((r) => ({ ...r, id: Number(r.id), memberId: Number(r.memberId) })),
    total: counts.reduce((s, c) => s + c.n, 0),
    counts: { pending: byOutcome.pending ?? 0, admitted: byOutcome.admitted ?? 0, not_admitted: byOutcome.not_admitted ?? 0 },
  };
}
