import { sql } from 'kysely';
import type { HomeSection } from '../home/sections.ts';
import { ITEMS_SHOWN } from '../home/sections.ts';

const vnNow = () => new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Ho_Chi_Minh' }));

/** The report due now: the half-year one from July, the annual one from the new year (for the year before). */
export function currentReportPeriod(now = vnNow()): { kind: 'half_year' | 'year'; year: number } {
  return now.getMonth() >= 6 ? { kind: 'half_year', year: now.getFullYear() } : { kind: 'year', year: now.getFullYear() - 1 };
}

const STATUS_TEXT: Record<string, string> = {
  draft: 'Đang soạn', returned: 'Bị trả lại', submitted: 'Đã gửi, chờ duyệt',
};

export const reportSections: HomeSection[] = [
  {
    key: 'reportsPending',
    permission: 'report.review',
    levels: ['upper'],
    async load(db, _actor, unit) {
      const { kind, year } = currentReportPeriod();
      const { rows } = await sql<{ id: number; name: string; status: string | null }>`
        select c.id, c.name, r.status from org_unit c
        left join lateral (select status from report r where r.unit_id = c.id and r.kind = ${kind} and r.year = ${year}
                           order by r.version desc limit 1) r on true
        where c.parent_id = ${unit.id} and c.kind <> 'union_group' and c.dissolved_on is null
          and r.status is distinct from 'accepted' and r.status is distinct from 'exempted'
        order by (r.status = 'submitted') desc nulls last, c.name`.execute(db);
      return {
        count: rows.length,
        href: '/bao-cao',
        items: rows.slice(0, ITEMS_SHOWN).map((r) => ({
          title: r.name, detail: r.status ? STATUS_TEXT[r.status] : 'Chưa lập báo cáo', href: '/bao-cao', tone: r.status === 'submitted' ? 'warning' : 'danger',
        })),
      };
    },
  },
  {
    key: 'ownReportDue',
    permission: 'report.submit',
    levels: ['grassroots'],
    async load(db, _actor, unit) {
      const { kind, year } = currentReportPeriod();
      const own = await db.selectFrom('report').select(['status']).where('unit_id', '=', unit.id).where('kind', '=', kind)
        .where('year', '=', year).orderBy('version', 'desc').executeTakeFirst();
      const due = !own || own.status === 'draft' || own.status === 'returned';
      return {
        count: due ? 1 : 0, href: '/bao-cao',
        items: due ? [{ title: `Báo cáo ${kind === 'half_year' ? '6 tháng đầu năm' : 'năm'} ${year}`, detail: own ? STATUS_TEXT[own.status] : 'Chưa lập báo cáo', href: '/bao-cao', tone: own?.status === 'returned' ? 'danger' : 'warning' }] : [],
      };
    },
  },
];
