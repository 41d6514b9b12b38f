import { sql } from 'kysely';
import type { HomeSection } from '../home/sections.ts';
import { ITEMS_SHOWN } from '../home/sections.ts';
import { scopePaths } from '../../auth/actor.ts';
import { addDays } from './dates.ts';
import { assessmentYear, renewalDays } from './settings.ts';
import { today } from './service.ts';

const vn = (iso: string) => iso.split('-').reverse().join('/');

/** A page of active members of the unit that `where` selects, for a home section. */
async function membersWhere(db: Parameters<HomeSection['load']>[0], actor: Parameters<HomeSection['load']>[1], path: string, where: ReturnType<typeof sql>) {
  const { rows } = await sql<{ id: number; full_name: string; detail: string | null; n: number }>`
    select m.id, m.full_name, u.name as detail, count(*) over ()::int as n
    from member m join org_unit u on u.id = m.unit_id
    where m.unit_path <@ ${path}::ltree and m.unit_path <@ any(${scopePaths(actor, 'member.read')}::ltree[]) and m.status = 'active' and ${where}
    order by m.name_sort, m.id limit ${ITEMS_SHOWN}`.execute(db);
  return { count: rows[0]?.n ?? 0, rows };
}

/** What a union officer has to do about members: cards to issue or renew, ratings to enter, transfers to answer. */
export const memberSections: HomeSection[] = [
  {
    key: 'membersNoCard', permission: 'member.write', levels: ['grassroots'],
    async load(db, actor, unit) {
      const r = await membersWhere(db, actor, unit.path, sql`m.card_number is null`);
      return { count: r.count, href: '/doan-vien?card=none', items: r.rows.map((m) => ({ title: m.full_name, detail: 'Chưa có thẻ', href: `/doan-vien/${m.id}`, tone: 'warning' as const })) };
    },
  },
  {
    key: 'membersCardExpiring', permission: 'member.write', levels: ['grassroots'],
    async load(db, actor, unit) {
      const before = addDays(today(), await renewalDays(db, unit.path));
      const r = await membersWhere(db, actor, unit.path, sql`m.card_valid_until < ${before}::date`);
      return { count: r.count, href: '/doan-vien?card=expiring', items: r.rows.map((m) => ({ title: m.full_name, detail: `Thẻ hết hạn trước ${vn(before)}`, href: `/doan-vien/${m.id}`, tone: 'warning' as const })) };
    },
  },
  {
    key: 'membersUnrated', permission: 'member.write', levels: ['grassroots'],
    async load(db, actor, unit) {
      const year = await assessmentYear(db, unit.path, today());
      const r = await membersWhere(db, actor, unit.path, sql`(m.joined_on is null or m.joined_on <= make_date(${year}::int, 12, 31))
        and not exists (select 1 from member_assessment a where a.member_id = m.id and a.year = ${year})`);
      return { count: r.count, href: '/doan-vien/xep-loai', items: r.rows.map((m) => ({ title: m.full_name, detail: `Chưa xếp loại năm ${year}`, href: `/doan-vien/${m.id}`, tone: 'normal' as const })) };
    },
  },
  {
    key: 'memberTransfersIncoming', permission: 'member.write', levels: ['grassroots', 'upper'],
    async load(db, _actor, unit) {
      const { rows } = await sql<{ full_name: string; from_name: string; requested_on: string; n: number }>`
        select m.full_name, f.name as from_name, t.requested_on::text, count(*) over ()::int as n
        from member_transfer t join member m on m.id = t.member_id join org_unit f on f.id = t.from_unit_id join org_unit tu on tu.id = t.to_unit_id
        where t.status = 'pending' and tu.path <@ ${unit.path}::ltree
        order by t.requested_at limit ${ITEMS_SHOWN}`.execute(db);
      return {
        count: rows[0]?.n ?? 0, href: '/doan-vien/chuyen-sinh-hoat',
        items: rows.map((r) => ({ title: r.full_name, detail: `Từ ${r.from_name}, đề nghị ngày ${vn(r.requested_on)}`, href: '/doan-vien/chuyen-sinh-hoat', tone: 'warning' as const })),
      };
    },
  },
];
