-- Per-unit daily counts behind the participation indicators (T1, T6, T8) at province scale:
-- a province's figure then sums a few tens of thousands of (unit, day) rows instead of reading a
-- million index entries. Kept exact by statement-level triggers; people who are no longer
-- members are few and read from partial indexes.

-- Members still active (status active, not left), by union. Active members on a past date are
-- these, less those who joined after it, plus those who left after it (both few for recent periods).
create table member_unit_count (
  unit_id integer primary key,
  members integer not null
);

create or replace function member_unit_count_sync() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into member_unit_count as c (unit_id, members)
    select unit_id, count(*)::int from new_rows where status = 'active' and left_on is null group by 1
    on conflict (unit_id) do update set members = c.members + excluded.members;
  elsif tg_op = 'UPDATE' then
    insert into member_unit_count as c (unit_id, members)
    select unit_id, sum(n)::int from (
      select unit_id, 1 as n from new_rows where status = 'active' and left_on is null
      union all
      select unit_id, -1 from old_rows where status = 'active' and left_on is null) x
    group by 1 having sum(n) <> 0
    on conflict (unit_id) do update set members = c.members + excluded.members;
  else
    insert into member_unit_count as c (unit_id, members)
    select unit_id, -count(*)::int from old_rows where status = 'active' and left_on is null group by 1
    on conflict (unit_id) do update set members = c.members + excluded.members;
  end if;
  return null;
end $$;
create trigger member_unit_count_insert after insert on member
  referencing new table as new_rows for each statement execute function member_unit_count_sync();
create trigger member_unit_count_update after update on member
  referencing old table as old_rows new table as new_rows for each statement execute function member_unit_count_sync();
create trigger member_unit_count_delete after delete on member
  referencing old table as old_rows for each statement execute function member_unit_count_sync();
insert into member_unit_count (unit_id, members)
  select unit_id, count(*)::int from member where status = 'active' and left_on is null group by 1;
create index member_active_joined on member (joined_on) include (unit_id) where status = 'active' and left_on is null;
create index member_not_active on member (unit_id) include (joined_on, left_on, status) where not (status = 'active' and left_on is null);

-- Members still active whose first attendance of the year in a category fell on a day, by union.
create table participation_daily (
  unit_id  integer not null,
  category text not null,
  year     integer not null,
  first_on date not null,
  members  integer not null,
  primary key (category, year, unit_id, first_on)
);

create or replace function participation_daily_sync() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into participation_daily as d (unit_id, category, year, first_on, members)
    select unit_id, category, year, first_on, count(*)::int from new_rows where member_active group by 1, 2, 3, 4
    on conflict (category, year, unit_id, first_on) do update set members = d.members + excluded.members;
  elsif tg_op = 'UPDATE' then
    insert into participation_daily as d (unit_id, category, year, first_on, members)
    select unit_id, category, year, first_on, sum(n)::int from (
      select unit_id, category, year, first_on, 1 as n from new_rows where member_active
      union all
      select unit_id, category, year, first_on, -1 from old_rows where member_active) x
    group by 1, 2, 3, 4 having sum(n) <> 0
    on conflict (category, year, unit_id, first_on) do update set members = d.members + excluded.members;
  else
    insert into participation_daily as d (unit_id, category, year, first_on, members)
    select unit_id, category, year, first_on, -count(*)::int from old_rows where member_active group by 1, 2, 3, 4
    on conflict (category, year, unit_id, first_on) do update set members = d.members + excluded.members;
  end if;
  return null;
end $$;
create trigger participation_daily_insert after insert on member_participation
  referencing new table as new_rows for each statement execute function participation_daily_sync();
create trigger participation_daily_update after update on member_participation
  referencing old table as old_rows new table as new_rows for each statement execute function participation_daily_sync();
create trigger participation_daily_delete after delete on member_participation
  referencing old table as old_rows for each statement execute function participation_daily_sync();
insert into participation_daily (unit_id, category, year, first_on, members)
  select unit_id, category, year, first_on, count(*)::int from member_participation where member_active group by 1, 2, 3, 4;
create index member_participation_inactive on member_participation (category, year, unit_id) include (first_on, left_on) where not member_active;
