import { sql } from 'kysely';
import { RATINGS, type AssessmentInput } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { requireAt, type Actor } from '../../auth/actor.ts';
import { badRequest } from '../../lib/errors.ts';
import { audited, type Ctx } from '../audit/write.ts';
import { today } from './service.ts';

/**
 * Xếp loại đoàn viên: each union rates its members once a year (excellent / good / completed /
 * not completed), entered as one grid for the whole union and saved at once.
 */

type Counts = Record<(typeof RATINGS)[number] | 'unrated', number>;
const emptyCounts = (): Counts => ({ excellent: 0, good: 0, completed: 0, not_completed: 0, unrated: 0 });

async function grassrootsOf(db: Db, actor: Actor, unitId: number, permission: 'member.read' | 'member.write') {
  const path = await requireAt(db, actor, permission, unitId);
  const unit = await db.selectFrom('org_unit').select(['id', 'kind', 'parent_id', 'name', 'province_id']).where('id', '=', unitId).executeTakeFirstOrThrow();
  if (unit.kind !== 'grassroots' && unit.kind !== 'union_group') {
    throw badRequest('not_grassroots', 'Xếp loại đoàn viên được nhập theo từng công đoàn cơ sở (hoặc tổ công đoàn); hãy chọn một công đoàn cơ sở.', 'unitId');
  }
  return { ...unit, path };
}

/**
 * The grid: the union's members active during the year (still here, or already rated here for
 * that year), with their rating if any, grouped by union group then given name.
 */
export async function assessmentGrid(db: Db, actor: Actor, q: { unitId: number; year: number }) {
  const unit = await grassrootsOf(db, actor, q.unitId, 'member.read');
  const unionId = unit.kind === 'union_group' ? unit.parent_id! : unit.id;
  const { rows } = await sql<{
    id: number; fullName: string; sex: string | null; birthDate: string | null; job: string | null; groupName: string | null;
    joinedOn: string | null; status: string; rating: string | null; note: string | null;
  }>`
    select m.id, m.full_name as "fullName", m.sex, m.birth_date as "birthDate", m.job, g.name as "groupName",
           m.joined_on as "joinedOn", m.status, a.rating, a.note
    from member m
    left join member_assessment a on a.member_id = m.id and a.year = ${q.year}
    left join org_unit g on g.id = m.group_id
    where (
      (m.unit_id = ${unionId} and m.status = 'active' and (m.joined_on is null or m.joined_on <= make_date(${q.year}::int, 12, 31)))
      or (a.unit_id = ${unionId}))
      ${unit.kind === 'union_group' ? sql`and m.group_id = ${unit.id}` : sql``}
    order by g.name nulls last, m.name_sort, m.id`.execute(db);
  const counts = emptyCounts();
  for (const r of rows) counts[(r.rating ?? 'unrated') as keyof Counts]++;
  return { unitId: unit.id, unitName: unit.name, year: q.year, rows: rows.map((r) => ({ ...r, id: Number(r.id) })), counts, total: rows.length };
}

/** Counts by rating over a subtree for a year, and per union directly below (figures click through to the grid). */
export async function assessmentSummary(db: Db, actor: Actor, q: { unitId: number; year: number }) {
  const path = await requireAt(db, actor, 'member.read', q.unitId);
  const { rows } = await sql<{ unitId: number; unitName: string; rating: string | null; n: number }>`
    select u.id as "unitId", u.name as "unitName", a.rating, count(*)::int as n
    from member m join org_unit u on u.id = m.unit_id
    left join member_assessment a on a.member_id = m.id and a.year = ${q.year}
    where m.unit_path <@ ${path}::ltree
      and ((m.status = 'active' and (m.joined_on is null or m.joined_on <= make_date(${q.year}::int, 12, 31))) or a.rating is not null)
    group by u.id, u.name, a.rating`.execute(db);
  const counts = emptyCounts();
  const byUnit = new Map<number, { unitId: number; unitName: string; total: number } & Counts>();
  for (const r of rows) {
    const key = (r.rating ?? 'unrated') as keyof Counts;
    counts[key] += r.n;
    const u = byUnit.get(r.unitId) ?? { unitId: r.unitId, unitName: r.unitName, total: 0, ...emptyCounts() };
    u[key] += r.n;
    u.total += r.n;
    byUnit.set(r.unitId, u);
  }
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  return { year: q.year, counts, total, byUnit: [...byUnit.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')) };
}

/** Saves the whole grid in one statement; members of another union are refused before anything is written. */
export async function saveAssessments(ctx: Ctx, input: AssessmentInput) {
  if (input.year > Number(today().slice(0, 4))) throw badRequest('year_in_future', 'Chưa thể xếp loại cho năm chưa đến.', 'year');
  const unit = await grassrootsOf(ctx.db, ctx.actor, input.unitId, 'member.read');
  const unionId = unit.kind === 'union_group' ? unit.parent_id! : unit.id;
  return audited(ctx, { permission: 'member.write', unitId: unionId, entity: 'member_assessment', action: 'assess' }, async (trx, unitPath) => {
    const ids = input.ratings.map((r) => r.memberId);
    if (new Set(ids).size !== ids.length) throw badRequest('duplicate_member', 'Một đoàn viên xuất hiện hai lần trong bảng xếp loại.', 'ratings');
    const { rows: inside } = await sql<{ id: string }>`
      select id::text from member where id = any(${ids}::bigint[]) and unit_path <@ ${unitPath}::ltree`.execute(trx);
    const known = new Set(inside.map((r) => Number(r.id)));
    const outside = ids.filter((id) => !known.has(id));
    if (outside.length) throw badRequest('member_outside_unit', `${outside.length} đoàn viên không thuộc công đoàn cơ sở đã chọn.`, 'ratings');
    const { rows: [changed] } = await sql<{ inserted: number; updated: number }>`
      with input as (
        select * from unnest(${ids}::bigint[], ${input.ratings.map((r) => r.rating)}::text[], ${input.ratings.map((r) => r.note ?? null)}::text[])
          as t(member_id, rating, note)),
      saved as (
        insert into member_assessment (member_id, year, rating, note, unit_id, province_id, assessed_by)
        select i.member_id, ${input.year}, i.rating, i.note, ${unionId}, ${unit.province_id}, ${ctx.actor.userId} from input i
        on conflict (member_id, year) do update set rating = excluded.rating, note = excluded.note, unit_id = excluded.unit_id,
          assessed_by = excluded.assessed_by, assessed_at = now()
        where (member_assessment.rating, coalesce(member_assessment.note, '')) is distinct from (excluded.rating, coalesce(excluded.note, ''))
        returning (xmax = 0) as inserted)
      select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from saved`.execute(trx);
    const counts = emptyCounts();
    for (const r of input.ratings) counts[r.rating]++;
    return {
      entityId: `${unionId}:${input.year}`,
      after: { year: input.year, rated: ids.length, ...counts, inserted: changed.inserted, updated: changed.updated },
      result: { saved: ids.length, inserted: changed.inserted, updated: changed.updated },
    };
  });
}
