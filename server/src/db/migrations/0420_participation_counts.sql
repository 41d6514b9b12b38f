-- Per-unit daily counts behind the participation indicators (T1, T6, T8) at province scale:
-- a province's figure then sums a few tens of thousands of (unit, day) rows instead of reading a
-- million index entries. Kept exact by statement-level triggers; people who are no longer
-- members are few and read from partial indexes.

-- Members still active (status active, not left), by union and joining day ('1900-01-01' when unknown).
create table member_unit_daily (
  unit_id   integer not null,
  joined_on date not null,
  members   integer not null,
  primary key (unit_id, joined_on)
);

create or replace function member_unit_daily_sync() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into member_unit_daily as d (unit_id, joined_on, members)
    select unit_id, coalesce(joined_on, date '1900-01-01'), count(*)::int from new_rows
    where status = 'active' and left_on is null group by 1, 2
    on conflict (unit_id, joined_on) do update set members = d.members + excluded.members;
  elsif tg_op = 'UPDATE' then
    insert into member_unit_daily as d (unit_id, joined_on, members)
    select unit_id, j, sum(n)::int from (
      select unit_id, coalesce(joined_on, date '1900-01-01') as j, 1 as n from new_rows where status = 'active' and left_on is null
      union all
      select unit_id, coalesce(joined_on, date '1900-01-01'), -1 from old_rows where status = 'active' and left_on is null) x
    group by 1, 2 having sum(n) <> 0
    on conflict (unit_id, joined_on) do update set members = d.members + excluded.members;
  else
    insert into member_unit_daily as d (unit_id, joined_on, members)
    select unit_id, coalesce(joined_on, date '1900-01-01'), -count(*)::int from old_rows
    where status = 'active' and left_on is null group by 1, 2
    on conflict (unit_id, joined_on) do update set members = d.members + excluded.members;
  end if;
  return null;
end $$;
create trigger member_unit_daily_insert after insert on member
  referencing new table as new_rows for each statement execute function member_unit_daily_sync();
create trigger member_unit_daily_update after update on member
  referencing old table as old_rows new table as new_rows for each statement execute function member_unit_daily_sync();
create trigger member_unit_daily_delete after delete on member
  referencing old table as old_rows for each statement execute function member_unit_daily_sync();
insert into member_unit_daily (unit_id, joined_on, members)
  select unit_id, coalesce(joined_on, date '1900-01-01'), count(*)::int from member where status = 'active' and left_on is null group by 1, 2;
create index member_not_active on member (unit_id) include (joined_on, left_on) where not (status = 'active' and left_on is null);

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
