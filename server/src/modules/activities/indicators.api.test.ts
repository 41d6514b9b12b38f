import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { nameSortKey } from '@cds/shared';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { indicatorByKey } from '../programme/indicators.ts';

/**
 * A small hand-made year (2025) in Bảo Lộc, with every figure worked out below.
 *
 * CĐCS A (enterprise, non-state): Đoàn and Hằng from the fixture plus A3, A4 joining in 2020 and
 * A5 who leaves on 01/08/2025 → 4 members at 31/12/2025, 5 at 30/06/2025.
 * CĐCS B (public service): Giáo plus B2, B3, B4 → 4 members.
 *
 * Study (T1): S1 at A on 01/03 with Đoàn, Hằng, A5; S2 at A on 01/09 with Đoàn, A3;
 *   headcount-only sessions at B on 01/05 (3 members of 10 people) and 10/05 (2 members);
 *   a city session on 01/10 with Giáo by name.
 *   Year: A named {Đoàn, Hằng, A3} = 3 (A5 left); B named {Giáo} = 1, largest headcount 3 → 3.
 *   → (3 + 3) / (4 + 4) = 75 %, of which 4 by name and 2 from headcounts.
 *   First half: A named {Đoàn, Hằng, A5} = 3 of 5; B 3 of 4 → 6 / 9 = 66,67 %.
 *   01/06–31/12 (read from attendance rows): A {Đoàn, A3} = 2; B {Giáo} = 1 → 3 / 8 = 37,5 %.
 * Culture (T6): C1 at A with Đoàn → 1 / 8 = 12,5 %.
 * Skills (T8): K1 at A with Hằng, A3 → 2 / 4 (B is not an enterprise union) = 50 %.
 * Dialogue (T2): D1 at A → non-state 1/1. Conference (T3): none → 0/1.
 * Training policy (T7): a city consultation with B taking part → 1 of 2 unions = 50 %.
 */
let t: TestApp;
let fed: Client;
const m: Record<string, number> = {};
const year = { from: '2025-01-01', to: '2025-12-31' };

async function addMember(code: string, name: string, joinedOn: string, leftOn: string | null = null) {
  const db = t.database.db;
  const unit = await db.selectFrom('org_unit').select(['id', 'province_id', sql<string>`path::text`.as('path')]).where('code', '=', code).executeTakeFirstOrThrow();
  const row = await db.insertInto('member').values({
    unit_id: unit.id, unit_path: unit.path, province_id: unit.province_id, full_name: name, name_sort: nameSortKey(name), sex: 'female',
    joined_on: joinedOn, status: leftOn ? 'left' : 'active', left_on: leftOn,
  } as never).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

async function activity(unitId: number, kindCode: string, title: string, on: string, extra: Record<string, unknown> = {}) {
  const kind = await t.database.db.selectFrom('activity_kind').select('id').where('code', '=', kindCode).executeTakeFirstOrThrow();
  const res = await fed.post('/api/activities', { unitId, kindId: kind.id, title, startsOn: on, status: 'held', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}

async function attend(activityId: number, ids: number[]) {
  const res = await fed.post(`/api/activities/${activityId}/attendance`, { memberIds: ids });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function compute(key: string, unitId: number, period = year, byChild = false) {
  const path = (await t.database.db.selectFrom('org_unit').select(sql<string>`path::text`.as('p')).where('id', '=', unitId).executeTakeFirstOrThrow()).p;
  return indicatorByKey(key)!.compute(t.database.db, { unitPath: path, ...period, byChild });
}
const total = (rows: { numerator: number; denominator: number | null }[]) =>
  ({ numerator: rows.reduce((s, r) => s + r.numerator, 0), denominator: rows.reduce((s, r) => s + (r.denominator ?? 0), 0) });

let s2 = 0;
beforeAll(async () => {
  t = await startTestApp();
  fed = await t.as('fed');
  const db = t.database.db;
  const named = async (n: string) => Number((await db.selectFrom('member').select('id').where('full_name', '=', n).executeTakeFirstOrThrow()).id);
  m.doan = await named('Hoàng Văn Đoàn');
  m.hang = await named('Nguyễn Thị Hằng');
  m.giao = await named('Lê Văn Giáo');
  m.a3 = await addMember('CDCS-A', 'Vũ Thị Ba', '2020-01-01');
  m.a4 = await addMember('CDCS-A', 'Đặng Thị Bốn', '2020-01-01');
  m.a5 = await addMember('CDCS-A', 'Phan Thị Năm', '2020-01-01', '2025-08-01');
  for (const n of ['Bùi Thị Hai', 'Đỗ Thị Ba', 'Ngô Thị Tư']) await addMember('CDCS-B', n, '2019-05-01');
  const { a, b, city } = t.ids;

  await attend(await activity(a, 'study_resolution', 'Học tập Nghị quyết Đại hội XIII', '2025-03-01'), [m.doan, m.hang, m.a5]);
  s2 = await activity(a, 'legal_dissemination', 'Phổ biến Bộ luật Lao động 2019', '2025-09-01');
  await attend(s2, [m.doan, m.a3]);
  await activity(b, 'study_resolution', 'Quán triệt chỉ thị 05', '2025-05-01', { attendanceMode: 'counts', countTotal: 10, countFemale: 6, countMembers: 3 });
  await activity(b, 'legal_dissemination', 'Tuyên truyền Luật Công đoàn', '2025-05-10', { attendanceMode: 'counts', countTotal: 4, countMembers: 2 });
  await attend(await activity(city, 'study_resolution', 'Hội nghị học tập chuyên đề của LĐLĐ', '2025-10-01'), [m.giao]);
  await attend(await activity(a, 'culture_sports', 'Hội thao công nhân', '2025-04-30'), [m.doan]);
  await attend(await activity(a, 'skills_upgrade', 'Thi tay nghề thợ may giỏi', '2025-07-15'), [m.hang, m.a3]);
  await activity(a, 'dialogue_periodic', 'Đối thoại định kỳ năm 2025', '2025-06-20', { enterpriseId: t.ids.activities.enterpriseA });
  await activity(city, 'training_policy', 'Góp ý dự thảo chính sách đào tạo nghề của tỉnh', '2025-08-20', { participantUnitIds: [b] });
});
afterAll(async () => { await t?.close(); });

describe('participation indicators count distinct members and never add headcounts twice', () => {
  it('T1 for the city: 6 of 8 members, 4 by name and 2 from headcount-only sessions', async () => {
    expect(total(await compute('study_participation', t.ids.city))).toEqual({ numerator: 6, denominator: 8 });
    const res = await fed.get(`/api/activities/indicators?unitId=${t.ids.city}&from=2025-01-01&to=2025-12-31`);
    const t1 = res.body.find((i: { key: string }) => i.key === 'study_participation');
    expect(t1).toMatchObject({ numerator: 6, denominator: 8, value: 75, named: 4, fromCounts: 2 });
    expect(t1.description).toMatch(/chỉ ghi số lượng/);
  });

  it('T1 by union below the city: A 3 of 4, B 3 of 4', async () => {
    const rows = await compute('study_participation', t.ids.city, year, true);
    expect(rows.map((r) => [r.unitId, r.numerator, r.denominator]).sort()).toEqual([[t.ids.a, 3, 4], [t.ids.b, 3, 4]].sort());
  });

  it('T1 for the first half counts the member who left later: 6 of 9', async () => {
    expect(total(await compute('study_participation', t.ids.city, { from: '2025-01-01', to: '2025-06-30' }))).toEqual({ numerator: 6, denominator: 9 });
  });

  it('T1 for a period not starting on 1 January reads the attendance rows: 3 of 8', async () => {
    expect(total(await compute('study_participation', t.ids.city, { from: '2025-06-01', to: '2025-12-31' }))).toEqual({ numerator: 3, denominator: 8 });
  });

  it('T6 culture 1 of 8, T8 skills 2 of 4 members of enterprise unions', async () => {
    expect(total(await compute('culture_sports_participation', t.ids.city))).toEqual({ numerator: 1, denominator: 8 });
    expect(total(await compute('skills_training_participation', t.ids.city))).toEqual({ numerator: 2, denominator: 4 });
  });

  it('T2 dialogue by sector, T3 conference none, T7 a union taking part in the city consultation', async () => {
    expect(await compute('dialogue_held', t.ids.city)).toEqual([{ unitId: null, sector: 'non_state', numerator: 1, denominator: 1 }]);
    expect(total(await compute('workers_conference_held', t.ids.city))).toEqual({ numerator: 0, denominator: 1 });
    const province = await compute('dialogue_held', t.ids.province);
    expect(province.find((r) => r.sector === 'fdi')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(total(await compute('training_policy_units', t.ids.city))).toEqual({ numerator: 1, denominator: 2 });
  });

  it('the drill lists the members by name and the headcount-only sessions apart', async () => {
    const path = (await t.database.db.selectFrom('org_unit').select(sql<string>`path::text`.as('p')).where('id', '=', t.ids.city).executeTakeFirstOrThrow()).p;
    const drill = await indicatorByKey('study_participation')!.drill!(t.database.db, { unitPath: path, ...year, limit: 50, offset: 0 });
    const names = drill.rows.map((r) => r.fullName);
    expect(names).toEqual(expect.arrayContaining(['Hoàng Văn Đoàn', 'Nguyễn Thị Hằng', 'Vũ Thị Ba', 'Lê Văn Giáo', 'Quán triệt chỉ thị 05']));
    expect(names).not.toContain('Phan Thị Năm');
    expect(drill.rows.find((r) => r.fullName === 'Quán triệt chỉ thị 05')).toMatchObject({ source: 'chỉ ghi số lượng', sessions: 3 });
  });

  it('cancelling a session and removing an attendance take them out of the count', async () => {
    const cancel = await fed.post(`/api/activities/${s2}/cancel`, { reason: 'Ghi nhầm, trùng buổi khác', version: 1 });
    expect(cancel.body.status).toBe('cancelled');
    // A: {Đoàn, Hằng} = 2; B still 3 → 5 of 8.
    expect(total(await compute('study_participation', t.ids.city))).toEqual({ numerator: 5, denominator: 8 });
    const s1 = (await fed.get(`/api/activities?unitId=${t.ids.a}&q=nghi quyet dai hoi`)).body.rows[0].id;
    const removed = await fed.post(`/api/activities/${s1}/attendance/remove`, { memberIds: [m.hang], reason: 'Điểm danh nhầm người' });
    expect(removed.body.removed).toBe(1);
    expect(total(await compute('study_participation', t.ids.city))).toEqual({ numerator: 4, denominator: 8 });
    const back = await fed.post(`/api/activities/${s1}/attendance`, { memberIds: [m.hang] });
    expect(back.body).toEqual({ added: 1, already: 0 });
    expect(total(await compute('study_participation', t.ids.city))).toEqual({ numerator: 5, denominator: 8 });
  });

  it('a member who leaves stops counting in numerator and denominator alike', async () => {
    await t.database.db.updateTable('member').set({ status: 'left', left_on: '2025-11-01' }).where('id', '=', m.doan).execute();
    // A: {Hằng} of 3; B 3 of 4 → 4 of 7.
    expect(total(await compute('study_participation', t.ids.city))).toEqual({ numerator: 4, denominator: 7 });
  });

  it('the daily counts the province figures read stay equal to the rows they summarise', async () => {
    const db = t.database.db;
    await db.updateTable('member').set({ unit_id: t.ids.b, unit_path: sql`(select path from org_unit where id = ${t.ids.b})` as never }).where('id', '=', m.a3).execute();
    const { rows: [p] } = await sql<{ diff: number }>`
      select count(*)::int as diff from (
        (select unit_id, category, year, first_on, count(*)::int as n from member_participation where member_active group by 1, 2, 3, 4
         except select unit_id, category, year, first_on, members from participation_daily where members <> 0)
        union all
        (select unit_id, category, year, first_on, members from participation_daily where members <> 0
         except select unit_id, category, year, first_on, count(*)::int from member_participation where member_active group by 1, 2, 3, 4)) x`.execute(db);
    expect(p.diff).toBe(0);
    const { rows: [mm] } = await sql<{ diff: number }>`
      select count(*)::int as diff from (
        (select unit_id, count(*)::int as n from member where status = 'active' and left_on is null group by 1
         except select unit_id, members from member_unit_count where members <> 0)
        union all
        (select unit_id, members from member_unit_count where members <> 0
         except select unit_id, count(*)::int from member where status = 'active' and left_on is null group by 1)) x`.execute(db);
    expect(mm.diff).toBe(0);
  });
});
