import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { childUnit, defineIndicator, inSubtree, toRows, type DrillQuery, type IndicatorQuery } from '../programme/registry.ts';

/**
 * The programme indicators fed by activities and labour relations (T1, T2, T3, T6, T7, T8 and
 * more). Participation counts distinct members from the attendance lists; an activity recorded
 * only as a headcount cannot say who came, so for each grassroots union it adds at most the
 * members of its largest headcount-only session beyond the members known by name (a lower
 * bound: never the sum of sessions, so no one is counted twice).
 */

/** Active members on a date: joined by then, not left by then. Also the rule for the numerator. */
const activeAt = (alias: string, to: string) => sql`(${sql.ref(alias + '.joined_on')} is null or ${sql.ref(alias + '.joined_on')} <= ${to}::date)
  and ((${sql.ref(alias + '.status')} = 'active' and ${sql.ref(alias + '.left_on')} is null) or ${sql.ref(alias + '.left_on')} > ${to}::date)`;

/** Grassroots unions existing on a date. */
const existingOn = (alias: string, date: string) =>
  sql`${sql.ref(alias + '.kind')} = 'grassroots' and (${sql.ref(alias + '.founded_on')} is null or ${sql.ref(alias + '.founded_on')} <= ${date}::date)
    and (${sql.ref(alias + '.dissolved_on')} is null or ${sql.ref(alias + '.dissolved_on')} > ${date}::date)`;

/** The programme's periods start on 1 January: then the per-year participation table answers; otherwise the attendance rows do. */
const fromYearStart = (q: { from: string; to: string }) => q.from.endsWith('-01-01') && q.from.slice(0, 4) === q.to.slice(0, 4);

export interface ParticipationRow { unitId: number | null; sector: null; numerator: number; denominator: number; named: number; fromCounts: number }

/**
 * Per unit of the subtree (grouped by child when asked): members active at the period end,
 * distinct named participants, and the headcount-only lower bound.
 */
export async function participation(db: Db, q: IndicatorQuery, category: string, enterpriseOnly: boolean): Promise<ParticipationRow[]> {
  const unitFilter = enterpriseOnly ? sql`and u.kind = 'grassroots' and u.grassroots_kind = 'enterprise'` : sql``;
  const year = Number(q.to.slice(0, 4));
  // Still-active people come from the daily counts; those who left after the period end from a partial index.
  const named = fromYearStart(q)
    ? sql`select unit_id, sum(n)::int as n from (
          select d.unit_id, d.members as n from participation_daily d join units u on u.id = d.unit_id
          where d.category = ${category} and d.year = ${year} and d.first_on <= ${q.to}::date
          union all
          select p.unit_id, 1 from member_participation p join units u on u.id = p.unit_id
          where not p.member_active and p.category = ${category} and p.year = ${year}
            and p.first_on <= ${q.to}::date and p.left_on > ${q.to}::date) x
        group by unit_id`
    : sql`select m.unit_id, count(distinct t.member_id)::int as n from attendance t join member m on m.id = t.member_id
        where t.category = ${category} and t.counted and t.held_on between ${q.from}::date and ${q.to}::date
          and m.unit_id = any(array(select id from units)) and ${activeAt('m', q.to)}
        group by m.unit_id`;
  const { rows } = await sql<any>`
    with units as (select u.id, u.path from org_unit u where ${inSubtree('u.path', q)} ${unitFilter}),
    den as (
      select unit_id, sum(n)::int as n from (
        select c.unit_id, c.members as n from member_unit_count c join units u on u.id = c.unit_id
        union all
        select m.unit_id, -1 from member m join units u on u.id = m.unit_id
        where m.status = 'active' and m.left_on is null and m.joined_on > ${q.to}::date
        union all
        select m.unit_id, 1 from member m join units u on u.id = m.unit_id
        where not (m.status = 'active' and m.left_on is null) and ${activeAt('m', q.to)}) x
      group by unit_id having sum(n) > 0),
    named as (${named}),
    counted as (
      select a.grassroots_id as unit_id, max(a.count_members)::int as n from activity a
      where a.grassroots_id = any(array(select id from units)) and a.category = ${category} and a.status = 'held'
        and a.attendance_mode = 'counts' and a.starts_on between ${q.from}::date and ${q.to}::date
      group by 1)
    select ${childUnit('u.path', q)} as "unitId", null::text as sector,
      coalesce(sum(least(coalesce(d.n, 0), greatest(coalesce(nm.n, 0), coalesce(c.n, 0)))), 0)::int as numerator,
      coalesce(sum(d.n), 0)::int as denominator,
      coalesce(sum(nm.n), 0)::int as named,
      coalesce(sum(greatest(0, least(coalesce(d.n, 0), coalesce(c.n, 0)) - coalesce(nm.n, 0))), 0)::int as "fromCounts"
    from units u left join den d on d.unit_id = u.id left join named nm on nm.unit_id = u.id left join counted c on c.unit_id = u.id
    where d.n is not null or nm.n is not null or c.n is not null
    group by 1`.execute(db);
  return rows.map((r) => ({ unitId: r.unitId === null ? null : Number(r.unitId), sector: null, numerator: Number(r.numerator),
    denominator: Number(r.denominator), named: Number(r.named), fromCounts: Number(r.fromCounts) }));
}

/** The people behind a participation figure, then the headcount-only sessions. */
async function participationDrill(db: Db, q: DrillQuery, category: string, enterpriseOnly: boolean) {
  const unitFilter = enterpriseOnly ? sql`and u.kind = 'grassroots' and u.grassroots_kind = 'enterprise'` : sql``;
  const { rows } = await sql<any>`
    select m.full_name as "fullName", u.name as "unitName", min(t.held_on) as "firstOn", count(*)::int as sessions, 'danh sách' as source,
      count(*) over ()::int as total
    from attendance t join member m on m.id = t.member_id join org_unit u on u.id = m.unit_id
    where ${inSubtree('u.path', q)} ${unitFilter} and t.category = ${category} and t.counted
      and t.held_on between ${q.from}::date and ${q.to}::date and ${activeAt('m', q.to)}
    group by m.id, m.full_name, m.name_sort, u.name
    order by u.name, m.name_sort limit ${q.limit} offset ${q.offset}`.execute(db);
  const { rows: counts } = await sql<any>`
    select a.title as "fullName", u.name as "unitName", a.starts_on as "firstOn", a.count_members as sessions, 'chỉ ghi số lượng' as source
    from activity a join org_unit u on u.id = a.grassroots_id
    where ${inSubtree('u.path', q)} ${unitFilter} and a.category = ${category} and a.status = 'held' and a.attendance_mode = 'counts'
      and a.starts_on between ${q.from}::date and ${q.to}::date
    order by a.starts_on limit 200`.execute(db);
  const total = rows[0]?.total ?? 0;
  return {
    columns: [
      { key: 'fullName', label: 'Đoàn viên / hoạt động' }, { key: 'unitName', label: 'Công đoàn cơ sở' },
      { key: 'firstOn', label: 'Lần đầu tham gia', type: 'date' as const }, { key: 'sessions', label: 'Số buổi / số đoàn viên', type: 'number' as const },
      { key: 'source', label: 'Nguồn số liệu' },
    ],
    rows: [...rows.map(({ total: _t, ...r }) => r), ...(q.offset + rows.length >= total ? counts : [])],
    total: total + counts.length,
  };
}

/** Grassroots unions (of some kinds) existing at the period end; `held` says whether the record exists. */
async function unitsHolding(db: Db, q: IndicatorQuery, kinds: string[], held: RawBuilder<boolean>) {
  const { rows } = await sql<any>`
    select ${childUnit('u.path', q)} as "unitId", u.sector, count(*) filter (where ${held}) as numerator, count(*) as denominator
    from org_unit u
    where ${inSubtree('u.path', q)} and ${existingOn('u', q.to)} and u.grassroots_kind = any(${kinds}::text[])
    group by 1, 2`.execute(db);
  return toRows(rows);
}

async function unitsDrill(db: Db, q: DrillQuery, kinds: string[], held: RawBuilder<boolean>, last: RawBuilder<string | null>) {
  const { rows } = await sql<any>`
    select u.code, u.name, u.sector, (${held}) as held, (${last}) as "lastOn", count(*) over ()::int as total
    from org_unit u
    where ${inSubtree('u.path', q)} and ${existingOn('u', q.to)} and u.grassroots_kind = any(${kinds}::text[])
      and (${q.sector ?? null}::text is null or u.sector = ${q.sector ?? null})
    order by (${held}), u.name limit ${q.limit} offset ${q.offset}`.execute(db);
  return {
    columns: [
      { key: 'code', label: 'Mã đơn vị' }, { key: 'name', label: 'Công đoàn cơ sở' }, { key: 'sector', label: 'Khu vực' },
      { key: 'held', label: 'Đã thực hiện', type: 'boolean' as const }, { key: 'lastOn', label: 'Ngày gần nhất', type: 'date' as const },
    ],
    rows: rows.map(({ total: _t, ...r }) => r),
    total: rows[0]?.total ?? 0,
  };
}

/** A held activity of a category in the period at the union, or at its enterprise, or with the union taking part. */
const heldBy = (category: string, q: { from: string; to: string }) => sql<boolean>`exists (
  select 1 from activity a
  where a.category = ${category} and a.status = 'held' and a.starts_on between ${q.from}::date and ${q.to}::date
    and (a.grassroots_id = u.id
      or a.enterprise_id in (select e.id from enterprise e where e.union_id = u.id)
      or a.id in (select p.activity_id from activity_unit p where p.unit_id = u.id)))`;
const lastHeld = (category: string, q: { to: string }) => sql<string | null>`(
  select max(a.starts_on) from activity a
  where a.category = ${category} and a.status = 'held' and a.starts_on <= ${q.to}::date
    and (a.grassroots_id = u.id or a.enterprise_id in (select e.id from enterprise e where e.union_id = u.id)
      or a.id in (select p.activity_id from activity_unit p where p.unit_id = u.id)))`;

/** An enterprise agreement (or a sector agreement binding its enterprise) in force on the period's last day. */
const cbaInForce = (q: { to: string }) => sql<boolean>`exists (
  select 1 from collective_agreement c
  where c.effective_on <= ${q.to}::date and c.expires_on >= ${q.to}::date and (c.ended_on is null or c.ended_on > ${q.to}::date)
    and (c.unit_id = u.id
      or c.enterprise_id in (select e.id from enterprise e where e.union_id = u.id)
      or c.id in (select ae.agreement_id from agreement_enterprise ae join enterprise e on e.id = ae.enterprise_id where e.union_id = u.id)))`;

const COUNTS_NOTE = ' Đoàn viên được tính theo người (mỗi người một lần) từ danh sách điểm danh; với buổi chỉ ghi số lượng, mỗi công đoàn cơ sở được cộng thêm tối đa số đoàn viên của buổi đông nhất vượt quá số người đã biết tên (số liệu tổng hợp, cận dưới, không cộng dồn các buổi). Mẫu số: đoàn viên đang sinh hoạt vào cuối kỳ.';

const participationIndicator = (key: string, label: string, description: string, category: string, enterpriseOnly = false) => defineIndicator({
  key, label, description: description + COUNTS_NOTE, kind: 'ratio', module: 'activities', unitLabel: 'đoàn viên', recordPermission: 'member.read',
  compute: async (db, q) => (await participation(db, q, category, enterpriseOnly)).map(({ unitId, sector, numerator, denominator }) => ({ unitId, sector, numerator, denominator })),
  drill: (db, q) => participationDrill(db, q, category, enterpriseOnly),
});

const holdingIndicator = (key: string, label: string, description: string, category: string, kinds: string[], bySector: boolean) => defineIndicator({
  key, label, description, kind: 'ratio', bySector, module: 'activities', unitLabel: 'CĐCS', recordPermission: 'activity.read',
  compute: (db, q) => unitsHolding(db, q, kinds, heldBy(category, q)),
  drill: (db, q) => unitsDrill(db, q, kinds, heldBy(category, q), lastHeld(category, q)),
});

const ENTERPRISE = ['enterprise'];
const ALL_GRASSROOTS = ['enterprise', 'administrative', 'public_service', 'occupational', 'small'];

export const activityIndicators = [
  participationIndicator('study_participation', 'Tỷ lệ đoàn viên tham gia học tập nghị quyết, pháp luật',
    'Số đoàn viên đang sinh hoạt đã dự ít nhất một buổi học tập, quán triệt nghị quyết hoặc tuyên truyền, phổ biến pháp luật trong kỳ, trên số đoàn viên đang sinh hoạt của đơn vị và các đơn vị trực thuộc.', 'study'),
  participationIndicator('culture_sports_participation', 'Tỷ lệ đoàn viên tham gia văn hóa, thể thao, tham quan',
    'Số đoàn viên đang sinh hoạt đã tham gia ít nhất một hoạt động văn hóa, văn nghệ, thể dục thể thao, tham quan, nghỉ dưỡng do công đoàn tổ chức hoặc phối hợp tổ chức trong kỳ, trên số đoàn viên đang sinh hoạt.', 'culture_sports'),
  participationIndicator('skills_training_participation', 'Tỷ lệ đoàn viên ở doanh nghiệp học tập nâng cao tay nghề',
    'Số đoàn viên của công đoàn cơ sở doanh nghiệp đã tham gia ít nhất một khóa đào tạo nghề, bồi dưỡng nâng cao tay nghề, kỹ năng nghề trong kỳ, trên số đoàn viên đang sinh hoạt ở công đoàn cơ sở doanh nghiệp.', 'skills_training', true),
  holdingIndicator('dialogue_held', 'Tỷ lệ doanh nghiệp tổ chức đối thoại tại nơi làm việc',
    'Số công đoàn cơ sở doanh nghiệp có ít nhất một cuộc đối thoại tại nơi làm việc (định kỳ hoặc đột xuất) đã tổ chức trong kỳ, do công đoàn cơ sở hoặc cấp trên tổ chức tại doanh nghiệp, trên số công đoàn cơ sở doanh nghiệp đang hoạt động vào cuối kỳ. Tính theo khu vực: nhà nước, ngoài nhà nước, vốn đầu tư nước ngoài.',
    'dialogue', ENTERPRISE, true),
  holdingIndicator('workers_conference_held', 'Tỷ lệ doanh nghiệp tổ chức hội nghị người lao động',
    'Số công đoàn cơ sở doanh nghiệp có hội nghị người lao động đã tổ chức trong kỳ, trên số công đoàn cơ sở doanh nghiệp đang hoạt động vào cuối kỳ. Tính theo khu vực.',
    'workers_conference', ENTERPRISE, true),
  holdingIndicator('officials_conference_held', 'Tỷ lệ cơ quan, đơn vị tổ chức hội nghị cán bộ, công chức, viên chức',
    'Số công đoàn cơ sở khu vực hành chính, sự nghiệp có hội nghị cán bộ, công chức, viên chức đã tổ chức trong kỳ, trên số công đoàn cơ sở khu vực này đang hoạt động vào cuối kỳ.',
    'workers_conference', ['administrative', 'public_service'], true),
  holdingIndicator('training_policy_units', 'Tỷ lệ công đoàn tham gia xây dựng chính sách đào tạo nghề',
    'Số công đoàn cơ sở có hồ sơ đề xuất, tham gia với cơ quan chức năng xây dựng chính sách, quy chế về đào tạo, chuyển đổi nghề trong kỳ (tự tổ chức hoặc là đơn vị tham gia hoạt động của cấp trên), trên số công đoàn cơ sở đang hoạt động vào cuối kỳ.',
    'training_policy', ALL_GRASSROOTS, false),
  defineIndicator({
    key: 'cba_coverage', label: 'Tỷ lệ doanh nghiệp có thỏa ước lao động tập thể còn hiệu lực',
    description: 'Số công đoàn cơ sở doanh nghiệp có thỏa ước lao động tập thể (cấp doanh nghiệp, hoặc thỏa ước ngành/nhiều doanh nghiệp có doanh nghiệp tham gia) còn hiệu lực vào ngày cuối kỳ, trên số công đoàn cơ sở doanh nghiệp đang hoạt động. Tính theo khu vực.',
    kind: 'ratio', bySector: true, module: 'activities', unitLabel: 'CĐCS', recordPermission: 'activity.read',
    compute: (db, q) => unitsHolding(db, q, ENTERPRISE, cbaInForce(q)),
    drill: (db, q) => unitsDrill(db, q, ENTERPRISE, cbaInForce(q), sql`(select max(c.expires_on) from collective_agreement c where c.unit_id = u.id or c.enterprise_id in (select e.id from enterprise e where e.union_id = u.id))`),
  }),
  defineIndicator({
    key: 'strikes_count', label: 'Số vụ ngừng việc tập thể, đình công',
    description: 'Số vụ ngừng việc tập thể và đình công bắt đầu trong kỳ tại các doanh nghiệp thuộc đơn vị đã chọn và các đơn vị trực thuộc.',
    kind: 'count', module: 'activities', unitLabel: 'vụ', recordPermission: 'activity.read',
    async compute(db, q) {
      const { rows } = await sql<any>`
        select ${childUnit('d.unit_path', q)} as "unitId", null::text as sector, count(*) as numerator, null::int as denominator
        from labour_dispute d where ${inSubtree('d.unit_path', q)} and d.kind in ('work_stoppage', 'strike')
          and d.started_on between ${q.from}::date and ${q.to}::date
        group by 1`.execute(db);
      return toRows(rows);
    },
    async drill(db, q) {
      const { rows } = await sql<any>`
        select e.name as enterprise, d.kind, d.started_on as "startedOn", d.workers_involved as workers, d.outcome, count(*) over ()::int as total
        from labour_dispute d join enterprise e on e.id = d.enterprise_id
        where ${inSubtree('d.unit_path', q)} and d.kind in ('work_stoppage', 'strike') and d.started_on between ${q.from}::date and ${q.to}::date
        order by d.started_on desc limit ${q.limit} offset ${q.offset}`.execute(db);
      return {
        columns: [{ key: 'enterprise', label: 'Doanh nghiệp' }, { key: 'kind', label: 'Loại' }, { key: 'startedOn', label: 'Ngày bắt đầu', type: 'date' as const },
          { key: 'workers', label: 'Số người tham gia', type: 'number' as const }, { key: 'outcome', label: 'Kết quả' }],
        rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0,
      };
    },
  }),
  defineIndicator({
    key: 'legal_support_count', label: 'Số lượt tư vấn, hỗ trợ pháp lý cho đoàn viên',
    description: 'Số yêu cầu tư vấn pháp luật, hỗ trợ pháp lý của đoàn viên, người lao động được tiếp nhận trong kỳ (không gồm nội dung vụ việc, vốn được bảo mật).',
    kind: 'count', module: 'activities', unitLabel: 'lượt', recordPermission: 'legal.sensitive',
    async compute(db, q) {
      const { rows } = await sql<any>`
        select ${childUnit('c.unit_path', q)} as "unitId", null::text as sector, count(*) as numerator, null::int as denominator
        from legal_case c where ${inSubtree('c.unit_path', q)} and c.opened_on between ${q.from}::date and ${q.to}::date group by 1`.execute(db);
      return toRows(rows);
    },
  }),
];
