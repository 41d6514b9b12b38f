import { sql } from 'kysely';
import { childUnit, defineIndicator, inSubtree, toRows, type DrillQuery, type IndicatorQuery } from './registry.ts';
import type { Db } from '../../db/connection.ts';

/**
 * Indicators of the union tree and of the reports themselves: the records exist as soon as the
 * tree does, so these work before any other module lands.
 */

/** Grassroots unions that exist on a date: founded by then (or undated) and not dissolved by then. */
const existingOn = (alias: string, date: string) =>
  sql`${sql.ref(alias + '.kind')} = 'grassroots' and (${sql.ref(alias + '.founded_on')} is null or ${sql.ref(alias + '.founded_on')} <= ${date}::date)
    and (${sql.ref(alias + '.dissolved_on')} is null or ${sql.ref(alias + '.dissolved_on')} > ${date}::date)`;

async function unitDrill(db: Db, q: DrillQuery, where: ReturnType<typeof sql>) {
  const { rows } = await sql<Record<string, unknown> & { total: number }>`
    select u.id, u.code, u.name, u.sector, u.founded_on as "foundedOn", count(*) over ()::int as total
    from org_unit u where ${inSubtree('u.path', q)} and ${where}
      and (${q.sector ?? null}::text is null or u.sector = ${q.sector ?? null})
    order by u.name limit ${q.limit} offset ${q.offset}`.execute(db);
  return {
    columns: [
      { key: 'code', label: 'Mã đơn vị' }, { key: 'name', label: 'Tên đơn vị' },
      { key: 'sector', label: 'Khu vực' }, { key: 'foundedOn', label: 'Ngày thành lập', type: 'date' as const },
    ],
    rows: rows.map(({ total: _t, ...r }) => r),
    total: rows[0]?.total ?? 0,
  };
}

export const unitIndicators = [
  defineIndicator({
    key: 'grassroots_founded',
    label: 'Số công đoàn cơ sở thành lập mới',
    description: 'Số công đoàn cơ sở có ngày thành lập trong kỳ, thuộc đơn vị đã chọn và các đơn vị trực thuộc; tính theo khu vực của đơn vị.',
    kind: 'count', bySector: true, module: 'org', unitLabel: 'CĐCS', recordPermission: 'unit.read',
    async compute(db: Db, q: IndicatorQuery) {
      const { rows } = await sql<any>`
        select ${childUnit('u.path', q)} as "unitId", u.sector, count(*) as numerator, null::int as denominator
        from org_unit u
        where ${inSubtree('u.path', q)} and u.kind = 'grassroots' and u.founded_on between ${q.from}::date and ${q.to}::date
        group by 1, 2`.execute(db);
      return toRows(rows);
    },
    drill: (db, q) => unitDrill(db, q, sql`u.kind = 'grassroots' and u.founded_on between ${q.from}::date and ${q.to}::date`),
  }),
  defineIndicator({
    key: 'grassroots_report_accepted',
    label: 'Tỷ lệ công đoàn cơ sở có báo cáo được duyệt',
    description: 'Số công đoàn cơ sở có báo cáo của kỳ (6 tháng nếu kỳ kết thúc ngày 30/6, cả năm nếu không) đã được cấp trên duyệt, trên số công đoàn cơ sở đang hoạt động vào cuối kỳ (trừ đơn vị được miễn báo cáo). Tính theo khu vực.',
    kind: 'ratio', bySector: true, module: 'programme', unitLabel: 'CĐCS', recordPermission: 'report.read',
    async compute(db: Db, q: IndicatorQuery) {
      const kind = q.to.endsWith('-06-30') ? 'half_year' : 'year';
      const year = Number(q.to.slice(0, 4));
      const { rows } = await sql<any>`
        select ${childUnit('u.path', q)} as "unitId", u.sector,
          count(*) filter (where r.status = 'accepted') as numerator,
          count(*) filter (where r.status is distinct from 'exempted') as denominator
        from org_unit u
        left join lateral (select status from report r where r.unit_id = u.id and r.kind = ${kind} and r.year = ${year}
                           order by (r.status = 'accepted') desc, r.version desc limit 1) r on true
        where ${inSubtree('u.path', q)} and ${existingOn('u', q.to)}
        group by 1, 2`.execute(db);
      return toRows(rows);
    },
    drill: (db, q) => unitDrill(db, q, sql`${existingOn('u', q.to)}`),
  }),
];
