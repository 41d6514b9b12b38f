import { sql } from 'kysely';
import type { HomeSection } from '../home/sections.ts';
import { ITEMS_SHOWN } from '../home/sections.ts';
import { labourSetting } from './agreements.ts';
import { dueList } from './meetings.ts';
import { today } from './common.ts';

const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const addDays = (iso: string, days: number) => new Date(Date.parse(iso + 'T00:00:00Z') + days * 86400_000).toISOString().slice(0, 10);

/** What activities and labour relations put on the home page: agreements to renew, dialogues due, what is coming, follow-ups late. */
export const activitySections: HomeSection[] = [
  {
    key: 'agreementsExpiring', permission: 'activity.read', levels: ['upper', 'grassroots'],
    async load(db, _actor, unit) {
      const windows = await labourSetting<number[]>(db, 'cba_expiry_alert_days');
      const now = today();
      const { rows } = await sql<{ id: number; title: string; enterprise: string | null; expires_on: string }>`
        select c.id, c.title, e.name as enterprise, c.expires_on from collective_agreement c left join enterprise e on e.id = c.enterprise_id
        where c.unit_path <@ ${unit.path}::ltree and c.ended_on is null and c.expires_on between ${now}::date and ${addDays(now, Math.max(...windows))}::date
          and not exists (select 1 from collective_agreement n where n.replaces_id = c.id)
        order by c.expires_on`.execute(db);
      const nearest = Math.min(...windows);
      return {
        count: rows.length, href: '/quan-he-lao-dong?tab=agreements',
        items: rows.slice(0, ITEMS_SHOWN).map((r) => {
          const days = Math.round((Date.parse(r.expires_on) - Date.parse(now)) / 86400_000);
          return { title: r.enterprise ?? r.title, detail: `Hết hạn ${vn(r.expires_on)} (còn ${days} ngày)`, href: '/quan-he-lao-dong?tab=agreements', tone: days <= nearest ? 'danger' as const : 'warning' as const };
        }),
      };
    },
  },
  {
    key: 'dialoguesDue', permission: 'activity.read', levels: ['upper', 'grassroots'],
    async load(db, actor, unit) {
      const rows = await dueList(db, actor, unit.id, Number(today().slice(0, 4)), 'dialogue');
      return {
        count: rows.length, href: '/quan-he-lao-dong?tab=due',
        items: rows.slice(0, ITEMS_SHOWN).map((r: { unitName: string; plannedOn: string | null }) => ({
          title: r.unitName, detail: r.plannedOn ? `Kế hoạch ngày ${vn(r.plannedOn)}` : 'Chưa có kế hoạch đối thoại', href: '/quan-he-lao-dong?tab=due',
          tone: r.plannedOn ? 'warning' as const : 'danger' as const,
        })),
      };
    },
  },
  {
    key: 'upcomingActivities', permission: 'activity.read', levels: ['upper', 'grassroots'],
    async load(db, _actor, unit) {
      const now = today();
      const { rows } = await sql<{ id: number; title: string; starts_on: string; unit_name: string }>`
        select a.id, a.title, a.starts_on, u.name as unit_name from activity a join org_unit u on u.id = a.unit_id
        where a.unit_path <@ ${unit.path}::ltree and a.status = 'planned' and a.starts_on between ${now}::date and ${addDays(now, 30)}::date
        order by a.starts_on, a.id`.execute(db);
      return {
        count: rows.length, href: '/hoat-dong?view=calendar',
        items: rows.slice(0, ITEMS_SHOWN).map((r) => ({ title: r.title, detail: `${vn(r.starts_on)} · ${r.unit_name}`, href: `/hoat-dong/${r.id}`, tone: 'normal' as const })),
      };
    },
  },
  {
    key: 'followupsOverdue', permission: 'activity.write', levels: ['upper', 'grassroots'],
    async load(db, _actor, unit) {
      const { rows } = await sql<{ content: string; owner: string; due_on: string; activity_id: number }>`
        select f.content, f.owner, f.due_on, f.activity_id from meeting_followup f join activity a on a.id = f.activity_id
        where a.unit_path <@ ${unit.path}::ltree and f.status = 'open' and f.due_on < ${today()}::date and a.status <> 'cancelled'
        order by f.due_on`.execute(db);
      return {
        count: rows.length, href: '/quan-he-lao-dong?tab=due',
        items: rows.slice(0, ITEMS_SHOWN).map((r) => ({ title: r.content, detail: `${r.owner} · hạn ${vn(r.due_on)}`, href: `/hoat-dong/${r.activity_id}`, tone: 'danger' as const })),
      };
    },
  },
];
