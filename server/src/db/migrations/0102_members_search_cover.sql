-- A search for a common word ("anh", "nguyen") across a province walks the given-name index and
-- stops at the page's last match. With the columns the walk filters on carried in the index, the
-- walk reads the index alone (an index-only scan) instead of one table page per member passed.
drop index member_province_sort;
create index member_province_sort on member (province_id, name_sort, id) include (unit_path, status, search_text);
