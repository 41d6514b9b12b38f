import { sql } from 'kysely';
import { addDissolveCheck, addMergeStep } from '../org/service.ts';

/** A union with active members cannot be dissolved; they must be transferred first (or merged). */
addDissolveCheck(async (trx, unitPath) => {
  const { rows: [{ n }] } = await sql<{ n: number }>`
    select count(*)::int as n from member where unit_path <@ ${unitPath}::ltree and status = 'active'`.execute(trx);
  return n > 0 ? `Đơn vị còn ${n} đoàn viên đang sinh hoạt. Hãy chuyển sinh hoạt cho họ, hoặc sáp nhập đơn vị.` : null;
});

/** A merge transfers every active member of the merged union, with the transfer events. */
addMergeStep(async (trx, ctx, from, into, onDate) => {
  const target = await trx.selectFrom('org_unit').select(['kind', 'province_id']).where('id', '=', into.id).executeTakeFirstOrThrow();
  if (target.kind !== 'grassroots') return;
  await sql`
    with moved as (
      update member set unit_id = ${into.id}, unit_path = ${into.path}::ltree, province_id = ${target.province_id}, group_id = null,
        version = version + 1, updated_at = now()
      where unit_id = ${from.id} and status = 'active'
      returning id, province_id)
    insert into member_event (member_id, province_id, kind, on_date, unit_id, other_unit_id, reason, created_by)
    select id, province_id, k.kind, ${onDate}::date, case k.kind when 'transfer_out' then ${from.id}::int else ${into.id}::int end,
           case k.kind when 'transfer_out' then ${into.id}::int else ${from.id}::int end, 'Sáp nhập đơn vị', ${ctx.actor.userId}
    from moved cross join (values ('transfer_out'), ('transfer_in')) as k(kind)`.execute(trx);
});
