import { sql } from 'kysely';
import { nameSortKey } from '@cds/shared';
import type { Faker } from '@faker-js/faker';
import type { Db } from '../../db/connection.ts';
import type { SeedContext } from '../../db/seed/index.ts';
import { WARDS } from '../../db/seed/reference-data.ts';

const STREETS = ['Trần Phú', 'Lê Hồng Phong', 'Nguyễn Văn Cừ', 'Hà Giang', 'Phan Đình Phùng', 'Lý Thường Kiệt', 'Nguyễn Công Trứ', 'Trần Quốc Toản', 'Lam Sơn', 'Đào Duy Từ', 'Huỳnh Thúc Kháng', 'Chu Văn An'];

const FAMILY: [string, number][] = [['Nguyễn', 38], ['Trần', 11], ['Lê', 9], ['Phạm', 7], ['Hoàng', 4], ['Huỳnh', 3], ['Phan', 4], ['Vũ', 3],
  ['Võ', 3], ['Đặng', 2], ['Bùi', 2], ['Đỗ', 2], ['Hồ', 2], ['Ngô', 2], ['Dương', 1], ['Lý', 1], ['Đinh', 1], ['Mai', 1], ['Trịnh', 1]];
const MIDDLE = { male: ['Văn', 'Hữu', 'Minh', 'Đức', 'Quốc', 'Thanh', 'Công', 'Xuân', 'Ngọc', 'Anh'], female: ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Mỹ', 'Bảo', 'Hồng'] };
const GIVEN = {
  male: ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hùng', 'Huy', 'Khánh', 'Long', 'Minh', 'Nam', 'Phong', 'Phúc', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh'],
  female: ['Anh', 'Châu', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hoa', 'Hồng', 'Hương', 'Lan', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo', 'Thủy', 'Trang', 'Vân', 'Yến'],
};
// Lâm Đồng's own peoples: K'Ho men are often named K'…, women Ka…; Mạ and Chu Ru names too.
const MINORITY = [
  { ethnicity: 'Cơ Ho', male: ["K' Brơi", "K' Điểu", "K' Ha", "K' Tiếp", "K' Sơn"], female: ['Ka Hiền', 'Ka Đim', 'Ka Huệ', 'Ka Nhung', 'Ka Sa'] },
  { ethnicity: 'Mạ', male: ['Điểu Kim', 'Điểu Thanh', 'Điểu Sang'], female: ['Thị Ngoan', 'Thị Bé', 'Thị Lý'] },
  { ethnicity: 'Chu Ru', male: ['Ya Tuấn', 'Touneh Hàn', 'Ya Hiếu'], female: ['Ma Thị Lan', 'Ma Phương', 'Ma Hoa'] },
];
const FEMALE_SHARE: Record<string, number> = { fdi: 0.8, non_state: 0.65, state: 0.3, public_service: 0.7, administrative: 0.5 };
const JOBS: Record<string, string[]> = {
  enterprise: ['Công nhân may', 'Công nhân chế biến chè', 'Công nhân ươm tơ', 'Thợ dệt', 'Kỹ thuật viên', 'Nhân viên kho', 'Tổ trưởng sản xuất', 'Nhân viên văn phòng', 'Lái xe'],
  public_service: ['Giáo viên', 'Bác sĩ', 'Điều dưỡng', 'Nhân viên hành chính', 'Kế toán', 'Nhân viên y tế'],
  administrative: ['Chuyên viên', 'Công chức địa chính', 'Công chức tư pháp', 'Văn thư', 'Kế toán'],
  occupational: ['Lái xe ôm công nghệ', 'Thợ hái chè', 'Thợ sao chè'],
  small: ['Nhân viên phục vụ', 'Thợ cơ khí', 'Xã viên'],
};

function pickWeighted(faker: Faker, items: [string, number][]) {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = faker.number.float({ min: 0, max: total });
  for (const [v, w] of items) if ((r -= w) <= 0) return v;
  return items[0][0];
}

const VOCATIONAL = [null, null, 'Chứng chỉ nghề', 'Sơ cấp nghề', 'Bậc 2/7', 'Bậc 3/7', 'Bậc 4/7'];
const PARTY_BODIES = ['Chi bộ Công ty', 'Đảng ủy Phường 1', 'Đảng ủy phường Lộc Sơn', 'Chi bộ Trường', 'Đảng ủy Khối cơ quan – doanh nghiệp thành phố'];
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
/** A random date in [from, to], or `from` when the range is empty. */
const within = (faker: Faker, from: Date | string, to: Date | string) =>
  new Date(from) >= new Date(to) ? new Date(from) : faker.date.between({ from, to });

/** About six thousand members across the demo unions, with admissions, transfers, leavings, ratings and recommendations. */
export async function seedMembers(db: Db, ctx: SeedContext): Promise<void> {
  const { faker } = ctx;
  const cities = await db.selectFrom('org_unit').select(['id', 'path', 'province_id']).where('id', 'in', ctx.grassroots.map((g) => g.id)).execute();
  const byId = new Map(cities.map((u) => [u.id, u]));
  const members: Record<string, unknown>[] = [];
  const citizenIds = new Set<string>();
  const planned = ctx.grassroots.reduce((n, g) => n + g.memberTarget, 0);
  for (const g of ctx.grassroots) {
    const unit = byId.get(g.id)!;
    for (let i = 0; i < g.memberTarget; i++) {
      const sex = faker.number.float() < (FEMALE_SHARE[g.sector] ?? 0.5) ? 'female' : 'male';
      const minority = faker.number.float() < 0.07 ? faker.helpers.arrayElement(MINORITY) : null;
      const fullName = minority ? faker.helpers.arrayElement(minority[sex]) : `${pickWeighted(faker, FAMILY)} ${faker.helpers.arrayElement(MIDDLE[sex])} ${faker.helpers.arrayElement(GIVEN[sex])}`;
      const birth = faker.date.between({ from: '1966-01-01', to: '2006-06-30' });
      const joinFrom = new Date(Math.max(birth.getTime() + 18 * 365.25 * 86400_000, Date.parse('2000-01-01')));
      const joined = faker.number.float() < 0.14 ? faker.date.between({ from: '2025-01-01', to: '2026-11-20' }) : within(faker, joinFrom, '2024-12-31');
      let citizenId: string;
      do citizenId = `068${sex === 'male' ? (birth.getFullYear() < 2000 ? '0' : '2') : (birth.getFullYear() < 2000 ? '1' : '3')}${String(birth.getFullYear()).slice(2)}${faker.string.numeric(6)}`;
      while (citizenIds.has(citizenId));
      citizenIds.add(citizenId);
      const party = g.sector === 'administrative' || g.sector === 'state' ? faker.number.float() < 0.35 : faker.number.float() < 0.05;
      members.push({
        province_id: unit.province_id, unit_id: g.id, unit_path: unit.path,
        group_id: g.groups.length ? faker.helpers.arrayElement(g.groups) : null,
        full_name: fullName, name_sort: nameSortKey(fullName), sex, birth_date: isoDate(birth), birth_precision: 'day', citizen_id: citizenId,
        ethnicity: minority?.ethnicity ?? (faker.number.float() < 0.02 ? 'Tày' : 'Kinh'),
        religion: faker.helpers.weightedArrayElement([{ value: 'Không', weight: 70 }, { value: 'Công giáo', weight: 18 }, { value: 'Phật giáo', weight: 9 }, { value: 'Tin Lành', weight: 3 }]),
        education: faker.helpers.arrayElement(['12/12', '12/12', '12/12', '9/12']),
        qualification: g.grassrootsKind === 'enterprise' ? faker.helpers.arrayElement(['Chưa qua đào tạo', 'Sơ cấp', 'Trung cấp', 'Cao đẳng', 'Đại học']) : faker.helpers.arrayElement(['Đại học', 'Đại học', 'Thạc sĩ', 'Cao đẳng']),
        vocational_level: g.grassrootsKind === 'enterprise' ? faker.helpers.arrayElement(VOCATIONAL) : null,
        job: faker.helpers.arrayElement(JOBS[g.grassrootsKind] ?? JOBS.enterprise),
        party_member: party, party_joined_on: party ? isoDate(within(faker, joined, '2026-10-31')) : null,
        phone: `09${faker.string.numeric(8)}`, address: `${faker.number.int({ min: 1, max: 320 })} ${faker.helpers.arrayElement(STREETS)}, ${faker.helpers.arrayElement(WARDS).name}, TP. Bảo Lộc`,
        joined_on: isoDate(joined), status: 'active',
        // Cards for the first four in five (the rest show up on the home page as due for a card).
        ...(members.length < planned * 0.8
          ? { card_number: `6824${String(members.length + 1).padStart(7, '0')}`, card_issued_on: '2024-05-10', card_valid_until: '2029-05-10' }
          : { card_number: null, card_issued_on: null, card_valid_until: null }),
      });
    }
  }
  const ids: number[] = [];
  for (let i = 0; i < members.length; i += 500) {
    const rows = await db.insertInto('member').values(members.slice(i, i + 500) as never).returning('id').execute();
    ids.push(...rows.map((r) => r.id));
  }
  const events: Record<string, unknown>[] = ids.map((id, i) => ({
    member_id: id, province_id: members[i].province_id, kind: 'admission', on_date: members[i].joined_on, unit_id: members[i].unit_id,
    decision_no: `${faker.number.int({ min: 1, max: 120 })}/QĐ-CĐCS`,
  }));

  // Card issue events, some leavings, a few transfers between unions — set-based.
  ids.forEach((id, i) => {
    if (members[i].card_number) events.push({ member_id: id, province_id: members[i].province_id, kind: 'card_issue', on_date: '2024-05-10', unit_id: members[i].unit_id, card_number: members[i].card_number });
  });
  const leaving: { id: number; on: string; i: number }[] = [];
  for (const i of faker.helpers.arrayElements([...ids.keys()], 90)) {
    const on = isoDate(faker.date.between({ from: '2025-06-01', to: '2026-10-31' }));
    if (on > (members[i].joined_on as string)) leaving.push({ id: ids[i], on, i });
  }
  await sql`
    update member m set status = 'left', left_on = l.on_date, left_reason = 'Nghỉ việc, chấm dứt hợp đồng lao động'
    from unnest(${leaving.map((l) => l.id)}::bigint[], ${leaving.map((l) => l.on)}::date[]) as l(id, on_date) where m.id = l.id`.execute(db);
  for (const l of leaving) events.push({ member_id: l.id, province_id: members[l.i].province_id, kind: 'leave', on_date: l.on, unit_id: members[l.i].unit_id, reason: 'Nghỉ việc' });
  const left = new Set(leaving.map((l) => l.id));
  const moves: { id: number; to: number; path: string; groupFree: true }[] = [];
  const moved = new Set<number>();
  for (let k = 0; k < 30; k++) {
    const i = faker.number.int({ min: 0, max: ids.length - 1 });
    const to = faker.helpers.arrayElement(ctx.grassroots);
    const target = byId.get(to.id)!;
    const onDate = isoDate(faker.date.between({ from: '2026-01-01', to: '2026-10-31' }));
    if (to.id === members[i].unit_id || left.has(ids[i]) || moved.has(ids[i]) || onDate <= (members[i].joined_on as string)) continue;
    moved.add(ids[i]);
    moves.push({ id: ids[i], to: to.id, path: target.path, groupFree: true });
    events.push({ member_id: ids[i], province_id: members[i].province_id, kind: 'transfer_out', on_date: onDate, unit_id: members[i].unit_id, other_unit_id: to.id, decision_no: `${faker.number.int({ min: 1, max: 40 })}/QĐ-LĐLĐ`, reason: 'Chuyển nơi làm việc' });
    events.push({ member_id: ids[i], province_id: target.province_id, kind: 'transfer_in', on_date: onDate, unit_id: to.id, other_unit_id: members[i].unit_id, decision_no: `${faker.number.int({ min: 1, max: 40 })}/QĐ-LĐLĐ`, reason: 'Chuyển nơi làm việc' });
  }
  await sql`
    update member m set unit_id = v.unit_id, unit_path = v.path::ltree, group_id = null
    from unnest(${moves.map((m) => m.id)}::bigint[], ${moves.map((m) => m.to)}::int[], ${moves.map((m) => m.path)}::text[]) as v(id, unit_id, path)
    where m.id = v.id`.execute(db);
  for (let i = 0; i < events.length; i += 1000) await db.insertInto('member_event').values(events.slice(i, i + 1000) as never).execute();

  // 2025 ratings at each member's union of the time, and the Party recommendations of 2025–2026 (T10).
  const unitOf = new Map(ids.map((id, i) => [id, members[i].unit_id as number]));
  const rated = ids.filter((id, i) => !left.has(id) && faker.number.float() < 0.85 && (members[i].joined_on as string) <= '2025-12-31').map((id) => ({
    member_id: id, year: 2025, unit_id: unitOf.get(id)!, province_id: ctx.province,
    rating: faker.helpers.weightedArrayElement([{ value: 'excellent', weight: 15 }, { value: 'good', weight: 55 }, { value: 'completed', weight: 27 }, { value: 'not_completed', weight: 3 }]),
  }));
  for (let i = 0; i < rated.length; i += 1000) await db.insertInto('member_assessment').values(rated.slice(i, i + 1000)).execute();
  const eligible = ids.filter((id, i) => !members[i].party_member && !left.has(id) && !moved.has(id));
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const recommended = faker.helpers.arrayElements(eligible, 125).map((id) => {
    const i = indexOf.get(id)!;
    const on = isoDate(within(faker, members[i].joined_on as string, '2026-10-31'));
    const admitted = on < '2026-04-01' && faker.number.float() < 0.6;
    return { member_id: id, unit_id: unitOf.get(id)!, province_id: ctx.province, recommended_on: on < '2025-03-01' ? '2025-03-01' : on,
      decision_no: `${faker.number.int({ min: 1, max: 60 })}/GT-CĐCS`, party_body: faker.helpers.arrayElement(PARTY_BODIES),
      outcome: admitted ? 'admitted' : 'pending', admitted_on: admitted ? isoDate(within(faker, on, '2026-10-31')) : null };
  });
  await db.insertInto('party_recommendation').values(recommended).execute();
  const admittedToParty = recommended.filter((r) => r.outcome === 'admitted');
  await sql`
    update member m set party_member = true, party_joined_on = v.on_date
    from unnest(${admittedToParty.map((r) => r.member_id)}::bigint[], ${admittedToParty.map((r) => r.admitted_on)}::date[]) as v(id, on_date)
    where m.id = v.id`.execute(db);

  // Transfers waiting for the garment union's answer, and one it sent, for the grassroots officer's inbox.
  const garment = ctx.grassroots.find((g) => g.code === 'CDCS-MAYLS');
  if (garment) {
    const others = ids.filter((id, i) => members[i].unit_id !== garment.id && !left.has(id) && !moved.has(id)).slice(0, 3);
    const mine = ids.find((id, i) => members[i].unit_id === garment.id && !left.has(id) && !moved.has(id));
    const requests = [...others.map((id) => ({ id, to: garment.id })), ...(mine ? [{ id: mine, to: others.length ? unitOf.get(others[0])! : garment.id }] : [])]
      .filter((r) => r.to !== unitOf.get(r.id));
    if (requests.length) {
      await db.insertInto('member_transfer').values(requests.map((r, k) => ({
        member_id: r.id, from_unit_id: unitOf.get(r.id)!, to_unit_id: r.to, province_id: ctx.province,
        requested_on: `2026-11-${String(10 + k).padStart(2, '0')}`, decision_no: `${20 + k}/CV-CĐCS`, reason: 'Đoàn viên chuyển nơi làm việc',
      }))).execute();
    }
  }

  // The demo member account is a real member of its union.
  const memberUser = ctx.users.member;
  if (memberUser) {
    const user = await db.selectFrom('app_user').select('full_name').where('id', '=', memberUser).executeTakeFirstOrThrow();
    const grant = await db.selectFrom('role_grant').select('unit_id').where('user_id', '=', memberUser).executeTakeFirstOrThrow();
    const unit = byId.get(grant.unit_id)!;
    const row = await db.insertInto('member').values({
      province_id: unit.province_id, unit_id: unit.id, unit_path: unit.path, full_name: user.full_name, name_sort: nameSortKey(user.full_name),
      sex: 'female', birth_date: '1994-08-12', birth_precision: 'day', citizen_id: '068194012345', ethnicity: 'Cơ Ho', religion: 'Công giáo',
      education: '12/12', qualification: 'Sơ cấp', vocational_level: 'Bậc 3/7', job: 'Công nhân may', phone: '0912345678', joined_on: '2019-03-08',
      card_number: '68190000001', card_issued_on: '2024-05-10', card_valid_until: '2029-05-10',
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('member_event').values([
      { member_id: row.id, province_id: unit.province_id, kind: 'admission', on_date: '2019-03-08', unit_id: unit.id, decision_no: '05/QĐ-CĐCS' },
      { member_id: row.id, province_id: unit.province_id, kind: 'card_issue', on_date: '2024-05-10', unit_id: unit.id, card_number: '68190000001' },
    ]).execute();
    await db.updateTable('app_user').set({ member_id: row.id }).where('id', '=', memberUser).execute();
  }
}
