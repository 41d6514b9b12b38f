import type { Db } from '../src/db/connection.ts';
import { hashPassword } from '../src/auth/password.ts';
import { sql } from 'kysely';
import { nameSortKey } from '@cds/shared';
import { insertUnit } from '../src/db/seed/units.ts';
import { activityFixture, activityFixtureIds } from '../src/modules/activities/fixture.ts';
import { memberFixture, memberFixtureIds } from '../src/modules/members/test-fixture.ts';

export const TEST_PASSWORD = 'Test@1234';
/** Every record outside the tested subtree carries this in its name, so a leak shows in any response body. */
export const OUTSIDE_MARKER = 'ZZNGOAI';

/**
 * A module's records for the API tests, added after the tree, users and members exist. It finds
 * units and members by code or name; records it puts in Đà Lạt carry OUTSIDE_MARKER in a name.
 */
export type ModuleFixture = (db: Db) => Promise<void>;
const MODULE_FIXTURES: ModuleFixture[] = [
  memberFixture,
  // A finished import job of the Đà Lạt officer, with its result file.
  async (db) => {
    const groz = await db.selectFrom('app_user').select('id').where('username', '=', 'groz').executeTakeFirstOrThrow();
    const z = await db.selectFrom('org_unit').select(['id', sql<string>`path::text`.as('path')]).where('code', '=', 'CDCS-Z').executeTakeFirstOrThrow();
    await db.insertInto('job').values({ kind: 'member_import', status: 'done', user_id: groz.id, unit_id: z.id, unit_path: z.path, permission: 'member.write',
      title: `Nhập danh sách ${OUTSIDE_MARKER}`, params: '{}', result: JSON.stringify({ note: OUTSIDE_MARKER }), result_file_name: `${OUTSIDE_MARKER}.xlsx`,
      result_file: Buffer.from(OUTSIDE_MARKER) }).execute();
  },
  activityFixture,
];

/**
 * A small hand-made tree for API tests: Bảo Lộc with two grassroots unions, and Đà Lạt, which the
 * Bảo Lộc roles must never see. One user per role.
 */
export async function buildFixture(db: Db): Promise<void> {
  const root = await insertUnit(db, { parentId: null, kind: 'confederation', code: 'TLD', name: 'Tổng Liên đoàn Lao động Việt Nam' });
  const province = await insertUnit(db, { parentId: root.id, kind: 'province_federation', code: 'LDLD-LD', name: 'Liên đoàn Lao động tỉnh Lâm Đồng' });
  const city = await insertUnit(db, { parentId: province.id, kind: 'city_federation', code: 'LDLD-BL', name: 'Liên đoàn Lao động thành phố Bảo Lộc' });
  const a = await insertUnit(db, { parentId: city.id, kind: 'grassroots', grassrootsKind: 'enterprise', sector: 'non_state', code: 'CDCS-A', name: 'Công đoàn cơ sở Công ty TNHH May Lộc Sơn' });
  await insertUnit(db, { parentId: a.id, kind: 'union_group', code: 'CDCS-A-T1', name: 'Tổ công đoàn Phân xưởng may 1' });
  await insertUnit(db, { parentId: city.id, kind: 'grassroots', grassrootsKind: 'public_service', sector: 'public_service', code: 'CDCS-B', name: 'Công đoàn cơ sở Trường THPT Bảo Lộc' });
  const other = await insertUnit(db, { parentId: province.id, kind: 'city_federation', code: 'LDLD-DL', name: `Liên đoàn Lao động thành phố Đà Lạt ${OUTSIDE_MARKER}` });
  const z = await insertUnit(db, { parentId: other.id, kind: 'grassroots', grassrootsKind: 'enterprise', sector: 'fdi', code: 'CDCS-Z', name: `Công đoàn cơ sở Khách sạn Đồi Thông ${OUTSIDE_MARKER}` });
  await insertUnit(db, { parentId: z.id, kind: 'union_group', code: 'CDCS-Z-T1', name: `Tổ công đoàn Buồng phòng ${OUTSIDE_MARKER}` });

  // Programme records in Đà Lạt, for the all-routes test of the programme and report routes.
  const zp = await db.insertInto('programme').values({ unit_id: other.id, issuer: 'Thành ủy Đà Lạt', title: `Chương trình hành động Đà Lạt ${OUTSIDE_MARKER}`, year_from: 2021, year_to: 2026 }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('target').values({ programme_id: zp.id, code: 'T1', title: `Chỉ tiêu Đà Lạt ${OUTSIDE_MARKER}`, indicator_key: 'grassroots_founded', comparison: 'gte', thresholds: JSON.stringify([{ sectors: null, value: 1 }]) }).execute();
  await db.insertInto('report').values({ unit_id: z.id, kind: 'year', year: 2025, status: 'submitted', narrative: JSON.stringify([{ heading: 'Kết quả', body: OUTSIDE_MARKER }]) }).execute();

  const passwordHash = await hashPassword(TEST_PASSWORD);
  const users: [string, string, string, number][] = [
    ['admin', 'Quản trị hệ thống', 'admin', root.id],
    ['fed', 'Nguyễn Văn Liên', 'federation_officer', city.id],
    ['gro', 'Trần Thị Cơ Sở', 'grassroots_officer', a.id],
    ['insp', 'Lê Văn Kiểm', 'inspector', city.id],
    ['obs', 'Phạm Thị Dân Vận', 'observer', city.id],
    ['mem', 'Hoàng Văn Đoàn', 'member', a.id],
    ['groz', `Đỗ Văn ${OUTSIDE_MARKER}`, 'grassroots_officer', z.id],
  ];
  for (const [username, fullName, role, unitId] of users) {
    const user = await db.insertInto('app_user').values({ username, full_name: fullName, password_hash: passwordHash })
      .returning('id').executeTakeFirstOrThrow();
    await db.insertInto('role_grant').values({ user_id: user.id, role, unit_id: unitId }).execute();
  }

  // Members: two in CĐCS A (one is the `mem` account), one in B, one in Đà Lạt.
  const people: [number, string, string, string, string][] = [
    [a.id, 'Hoàng Văn Đoàn', 'male', '068090001111', '2015-04-01'],
    [a.id, 'Nguyễn Thị Hằng', 'female', '068190002222', '2018-09-15'],
    [(await db.selectFrom('org_unit').select('id').where('code', '=', 'CDCS-B').executeTakeFirstOrThrow()).id, 'Lê Văn Giáo', 'male', '068085003333', '2010-01-10'],
    [z.id, `Trần Thị ${OUTSIDE_MARKER}`, 'female', '068195004444', '2019-05-20'],
  ];
  for (const [unitId, fullName, sex, citizenId, joinedOn] of people) {
    const unit = await db.selectFrom('org_unit').select([sql<string>`path::text`.as('path'), 'province_id']).where('id', '=', unitId).executeTakeFirstOrThrow();
    const m = await db.insertInto('member').values({
      unit_id: unitId, unit_path: unit.path, province_id: unit.province_id, full_name: fullName, name_sort: nameSortKey(fullName), sex,
      birth_date: '1990-06-01', birth_precision: 'day', citizen_id: citizenId, ethnicity: 'Kinh', religion: 'Không', joined_on: joinedOn,
      phone: `09${citizenId.slice(-8)}`, card_number: `CARD${citizenId.slice(-4)}`, card_issued_on: '2024-05-10', card_valid_until: '2029-05-10',
    } as never).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('member_event').values({ member_id: m.id, province_id: unit.province_id, kind: 'admission', on_date: joinedOn, unit_id: unitId }).execute();
    if (fullName === 'Hoàng Văn Đoàn') await db.updateTable('app_user').set({ member_id: m.id }).where('username', '=', 'mem').execute();
  }
  for (const addRecords of MODULE_FIXTURES) await addRecords(db);
}

/** Ids of the fixture, looked up by code and username so tests read by meaning. */
export async function fixtureIds(db: Db) {
  const units = await db.selectFrom('org_unit').select(['id', 'code']).execute();
  const users = await db.selectFrom('app_user').select(['id', 'username']).execute();
  const unit = (code: string) => units.find((u) => u.code === code)!.id;
  const user = (name: string) => users.find((u) => u.username === name)!.id;
  const zProgramme = (await db.selectFrom('programme').select('id').where('title', 'like', `%${OUTSIDE_MARKER}%`).executeTakeFirstOrThrow()).id;
  const zTarget = (await db.selectFrom('target').select('id').where('programme_id', '=', zProgramme).executeTakeFirstOrThrow()).id;
  const zReport = (await db.selectFrom('report').select('id').where('unit_id', '=', unit('CDCS-Z')).executeTakeFirstOrThrow()).id;
  const zJob = Number((await db.selectFrom('job').select('id').where('title', 'like', `%${OUTSIDE_MARKER}%`).executeTakeFirstOrThrow()).id);
  return {
    zProgramme, zTarget, zReport, zJob, ...(await memberFixtureIds(db)),
    activities: await activityFixtureIds(db),
    root: unit('TLD'), province: unit('LDLD-LD'), city: unit('LDLD-BL'), a: unit('CDCS-A'), a1: unit('CDCS-A-T1'),
    b: unit('CDCS-B'), otherCity: unit('LDLD-DL'), z: unit('CDCS-Z'), z1: unit('CDCS-Z-T1'),
    outsideMember: Number((await db.selectFrom('member').select('id').where('full_name', 'like', `%${OUTSIDE_MARKER}%`).executeTakeFirstOrThrow()).id),
    users: { admin: user('admin'), fed: user('fed'), gro: user('gro'), insp: user('insp'), obs: user('obs'), mem: user('mem'), groz: user('groz') },
  };
}
export type FixtureIds = Awaited<ReturnType<typeof fixtureIds>>;
