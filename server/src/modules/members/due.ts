import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { scopePaths, type Actor } from '../../auth/actor.ts';
import { assessmentYear, renewalDays } from './settings.ts';
import { addDays } from './dates.ts';
import { listUnit, today } from './service.ts';

/**
 * What a union officer has to do about members, for the home page: members with no card, cards
 * running out, members not yet rated for the assessment year, transfers waiting for an answer.
 * Each item carries the list filter that opens the members behind it.
 */

export async function membersDue(db: Db, actor: Actor, unitId: number) {
  const unit = await listUnit(db, actor, unitId);
  const now = today();
  const dueBefore = addDays(now, await renewalDays(db, unit.path));
  const year = await assessmentYear(db, unit.path, now);
  const scope = sql`m.unit_path <@ ${unit.path}::ltree and m.unit_path <@ any(${scopePaths(actor, 'member.read')}::ltree[]) and m.status = 'active'`;
  const { rows: [c] } = await sql<{ noCard: number; expiring: number; unrated: number; active: number }>`
    select count(*) filter (where m.card_number is null)::int as "noCard",
           count(*) filter (where m.card_valid_until < ${dueBefore}::date)::int as expiring,
           count(*) filter (where (m.joined_on is null or m.joined_on <= make_date(${year}::int, 12, 31))
             and not exists (select 1 from member_assessment a where a.member_id = m.id and a.year = ${year}))::int as unrated,
           count(*)::int as active
    from member m where ${scope}`.execute(db);
  const { rows: [t] } = await sql<{ incoming: number; outgoing: number }>`
    select count(*) filter (where tu.path <@ ${unit.path}::ltree)::int as incoming,
           count(*) filter (where f.path <@ ${unit.path}::ltree)::int as outgoing
    from member_transfer t join org_unit f on f.id = t.from_unit_id join org_unit tu on tu.id = t.to_unit_id
    where t.status = 'pending' and (tu.path <@ ${unit.path}::ltree or f.path <@ ${unit.path}::ltree)
      and (tu.path <@ any(${scopePaths(actor, 'member.read')}::ltree[]) or f.path <@ any(${scopePaths(actor, 'member.read')}::ltree[]))`.execute(db);
  return {
    unitId, activeMembers: c.active,
    noCard: { count: c.noCard, filter: { card: 'none' } },
    cardExpiring: { count: c.expiring, before: dueBefore, filter: { card: 'expiring' } },
    unrated: { count: c.unrated, year, filter: { unratedYear: year } },
    transfers: { incoming: t.incoming, outgoing: t.outgoing },
  };
}

