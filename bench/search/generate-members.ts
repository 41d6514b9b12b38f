import type pg from 'pg';
import { fold, nameSortKey } from '@cds/shared';

/**
 * A province's members for the benchmarks, generated set-based on the PostgreSQL server: a table
 * of Vietnamese names (made here, with their given-name sort keys), then one INSERT … SELECT from
 * generate_series for the members, their events (admission, some transfers and leavings), 2025
 * ratings and Party recommendations. Union sizes are skewed like a real province (a few
 * enterprise unions of thousands, many of a few dozen). Deterministic: the same data every run.
 */

export interface MembersShape {
  members: number;
  grassroots: number;
  year: number;
}

const FAMILY: [string, number][] = [['Nguyễn', 38], ['Trần', 11], ['Lê', 9], ['Phạm', 7], ['Hoàng', 4], ['Huỳnh', 3], ['Phan', 4], ['Vũ', 3],
  ['Võ', 3], ['Đặng', 2], ['Bùi', 2], ['Đỗ', 2], ['Hồ', 2], ['Ngô', 2], ['Dương', 1], ['Lý', 1], ['Đinh', 1], ['Mai', 1], ['Trịnh', 1],
  ['Đoàn', 1], ['Lâm', 1], ['Tô', 0.5], ['Hà', 0.5], ['Tạ', 0.5], ['Lương', 0.5]];
const MIDDLE = {
  male: ['Văn', 'Hữu', 'Minh', 'Đức', 'Quốc', 'Thanh', 'Công', 'Xuân', 'Ngọc', 'Anh', 'Đình', 'Trọng', 'Quang', 'Hoàng', 'Tấn'],
  female: ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Mỹ', 'Bảo', 'Hồng', 'Thùy', 'Phương', 'Diệu', 'Khánh', 'Như'],
};
const GIVEN = {
  male: ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hùng', 'Huy', 'Khánh', 'Long', 'Minh', 'Nam', 'Phong', 'Phúc', 'Quang',
    'Sơn', 'Tài', 'Thắng', 'Thành', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Lộc', 'Nghĩa', 'Khoa', 'Tâm', 'Thịnh', 'Hậu', 'Đông'],
  female: ['Anh', 'Châu', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hoa', 'Hồng', 'Hương', 'Lan', 'Linh', 'Loan', 'Mai', 'My', 'Nga',
    'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo', 'Thủy', 'Trang', 'Vân', 'Yến', 'Huyền', 'Trâm', 'Tuyết', 'Xuân', 'Hiền', 'Ly'],
};
const MINORITY_NAMES = ["K' Brơi", "K' Điểu", 'Ka Hiền', 'Ka Đim', 'Điểu Kim', 'Ya Tuấn', 'Ma Thị Lan', 'Touneh Hàn', 'Lò Văn Páo', 'Hà Thị Kim'];

/** A small deterministic PRNG (mulberry32), so the name table is the same on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchName { fullName: string; sex: 'male' | 'female' }

/** The name table: 40 000 full names drawn like Vietnamese names are distributed (family names weighted). */
export function benchNames(count = 40_000): BenchName[] {
  const r = rng(2021);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const total = FAMILY.reduce((s, [, w]) => s + w, 0);
  const family = () => {
    let x = r() * total;
    for (const [f, w] of FAMILY) if ((x -= w) <= 0) return f;
    return FAMILY[0][0];
  };
  const names: BenchName[] = [];
  for (let i = 0; i < count; i++) {
    const sex = r() < 0.55 ? 'female' : 'male';
    const fullName = r() < 0.04 ? pick(MINORITY_NAMES) : `${family()} ${pick(MIDDLE[sex])}${r() < 0.15 ? ' ' + pick(MIDDLE[sex]) : ''} ${pick(GIVEN[sex])}`;
    names.push({ fullName, sex });
  }
  return names;
}

/** Search words as people type them: given names, "middle given", family names, without diacritics. */
export const givenNamesFolded = () => [...new Set([...GIVEN.male, ...GIVEN.female].map(fold))];

async function timed(label: string, log: string[], f: () => Promise<unknown>) {
  const t0 = performance.now();
  await f();
  log.push(`${label} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * Fills member, member_event, member_assessment and party_recommendation for the generated
 * province (grassroots ids 10001…10000+grassroots, union groups 1 000 000 + 2·n + k). The indexes
 * of those tables are dropped during the load and rebuilt from their own definitions after it.
 */
export async function generateMembers(client: pg.Client, shape: MembersShape): Promise<string> {
  const log: string[] = [];
  const names = benchNames();
  await client.query('create temporary table bench_name (i int primary key, full_name text, name_sort text collate "C", sex text)');
  await client.query(`insert into bench_name select * from unnest($1::int[], $2::text[], $3::text[], $4::text[])`,
    [names.map((_, i) => i), names.map((n) => n.fullName), names.map((n) => nameSortKey(n.fullName)), names.map((n) => n.sex)]);

  const tables = ['member', 'member_event', 'member_assessment', 'party_recommendation'];
  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(`
    select i.indexname, i.indexdef from pg_indexes i
    where i.tablename = any($1) and i.schemaname = current_schema()
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`, [tables]);
  for (const ix of indexes) await client.query(`drop index ${ix.indexname}`);

  const N = shape.members;
  const G = shape.grassroots;
  const end = `date '${shape.year}-12-31'`;
  await timed('đoàn viên', log, () => client.query(`
    insert into member (id, province_id, unit_id, unit_path, group_id, full_name, name_sort, sex, birth_date, birth_precision,
      citizen_id, ethnicity, religion, education, qualification, vocational_level, job, party_member, party_joined_on, phone, address,
      joined_on, card_number, card_issued_on, card_valid_until, status, left_on, left_reason)
    select g, 2, u.id, u.path,
      case when hashint(g * 13) % 3 = 0 then null else 1000000 + (u.id - 10000) * 2 + (hashint(g * 17) % 2)::int end,
      n.full_name, n.name_sort, n.sex, x.birth, 'day',
      '0' || lpad(((g - 1) / 1000000 + 68)::text, 2, '0') || (case when n.sex = 'male' then 0 else 1 end + case when x.birth >= date '2000-01-01' then 2 else 0 end)::text
        || to_char(x.birth, 'YY') || lpad(((g - 1) % 1000000)::text, 6, '0'),
      case when hashint(g * 29) % 100 < 93 then 'Kinh' else (array['Cơ Ho', 'Mạ', 'Chu Ru', 'Tày', 'Nùng', 'Hoa', 'Thái', 'Mường'])[1 + hashint(g * 31) % 8] end,
      (array['Không', 'Không', 'Không', 'Không', 'Không', 'Không', 'Công giáo', 'Công giáo', 'Phật giáo', 'Tin Lành'])[1 + hashint(g * 37) % 10],
      (array['12/12', '12/12', '12/12', '9/12'])[1 + hashint(g * 41) % 4],
      (array['Chưa qua đào tạo', 'Sơ cấp', 'Trung cấp', 'Cao đẳng', 'Đại học', 'Đại học'])[1 + hashint(g * 43) % 6],
      case when hashint(g * 47) % 3 = 0 then 'Bậc ' || (1 + hashint(g * 53) % 7) || '/7' end,
      (array['Công nhân may', 'Công nhân chế biến chè', 'Kỹ thuật viên', 'Nhân viên văn phòng', 'Giáo viên', 'Điều dưỡng', 'Lái xe', 'Kế toán'])[1 + hashint(g * 59) % 8],
      x.party, case when x.party then x.joined + 400 end,
      '09' || lpad((hashint(g * 11) % 100000000)::text, 8, '0'),
      (1 + hashint(g * 61) % 300) || ' đường số ' || (1 + hashint(g * 67) % 40) || ', phường ' || (1 + hashint(g * 71) % 12),
      x.joined,
      case when x.card then '02' || to_char(x.joined, 'YY') || lpad(g::text, 7, '0') end,
      case when x.card then date '2024-05-10' end, case when x.card then date '2029-05-10' end,
      case when x.left_on is not null then 'left' else 'active' end, x.left_on,
      case when x.left_on is not null then 'Nghỉ việc, chấm dứt hợp đồng lao động' end
    from generate_series(1, ${N}) g
    cross join lateral (select 10001 + least(${G} - 1, floor(${G} * power((hashint(g * 3) % 1000000) / 1000000.0, 2)))::int as unit_id) p
    join org_unit u on u.id = p.unit_id
    join bench_name n on n.i = hashint(g) % ${names.length}
    cross join lateral (select date '1966-01-01' + (hashint(g * 5) % 14600)::int as birth) b
    cross join lateral (
      select b.birth, j.joined, hashint(g * 79) % 100 < 80 as card, hashint(g * 83) % 100 < 8 as party,
        case when hashint(g * 19) % 100 < 4 and j.joined < ${end} - 30 then j.joined + 30 + (hashint(g * 89) % greatest(1, ${end} - j.joined - 30))::int end as left_on
      from (select greatest(b.birth + 6575, date '2000-01-01') as lo) l
      cross join lateral (select l.lo + (hashint(g * 7) % greatest(1, ${end} - l.lo))::int as joined) j
    ) x`));

  // Events: admission where they joined (1 in 100 joined elsewhere and transferred), transfers, leavings.
  await timed('sự kiện', log, () => client.query(`
    insert into member_event (province_id, member_id, kind, on_date, unit_id, other_unit_id, decision_no)
    select 2, m.id, 'admission', m.joined_on,
      case when m.id % 100 = 0 then 10001 + (hashint(m.id * 23) % ${G})::int else m.unit_id end, null, (1 + m.id % 90) || '/QĐ-CĐCS'
    from member m;
    insert into member_event (province_id, member_id, kind, on_date, unit_id, other_unit_id, reason)
    select 2, m.id, k.kind, t.on_date,
      case when k.kind = 'transfer_out' then t.old_unit else m.unit_id end,
      case when k.kind = 'transfer_out' then m.unit_id else t.old_unit end, 'Chuyển nơi làm việc'
    from member m
    cross join lateral (select 10001 + (hashint(m.id * 23) % ${G})::int as old_unit,
      m.joined_on + 1 + (hashint(m.id * 97) % greatest(1, coalesce(m.left_on, ${end}) - m.joined_on - 1))::int as on_date) t
    cross join (values ('transfer_out'), ('transfer_in')) k(kind)
    where m.id % 100 = 0 and t.old_unit <> m.unit_id;
    insert into member_event (province_id, member_id, kind, on_date, unit_id, reason)
    select 2, m.id, 'leave', m.left_on, m.unit_id, m.left_reason from member m where m.left_on is not null;
    insert into member_event (province_id, member_id, kind, on_date, unit_id, card_number)
    select 2, m.id, 'card_issue', m.card_issued_on, m.unit_id, m.card_number from member m where m.card_number is not null`));

  await timed('xếp loại, giới thiệu Đảng', log, () => client.query(`
    insert into member_assessment (member_id, year, rating, unit_id, province_id)
    select m.id, ${shape.year}, (array['excellent', 'good', 'good', 'good', 'good', 'completed', 'completed', 'completed', 'not_completed', 'good'])[1 + hashint(m.id * 101) % 10],
      m.unit_id, 2
    from member m where m.status = 'active' and hashint(m.id * 103) % 100 < 85 and m.joined_on <= ${end};
    insert into party_recommendation (member_id, unit_id, province_id, recommended_on, decision_no, outcome, admitted_on)
    select m.id, m.unit_id, 2, date '${shape.year}-01-01' + (hashint(m.id * 107) % 360)::int, (1 + m.id % 60) || '/GT-CĐCS',
      case when hashint(m.id * 109) % 3 = 0 then 'admitted' else 'pending' end,
      case when hashint(m.id * 109) % 3 = 0 then date '${shape.year}-12-31' end
    from member m where not m.party_member and m.status = 'active' and hashint(m.id * 113) % 1000 < 3`));

  await timed('chỉ mục', log, async () => {
    for (const ix of indexes) await client.query(ix.indexdef);
  });
  await client.query(`select setval(pg_get_serial_sequence('member', 'id'), (select max(id) from member))`);
  await timed('analyze', log, async () => {
    for (const t of tables) await client.query(`vacuum analyze ${t}`);
  });
  const { rows: [c] } = await client.query(`select (select count(*) from member)::int as m, (select count(*) from member_event)::int as e`);
  return `${c.m.toLocaleString('vi-VN')} đoàn viên, ${c.e.toLocaleString('vi-VN')} sự kiện (${log.join(', ')})`;
}
