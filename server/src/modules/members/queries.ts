import { sql, type RawBuilder } from 'kysely';
import { fold } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { scopePaths, type Actor } from '../../auth/actor.ts';

/** The unit whose subtree a list shows, with what narrows the query to its indexes. */
export interface ListUnit {
  id: number;
  path: string;
  kind: string;
  provinceId: number | null;
}

export interface MemberFilters {
  q?: string;
  sex?: 'male' | 'female';
  ageFrom?: number;
  ageTo?: number;
  ethnicity?: string;
  /** Members of an ethnic minority (anything but Kinh). */
  minority?: boolean;
  religion?: string;
  party?: boolean;
  status?: string;
  joinedYear?: number;
  groupId?: number;
  /** 'none': no card yet; 'expiring': the card runs out before `cardDueBefore`. */
  card?: 'none' | 'expiring';
  cardDueBefore?: string;
  /** Not yet rated for this year (and a member by its end). */
  unratedYear?: number;
}

/** Filters that reveal sensitive fields: only for roles that may see those fields. */
export const SENSITIVE_FILTERS = ['ethnicity', 'minority', 'religion', 'party'] as const;

export interface SearchTerm {
  /** A LIKE pattern over member.search_text. */
  pattern: string;
  /** Digits match the CCCD or the phone; the CCCD only where the caller may see it. */
  digits: boolean;
}

/**
 * The words of a search box, folded like the database folds names (no diacritics, đ→d, lower
 * case). A word of letters matches the start of a word of the name ("hang" finds Hằng, not
 * Thắng); digits match anywhere in the CCCD or phone. Digit runs under 3 are too short to mean
 * anything (and to index), so they are dropped.
 */
export function searchTerms(q: string | undefined): SearchTerm[] {
  const words = fold(q ?? '').split(/[^a-z0-9]+/).filter(Boolean);
  const terms: SearchTerm[] = [];
  for (const w of words) {
    if (/^\d+$/.test(w)) {
      if (w.length >= 3) terms.push({ pattern: `%${w}%`, digits: true });
    } else {
      terms.push({ pattern: `% ${w}%`, digits: false });
    }
  }
  return terms.slice(0, 6);
}

/**
 * The WHERE clause of every member list: the caller's scope first (in SQL), the chosen unit's
 * subtree, then the filters and the search. With `indexedSearch` false the search is written so
 * that no trigram index can serve it: for a word that matches thousands of members, walking the
 * given-name index and filtering is faster than fetching every match to sort it.
 */
export function memberWhere(actor: Actor, unit: ListUnit, f: MemberFilters, opts: { indexedSearch?: boolean } = {}): RawBuilder<boolean> {
  const indexed = opts.indexedSearch ?? true;
  const text = indexed ? sql`m.search_text` : sql`(m.search_text || '')`;
  const revealPaths = scopePaths(actor, 'member.sensitive');
  const search = searchTerms(f.q).map((t) => t.digits
    ? sql`and ${text} like ${t.pattern} and (m.phone like ${t.pattern}
        or (m.citizen_id like ${t.pattern} and m.unit_path <@ any(${revealPaths}::ltree[])))`
    : sql`and ${text} like ${t.pattern}`);
  const today = sql`(now() at time zone 'Asia/Ho_Chi_Minh')::date`;
  // A union's members sit on the union itself (their group is a column), so a union or a group
  // narrows to an indexed equality; a higher level narrows to its province.
  const narrow = unit.kind === 'grassroots' ? sql`and m.unit_id = ${unit.id}`
    : unit.kind === 'union_group' ? sql`and m.group_id = ${unit.id}`
      : unit.provinceId !== null && unit.kind !== 'confederation' ? sql`and m.province_id = ${unit.provinceId}` : sql``;
  const status = f.status ?? 'active';
  return sql<boolean>`
    m.unit_path <@ any(${scopePaths(actor, 'member.read')}::ltree[])
    ${unit.kind === 'union_group' ? sql`` : sql`and m.unit_path <@ ${unit.path}::ltree`}
    ${narrow}
    ${status === 'all' ? sql`` : sql`and m.status = ${status}`}
    ${f.sex ? sql`and m.sex = ${f.sex}` : sql``}
    ${f.ethnicity ? sql`and m.ethnicity = ${f.ethnicity}` : sql``}
    ${f.minority === undefined ? sql`` : f.minority ? sql`and m.ethnicity is not null and m.ethnicity <> 'Kinh'` : sql`and m.ethnicity = 'Kinh'`}
    ${f.religion ? sql`and m.religion = ${f.religion}` : sql``}
    ${f.party === undefined ? sql`` : sql`and m.party_member = ${f.party}`}
    ${f.joinedYear ? sql`and m.joined_on >= make_date(${f.joinedYear}::int, 1, 1) and m.joined_on < make_date(${f.joinedYear}::int + 1, 1, 1)` : sql``}
    ${f.groupId ? sql`and m.group_id = ${f.groupId}` : sql``}
    ${f.card === 'none' ? sql`and m.card_number is null` : sql``}
    ${f.card === 'expiring' && f.cardDueBefore ? sql`and m.card_valid_until < ${f.cardDueBefore}::date` : sql``}
    ${f.unratedYear ? sql`and (m.joined_on is null or m.joined_on <= make_date(${f.unratedYear}::int, 12, 31))
      and not exists (select 1 from member_assessment a where a.member_id = m.id and a.year = ${f.unratedYear})` : sql``}
    ${f.ageFrom !== undefined ? sql`and m.birth_date <= ${today} - make_interval(years => ${f.ageFrom}::int)` : sql``}
    ${f.ageTo !== undefined ? sql`and m.birth_date > ${today} - make_interval(years => ${f.ageTo}::int + 1)` : sql``}
    ${sql.join(search, sql` `)}`;
}

/**
 * Pins the access path of the statements that follow in this transaction (set_config(…, true)
 * is SET LOCAL). 'trigram' leaves only bitmap scans, so the trigram index serves the search.
 * 'name_order' leaves only plain index scans and no sort, so the given-name index of the union
 * or province is walked in order and the walk stops at the page's last row. Disabled paths
 * inflate the cost estimates, which would wake the JIT compiler for a 2 ms query: JIT goes off too.
 */
export async function forcePlan(trx: Db, plan: 'trigram' | 'name_order') {
  const [index, bitmap, sort] = plan === 'trigram' ? ['off', 'on', 'on'] : ['on', 'off', 'off'];
  await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', ${index}, true),
    set_config('enable_bitmapscan', ${bitmap}, true), set_config('enable_sort', ${sort}, true),
    set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`.execute(trx);
}

/** Lists never count past this: beyond it the page says "more than 10 000" and paging goes on by key. */
export const COUNT_CAP = 10_000;

/** How many members match, stopping at COUNT_CAP + 1. */
export function countQuery(where: RawBuilder<boolean>, cap = COUNT_CAP) {
  return sql<{ n: number }>`select count(*)::int as n from (select 1 from member m where ${where} limit ${cap + 1}) x`;
}

export async function countCapped(db: Db, where: RawBuilder<boolean>, cap = COUNT_CAP): Promise<number> {
  const { rows: [{ n }] } = await countQuery(where, cap).execute(db);
  return n;
}

/**
 * Count and page in one statement: the matches (up to `cap` + 1) are collected with their sort
 * keys, counted, and the page is cut from them in given-name order. Exact while the count stays
 * within `cap`; beyond it the caller reads the page with pageQuery() instead.
 */
export function countAndPageQuery(where: RawBuilder<boolean>, p: { cursor: { nameSort: string; id: number } | null; offset: number; limit: number }, cap = COUNT_CAP) {
  return sql<any>`
    with hits as materialized (select m.id, m.name_sort from member m where ${where} limit ${cap + 1}),
    counted as (select count(*)::int as total_hits from hits),
    page as (
      select h.id, h.name_sort from hits h
      ${p.cursor ? sql`where (h.name_sort, h.id) > (${p.cursor.nameSort}, ${p.cursor.id})` : sql``}
      order by h.name_sort, h.id limit ${p.limit + 1} offset ${p.offset})
    select c.total_hits, m.*, u.name as unit_name, g.name as group_name
    from counted c
    left join page on true
    left join member m on m.id = page.id
    left join org_unit u on u.id = m.unit_id
    left join org_unit g on g.id = m.group_id
    order by page.name_sort, page.id`;
}

/** How many index entries a search probe reads in given-name order before giving up on the walk. */
export const PROBE_WINDOW = 20_000;

/**
 * The walk of a common word: reads the next PROBE_WINDOW entries of the province's given-name
 * index (index-only: member_province_sort carries unit_path, status and search_text) and keeps
 * those that match. A full page means the word is common enough that this page is right; fewer
 * means it is rare, and the trigram index is the better road.
 */
export function probeQuery(where: RawBuilder<boolean>, provinceId: number, p: { cursor: { nameSort: string; id: number } | null; limit: number }, window = PROBE_WINDOW) {
  return sql<any>`
    select m.*, u.name as unit_name, g.name as group_name
    from (
      select m.id, m.name_sort from (
        select m.id, m.name_sort, m.province_id, m.unit_path, m.status, m.search_text from member m
        where m.province_id = ${provinceId} ${p.cursor ? sql`and (m.name_sort, m.id) > (${p.cursor.nameSort}, ${p.cursor.id})` : sql``}
        order by m.name_sort, m.id limit ${window}) m
      where ${where}
      order by m.name_sort, m.id limit ${p.limit + 1}) hit
    join member m on m.id = hit.id join org_unit u on u.id = m.unit_id left join org_unit g on g.id = m.group_id
    order by hit.name_sort, hit.id`;
}

/** One page in given-name order, after a keyset cursor (or at an offset), with one row more to tell if a next page exists. */
export function pageQuery(where: RawBuilder<boolean>, p: { cursor: { nameSort: string; id: number } | null; offset: number; limit: number }) {
  return sql<any>`
    select m.*, u.name as unit_name, g.name as group_name
    from member m join org_unit u on u.id = m.unit_id left join org_unit g on g.id = m.group_id
    where ${where} ${p.cursor ? sql`and (m.name_sort, m.id) > (${p.cursor.nameSort}, ${p.cursor.id})` : sql``}
    order by m.name_sort, m.id
    limit ${p.limit + 1} offset ${p.offset}`;
}

/** The keyset position after a row: its given-name key and id, opaque to the browser. */
export function encodeCursor(nameSort: string, id: number): string {
  return Buffer.from(JSON.stringify([nameSort, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { nameSort: string; id: number } | null {
  if (!cursor) return null;
  try {
    const [nameSort, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    return typeof nameSort === 'string' && Number.isInteger(id) ? { nameSort, id } : null;
  } catch {
    return null;
  }
}

/** Members of a subtree on a past date, recounted from the events alone (see members_on() in 0101). */
export function membersAtDate(unitPath: string, date: string) {
  return sql<{ n: number }>`select coalesce(sum(members), 0)::int as n from members_on(${date}::date, ${unitPath}::ltree)`;
}
