import { sql, type RawBuilder } from 'kysely';
import { scopePaths, type Actor } from '../../auth/actor.ts';

export interface MemberFilters {
  underPath: string | null;
  q?: string;
  sex?: 'male' | 'female';
  ageFrom?: number;
  ageTo?: number;
  ethnicity?: string;
  party?: boolean;
  status?: string;
  joinedYear?: number;
  groupId?: number;
}

/**
 * The WHERE clause of every member list: the caller's scope first (in SQL), then the filters.
 * Search words must each appear in the folded name, the CCCD or the phone (trigram-indexed).
 */
export function memberWhere(actor: Actor, f: MemberFilters): RawBuilder<boolean> {
  const words = (f.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 6);
  const search = words.map((w) => sql`and m.search_text like '%' || vn_fold(${w}) || '%'`);
  const today = sql`(now() at time zone 'Asia/Ho_Chi_Minh')::date`;
  return sql<boolean>`
    m.unit_path <@ any(${scopePaths(actor, 'member.read')}::ltree[])
    and (${f.underPath}::ltree is null or m.unit_path <@ ${f.underPath}::ltree)
    and (${f.status ?? 'active'}::text = 'all' or m.status = ${f.status ?? 'active'})
    and (${f.sex ?? null}::text is null or m.sex = ${f.sex ?? null})
    and (${f.ethnicity ?? null}::text is null or m.ethnicity = ${f.ethnicity ?? null})
    and (${f.party ?? null}::boolean is null or m.party_member = ${f.party ?? null})
    and (${f.joinedYear ?? null}::int is null or extract(year from m.joined_on) = ${f.joinedYear ?? null})
    and (${f.groupId ?? null}::int is null or m.group_id = ${f.groupId ?? null})
    and (${f.ageFrom ?? null}::int is null or m.birth_date <= ${today} - make_interval(years => ${f.ageFrom ?? 0}))
    and (${f.ageTo ?? null}::int is null or m.birth_date > ${today} - make_interval(years => ${(f.ageTo ?? 0) + 1}))
    ${sql.join(search, sql` `)}`;
}

/** Active members of a subtree on a past date, recounted from the events alone. */
export function membersAtDate(unitPath: string, date: string) {
  return sql<{ n: number }>`
    select count(*)::int as n from (
      select distinct on (e.member_id) e.member_id, e.kind, e.unit_id
      from member_event e
      where e.on_date <= ${date} and e.kind in ('admission', 'transfer_in', 'transfer_out', 'leave', 'death', 'restore')
      order by e.member_id, e.on_date desc, e.id desc
    ) last
    join org_unit u on u.id = last.unit_id
    where last.kind in ('admission', 'transfer_in', 'restore') and u.path <@ ${unitPath}::ltree`;
}
