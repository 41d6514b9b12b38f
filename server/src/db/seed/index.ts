import { sql } from 'kysely';
import { Faker, base, vi } from '@faker-js/faker';
import type { Db } from '../connection.ts';
import { hashPassword } from '../../auth/password.ts';
import { insertUnit } from './units.ts';
import { seedMembers } from '../../modules/members/seed.ts';
import { seedEnterprises } from '../../modules/enterprises/seed.ts';
import { seedActivities } from '../../modules/activities/seed.ts';
import { DEMO_USERS, GRASSROOTS_UNIONS, UNION_GROUP_NAMES } from './reference-data.ts';

export const DEMO_PASSWORD = 'CongDoan@2026';
export const DEMO_SEED = 2021;

const ROLE_LABELS: Record<string, string> = {
  admin: 'Quản trị hệ thống', federation_officer: 'Cán bộ LĐLĐ', grassroots_officer: 'Cán bộ CĐCS',
  inspector: 'Ủy ban kiểm tra', observer: 'Quan sát (Ban Dân vận)', member: 'Đoàn viên',
};

/** What the tree part of the seed hands to the module seeds that follow it. */
export interface SeedContext {
  faker: Faker;
  root: number;
  province: number;
  city: number;
  grassroots: { id: number; code: string; name: string; sector: string; grassrootsKind: string; memberTarget: number; groups: number[] }[];
  users: Record<string, number>;
}

/** A module's part of the demo: runs after the tree and users exist, in the same transaction. */
export type SeedStep = (db: Db, ctx: SeedContext) => Promise<void>;
const MODULE_SEEDS: SeedStep[] = [seedMembers, seedEnterprises, seedActivities];

export async function seedIfEmpty(db: Db): Promise<boolean> {
  const { rows: [{ n }] } = await sql<{ n: number }>`select count(*)::int as n from org_unit`.execute(db);
  if (n > 0) return false;
  await seedDemo(db);
  return true;
}

/** The demo federation of Bảo Lộc: reproducible (fixed random seed), a few seconds. */
export async function seedDemo(db: Db, seed = DEMO_SEED): Promise<SeedContext> {
  const faker = new Faker({ locale: [vi, base], seed });
  return db.transaction().execute(async (trx) => {
    const root = await insertUnit(trx, { parentId: null, kind: 'confederation', code: 'TLD', name: 'Tổng Liên đoàn Lao động Việt Nam', shortName: 'TLĐLĐVN', foundedOn: '1929-07-28' });
    const province = await insertUnit(trx, { parentId: root.id, kind: 'province_federation', code: 'LDLD-LD', name: 'Liên đoàn Lao động tỉnh Lâm Đồng', shortName: 'LĐLĐ Lâm Đồng', foundedOn: '1976-01-01' });
    const city = await insertUnit(trx, {
      parentId: province.id, kind: 'city_federation', code: 'LDLD-BL', name: 'Liên đoàn Lao động thành phố Bảo Lộc',
      shortName: 'LĐLĐ Bảo Lộc', address: '02 Hồng Bàng, Phường 1, TP. Bảo Lộc, Lâm Đồng', phone: '02633864123', foundedOn: '1994-10-01',
    });
    const zones = new Map<string, number>();
    const ctx: SeedContext = { faker, root: root.id, province: province.id, city: city.id, grassroots: [], users: {} };
    for (const u of GRASSROOTS_UNIONS) {
      let parentId = city.id;
      if (u.industrialZone) {
        if (!zones.has(u.industrialZone)) {
          const zone = await insertUnit(trx, {
            parentId: city.id, kind: 'industrial_zone_union', code: `CD-KCN-${zones.size + 1}`,
            name: `Công đoàn ${u.industrialZone}`, industrialZone: u.industrialZone, foundedOn: '2005-06-01',
          });
          zones.set(u.industrialZone, zone.id);
        }
        parentId = zones.get(u.industrialZone)!;
      }
      const unit = await insertUnit(trx, {
        parentId, kind: 'grassroots', grassrootsKind: u.kind, sector: u.sector, code: u.code, name: u.name,
        shortName: u.enterprise?.shortName ?? null, ward: u.ward, industrialZone: u.industrialZone ?? null,
        foundedOn: faker.date.between({ from: '1995-01-01', to: '2020-12-31' }).toISOString().slice(0, 10),
      });
      const groups: number[] = [];
      const names = UNION_GROUP_NAMES[u.kind as keyof typeof UNION_GROUP_NAMES] ?? [];
      const groupCount = u.memberTarget >= 300 ? 5 : u.memberTarget >= 80 ? 3 : u.memberTarget >= 30 ? 2 : 0;
      for (let i = 0; i < Math.min(groupCount, names.length); i++) {
        groups.push((await insertUnit(trx, { parentId: unit.id, kind: 'union_group', code: `${u.code}-T${i + 1}`, name: names[i] })).id);
      }
      ctx.grassroots.push({ id: unit.id, code: u.code, name: u.name, sector: u.sector, grassrootsKind: u.kind, memberTarget: u.memberTarget, groups });
    }

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const unitIdByCode = new Map((await trx.selectFrom('org_unit').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
    for (const u of DEMO_USERS) {
      const user = await trx.insertInto('app_user').values({
        username: u.username, full_name: u.fullName, email: u.email ?? null, phone: u.phone ?? null, password_hash: passwordHash,
      }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('role_grant').values({ user_id: user.id, role: u.role, unit_id: unitIdByCode.get(u.unitCode)! }).execute();
      ctx.users[u.role] = user.id;
    }
    for (const step of MODULE_SEEDS) await step(trx, ctx);
    return ctx;
  });
}

/** The demo accounts as they stand in the database (printed at start-up). */
export async function demoLogins(db: Db) {
  const rows = await db.selectFrom('app_user as u').innerJoin('role_grant as g', 'g.user_id', 'u.id').innerJoin('org_unit as o', 'o.id', 'g.unit_id')
    .select(['u.username', 'g.role', 'o.name as unitName']).where('u.username', 'in', DEMO_USERS.map((d) => d.username))
    .where('g.revoked_at', 'is', null).orderBy('u.id').execute();
  return rows.map((r) => ({ username: r.username, roleLabel: ROLE_LABELS[r.role] ?? r.role, unitName: r.unitName }));
}
