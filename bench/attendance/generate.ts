import type pg from 'pg';

export interface AttendanceShape { cities: number; grassroots: number; members: number; activities: number; attendance: number; year: number }

const ms = (t: number) => `${(t / 1000).toFixed(1)} s`;

/**
 * Members, activities and attendance for the benchmark province, set-based. The attendance rows
 * are drawn per activity from the members of its union with a per-member engagement (the same
 * people come back), loaded with triggers off, then the per-year participation table is built in
 * one statement — the same rows the attendance trigger keeps in the app.
 */
export async function* generateAttendance(client: pg.Client, s: AttendanceShape): AsyncGenerator<string> {
  let t = performance.now();
  // The members' trigram search index is not what is measured: built after the load it costs minutes for nothing.
  await client.query('drop index if exists member_search_trgm');
  await client.query(`
    insert into member (id, province_id, unit_id, unit_path, full_name, name_sort, sex, joined_on, status, left_on)
    select g, 2, u.id, u.path, 'Đoàn viên ' || g, 'doan vien ' || g, case when hashint(g * 3) % 100 < 58 then 'female' else 'male' end,
      date '2000-01-01' + (hashint(g * 5) % 9000)::int,
      case when hashint(g * 11) % 100 < 3 then 'left' else 'active' end,
      case when hashint(g * 11) % 100 < 3 then make_date(${s.year}, 1 + (hashint(g) % 12)::int, 15) end
    from generate_series(1, ${s.members}) g
    join org_unit u on u.id = 10000 + 1 + (hashint(g * 13) % ${s.grassroots})`);
  await client.query(`select setval(pg_get_serial_sequence('member', 'id'), ${s.members} + 1)`);
  yield `đoàn viên: ${s.members}, ${ms(performance.now() - t)}`;

  t = performance.now();
  // Kinds in the proportions a province records: study 35 %, culture 25 %, skills 15 %, the rest meetings and others.
  await client.query(`
    insert into activity (id, unit_id, unit_path, kind_id, category, title, starts_on, ends_on, status, attendance_mode, count_total, count_members, co_organisers)
    select a, u.id, u.path, k.id, k.category, k.name || ' ' || a, d, d, 'held',
      case when hashint(a * 17) % 100 < 8 then 'counts' else 'members' end, 200, 150, '[]'
    from generate_series(1, ${s.activities}) a
    cross join lateral (select (case when hashint(a * 7) % 100 < 35 then 'study_resolution' when hashint(a * 7) % 100 < 60 then 'culture_sports'
      when hashint(a * 7) % 100 < 75 then 'skills_upgrade' when hashint(a * 7) % 100 < 83 then 'dialogue_periodic'
      when hashint(a * 7) % 100 < 88 then 'workers_conference' else 'osh' end) as code,
      make_date(${s.year}, 1, 1) + (hashint(a * 19) % 360)::int as d) x
    join activity_kind k on k.code = x.code
    join org_unit u on u.id = 10000 + 1 + (hashint(a * 23) % ${s.grassroots})`);
  await client.query(`select setval(pg_get_serial_sequence('activity', 'id'), ${s.activities} + 1)`);
  yield `hoạt động: ${s.activities}, ${ms(performance.now() - t)}`;

  t = performance.now();
  // Rate so that the expected total is the asked number of rows.
  const { rows: [{ pairs }] } = await client.query(`select count(*)::float8 as pairs from activity a join member m on m.unit_id = a.grassroots_id
    where a.attendance_mode = 'members' and m.joined_on <= a.starts_on and (m.left_on is null or m.left_on > a.starts_on)`);
  const rate = Math.min(1, s.attendance / pairs);
  await client.query(`set session_replication_role = replica`);
  await client.query(`
    insert into attendance (province_id, activity_id, member_id, category, held_on, member_unit_id, method)
    select a.province_id, a.id, m.id, a.category, a.starts_on, m.unit_id, 'pick'
    from activity a join member m on m.unit_id = a.grassroots_id
    where a.attendance_mode = 'members' and m.joined_on <= a.starts_on and (m.left_on is null or m.left_on > a.starts_on)
      and (hashint(m.id * 29 + length(a.category)) % 1000) * 0.0006 + (hashint(a.id * 1000003 + m.id) % 1000) * 0.0004 < ${rate}`);
  await client.query(`set session_replication_role = origin`);
  yield `điểm danh: tỷ lệ chọn ${(rate * 100).toFixed(1)}% của ${pairs} cặp (hoạt động, đoàn viên), ${ms(performance.now() - t)}`;

  t = performance.now();
  await client.query(`
    insert into member_participation (province_id, member_id, category, year, first_on, sessions, unit_id, member_active, left_on)
    select m.province_id, t.member_id, t.category, extract(year from t.held_on)::int, min(t.held_on), count(*), m.unit_id, m.status = 'active', m.left_on
    from attendance t join member m on m.id = t.member_id where t.counted
    group by m.province_id, t.member_id, t.category, extract(year from t.held_on), m.unit_id, m.status, m.left_on`);
  yield `bảng tham gia theo năm (dựng một lần như trigger vẫn giữ): ${ms(performance.now() - t)}`;
}
