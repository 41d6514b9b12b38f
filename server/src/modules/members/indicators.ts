import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { childUnit, defineIndicator, inSubtree, toRows, type DrillQuery, type DrillResult, type IndicatorQuery } from '../programme/registry.ts';

/**
 * The programme indicators the member registry feeds. Counts "at a date" are recounted from
 * member_event (member_event_sign(), migration 0101), never from the current status, so a figure
 * for 30/06 reads the same after later transfers and leavings.
 */

const MEMBER_COLUMNS = [
  { key: 'fullName', label: 'Họ và tên' }, { key: 'sex', label: 'Giới tính' }, { key: 'birthDate', label: 'Ngày sinh', type: 'date' as const },
  { key: 'unitName', label: 'Công đoàn cơ sở' },
];
const SEX_LABEL = sql`case m.sex when 'male' then 'Nam' when 'female' then 'Nữ' end`;

/** Members of the subtree at the end of `on`: their events there sum to one; `unit_id` is where they last arrived. */
function presentOn(q: Pick<IndicatorQuery, 'unitPath'>, on: string) {
  return sql`(
    select e.member_id, (array_agg(e.unit_id order by e.on_date desc, e.id desc) filter (where member_event_sign(e.kind) > 0))[1] as unit_id
    from member_event e join org_unit u on u.id = e.unit_id
    where ${inSubtree('u.path', q)} and e.on_date <= ${on}::date
    group by e.member_id
    having sum(member_event_sign(e.kind)) > 0)`;
}

/** A page of members present at the period's end, optionally narrowed (female, minority…). */
async function drillPresent(db: Db, q: DrillQuery, extra: RawBuilder<boolean> | null, columns = MEMBER_COLUMNS): Promise<DrillResult> {
  const { rows } = await sql<Record<string, unknown> & { total: number }>`
    select m.id, m.full_name as "fullName", ${SEX_LABEL} as sex, m.birth_date as "birthDate", u.name as "unitName",
           m.ethnicity, m.joined_on as "joinedOn", count(*) over ()::int as total
    from ${presentOn(q, q.to)} p join member m on m.id = p.member_id join org_unit u on u.id = p.unit_id
    ${extra ? sql`where ${extra}` : sql``}
    order by m.name_sort, m.id limit ${q.limit} offset ${q.offset}`.execute(db);
  return { columns, rows: rows.map(({ total: _t, ...r }) => ({ ...r, id: Number(r.id) })), total: rows[0]?.total ?? 0 };
}

/** Events in the period that `which` selects, by the unit where they happened. */
async function drillEvents(db: Db, q: DrillQuery, which: RawBuilder<boolean>, dateLabel: string): Promise<DrillResult> {
  const { rows } = await sql<Record<string, unknown> & { total: number }>`
    select m.id, m.full_name as "fullName", ${SEX_LABEL} as sex, m.birth_date as "birthDate", u.name as "unitName",
           e.on_date as "onDate", e.decision_no as "decisionNo", coalesce(e.reason, o.name, e.other_unit_name) as reason, count(*) over ()::int as total
    from member_event e join org_unit u on u.id = e.unit_id join member m on m.id = e.member_id left join org_unit o on o.id = e.other_unit_id
    where ${inSubtree('u.path', q)} and ${which} and e.on_date between ${q.from}::date and ${q.to}::date
    order by e.on_date, m.name_sort limit ${q.limit} offset ${q.offset}`.execute(db);
  return {
    columns: [...MEMBER_COLUMNS, { key: 'onDate', label: dateLabel, type: 'date' }, { key: 'decisionNo', label: 'Số quyết định' }, { key: 'reason', label: 'Lý do' }],
    rows: rows.map(({ total: _t, ...r }) => ({ ...r, id: Number(r.id) })),
    total: rows[0]?.total ?? 0,
  };
}

/** Signed sums of the events up to the period's end, grouped as the engine asks; `filter` narrows which members count. */
async function countPresent(db: Db, q: IndicatorQuery, numerator: RawBuilder<boolean> | null, denominator: boolean) {
  const sign = sql`member_event_sign(e.kind)`;
  const { rows } = await sql<any>`
    select ${childUnit('u.path', q)} as "unitId", null::text as sector,
      ${numerator ? sql`coalesce(sum(${sign}) filter (where ${numerator}), 0)` : sql`sum(${sign})`} as numerator,
      ${denominator ? sql`sum(${sign})` : sql`null::int`} as denominator
    from member_event e join org_unit u on u.id = e.unit_id
    ${numerator ? sql`join member m on m.id = e.member_id` : sql``}
    where ${inSubtree('u.path', q)} and e.on_date <= ${q.to}::date
    group by 1`.execute(db);
  return toRows(rows);
}

/** Leaving the subtree: leave, death, or a transfer to a union outside it (or outside the system). `o` is the other unit. */
const leftSubtree = (q: Pick<IndicatorQuery, 'unitPath'>) => sql<boolean>`(e.kind in ('leave', 'death')
  or (e.kind = 'transfer_out' and (o.id is null or not (o.path <@ ${q.unitPath}::ltree))))`;
const minority = sql<boolean>`m.ethnicity is not null and m.ethnicity <> 'Kinh'`;
const GOOD = ['excellent', 'good'];

export const memberIndicators = [
  defineIndicator({
    key: 'admissions_count',
    label: 'Số đoàn viên kết nạp mới',
    description: 'Số lượt kết nạp đoàn viên (kể cả kết nạp lại) có ngày kết nạp trong kỳ, tại các công đoàn cơ sở thuộc đơn vị đã chọn. Đoàn viên chuyển đến từ nơi khác không tính.',
    kind: 'count', module: 'members', unitLabel: 'đoàn viên', recordPermission: 'member.read',
    async compute(db, q) {
      const { rows } = await sql<any>`
        select ${childUnit('u.path', q)} as "unitId", null::text as sector, count(*) as numerator, null::int as denominator
        from member_event e join org_unit u on u.id = e.unit_id
        where ${inSubtree('u.path', q)} and e.kind = 'admission' and e.on_date between ${q.from}::date and ${q.to}::date
        group by 1`.execute(db);
      return toRows(rows);
    },
    drill: (db, q) => drillEvents(db, q, sql<boolean>`e.kind = 'admission'`, 'Ngày kết nạp'),
  }),
  defineIndicator({
    key: 'party_recommendations_count',
    label: 'Số đoàn viên ưu tú giới thiệu cho Đảng',
    description: 'Số lượt giới thiệu đoàn viên ưu tú cho tổ chức Đảng xem xét kết nạp, có ngày giới thiệu trong kỳ, do các công đoàn thuộc đơn vị đã chọn giới thiệu.',
    kind: 'count', module: 'members', unitLabel: 'đoàn viên', recordPermission: 'member.sensitive',
    async compute(db, q) {
      const { rows } = await sql<any>`
        select ${childUnit('u.path', q)} as "unitId", null::text as sector, count(*) as numerator, null::int as denominator
        from party_recommendation r join org_unit u on u.id = r.unit_id
        where ${inSubtree('u.path', q)} and r.recommended_on between ${q.from}::date and ${q.to}::date
        group by 1`.execute(db);
      return toRows(rows);
    },
    async drill(db, q) {
      const { rows } = await sql<Record<string, unknown> & { total: number }>`
        select m.id, m.full_name as "fullName", ${SEX_LABEL} as sex, m.birth_date as "birthDate", u.name as "unitName",
               r.recommended_on as "recommendedOn", r.decision_no as "decisionNo", r.party_body as "partyBody",
               case r.outcome when 'admitted' then 'Đã kết nạp Đảng' when 'not_admitted' then 'Chưa được kết nạp' else 'Đang xem xét' end as outcome,
               r.admitted_on as "admittedOn", count(*) over ()::int as total
        from party_recommendation r join org_unit u on u.id = r.unit_id join member m on m.id = r.member_id
        where ${inSubtree('u.path', q)} and r.recommended_on between ${q.from}::date and ${q.to}::date
        order by r.recommended_on, m.name_sort limit ${q.limit} offset ${q.offset}`.execute(db);
      return {
        columns: [...MEMBER_COLUMNS, { key: 'recommendedOn', label: 'Ngày giới thiệu', type: 'date' }, { key: 'decisionNo', label: 'Số văn bản' },
          { key: 'partyBody', label: 'Tổ chức Đảng' }, { key: 'outcome', label: 'Kết quả' }, { key: 'admittedOn', label: 'Ngày kết nạp Đảng', type: 'date' }],
        rows: rows.map(({ total: _t, ...r }) => ({ ...r, id: Number(r.id) })),
        total: rows[0]?.total ?? 0,
      };
    },
  }),
  defineIndicator({
    key: 'members_count',
    label: 'Số đoàn viên cuối kỳ',
    description: 'Số đoàn viên đang sinh hoạt tại các công đoàn cơ sở thuộc đơn vị đã chọn vào ngày cuối kỳ, tính lại từ các sự kiện kết nạp, chuyển đến, chuyển đi, ra khỏi tổ chức, từ trần (không lấy theo trạng thái hiện nay).',
    kind: 'count', module: 'members', unitLabel: 'đoàn viên', recordPermission: 'member.read',
    compute: (db, q) => countPresent(db, q, null, false),
    drill: (db, q) => drillPresent(db, q, null),
  }),
  defineIndicator({
    key: 'female_members_share',
    label: 'Tỷ lệ đoàn viên nữ',
    description: 'Số đoàn viên nữ trên tổng số đoàn viên vào ngày cuối kỳ, tính từ các sự kiện sinh hoạt.',
    kind: 'ratio', module: 'members', unitLabel: 'đoàn viên', recordPermission: 'member.read',
    compute: (db, q) => countPresent(db, q, sql<boolean>`m.sex = 'female'`, true),
    drill: (db, q) => drillPresent(db, q, sql<boolean>`m.sex = 'female'`),
  }),
  defineIndicator({
    key: 'ethnic_minority_members',
    label: 'Số đoàn viên người dân tộc thiểu số',
    description: 'Số đoàn viên là người dân tộc thiểu số (dân tộc khác Kinh) vào ngày cuối kỳ. Danh sách chi tiết chỉ dành cho cán bộ được xem thông tin nhạy cảm.',
    kind: 'count', module: 'members', unitLabel: 'đoàn viên', recordPermission: 'member.sensitive',
    compute: (db, q) => countPresent(db, q, minority, false),
    drill: (db, q) => drillPresent(db, q, minority, [...MEMBER_COLUMNS, { key: 'ethnicity', label: 'Dân tộc' }]),
  }),
  defineIndicator({
    key: 'members_left_count',
    label: 'Số đoàn viên giảm trong kỳ',
    description: 'Số đoàn viên ra khỏi tổ chức, từ trần, hoặc chuyển sinh hoạt ra ngoài đơn vị đã chọn trong kỳ (chuyển giữa các công đoàn trong đơn vị không tính).',
    kind: 'count', module: 'members', unitLabel: 'đoàn viên', recordPermission: 'member.read',
    async compute(db, q) {
      const { rows } = await sql<any>`
        select ${childUnit('u.path', q)} as "unitId", null::text as sector, count(*) as numerator, null::int as denominator
        from member_event e join org_unit u on u.id = e.unit_id left join org_unit o on o.id = e.other_unit_id
        where ${inSubtree('u.path', q)} and e.on_date between ${q.from}::date and ${q.to}::date and ${leftSubtree(q)}
        group by 1`.execute(db);
      return toRows(rows);
    },
    drill: (db, q) => drillEvents(db, q, leftSubtree(q), 'Ngày'),
  }),
  defineIndicator({
    key: 'members_rated_good_share',
    label: 'Tỷ lệ đoàn viên xếp loại hoàn thành tốt nhiệm vụ trở lên',
    description: 'Số đoàn viên được xếp loại hoàn thành xuất sắc hoặc hoàn thành tốt nhiệm vụ trong năm của kỳ, trên số đoàn viên được xếp loại năm đó, tại các công đoàn thuộc đơn vị đã chọn.',
    kind: 'ratio', module: 'members', unitLabel: 'đoàn viên', recordPermission: 'member.read',
    async compute(db, q) {
      const { rows } = await sql<any>`
        select ${childUnit('u.path', q)} as "unitId", null::text as sector,
          count(*) filter (where a.rating = any(${GOOD}::text[])) as numerator, count(*) as denominator
        from member_assessment a join org_unit u on u.id = a.unit_id
        where ${inSubtree('u.path', q)} and a.year = ${Number(q.to.slice(0, 4))}
        group by 1`.execute(db);
      return toRows(rows);
    },
    async drill(db, q) {
      const { rows } = await sql<Record<string, unknown> & { total: number }>`
        select m.id, m.full_name as "fullName", ${SEX_LABEL} as sex, m.birth_date as "birthDate", u.name as "unitName",
               case a.rating when 'excellent' then 'Hoàn thành xuất sắc nhiệm vụ' else 'Hoàn thành tốt nhiệm vụ' end as rating,
               count(*) over ()::int as total
        from member_assessment a join org_unit u on u.id = a.unit_id join member m on m.id = a.member_id
        where ${inSubtree('u.path', q)} and a.year = ${Number(q.to.slice(0, 4))} and a.rating = any(${GOOD}::text[])
        order by m.name_sort limit ${q.limit} offset ${q.offset}`.execute(db);
      return {
        columns: [...MEMBER_COLUMNS, { key: 'rating', label: 'Xếp loại' }],
        rows: rows.map(({ total: _t, ...r }) => ({ ...r, id: Number(r.id) })),
        total: rows[0]?.total ?? 0,
      };
    },
  }),
];
