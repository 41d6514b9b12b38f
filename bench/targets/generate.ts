import pg from 'pg';
import { generateMembers } from '../search/generate-members.ts';

/**
 * The generated province for `npm run bench:targets`, built set-based with generate_series on the
 * PostgreSQL server. Each module adds a step to GENERATORS (after the tree) that fills its own
 * tables for the province; the targets of the benchmark programme are one per registered
 * indicator, so a new module's indicators are measured as soon as its step and indicators exist.
 */
export interface ProvinceShape {
  cities: number;
  grassroots: number;
  members: number;
  enterprises: number;
  year: number;
}

export interface GeneratedProvince {
  provinceId: number;
  provincePath: string;
  /** One city federation (its subtree is ~1/cities of the province). */
  cityId: number;
  cityPath: string;
}

export interface GeneratorStep {
  name: string;
  /** Runs after the tree exists; `client` is a plain pg client on the bench database. */
  run(client: pg.Client, shape: ProvinceShape, province: GeneratedProvince): Promise<string>;
}

/** The union tree: confederation → province → cities → grassroots unions → 2 union groups each. */
export async function generateTree(client: pg.Client, shape: ProvinceShape): Promise<GeneratedProvince> {
  await client.query(`
    insert into org_unit (id, parent_id, path, kind, code, name) values
      (1, null, '1', 'confederation', 'TLD', 'Tổng Liên đoàn Lao động Việt Nam'),
      (2, 1, '1.2', 'province_federation', 'LDLD-P', 'Liên đoàn Lao động tỉnh (sinh dữ liệu)');
    update org_unit set province_id = 2 where id = 2;
    insert into org_unit (id, parent_id, path, kind, code, name, province_id)
      select 100 + c, 2, text2ltree('1.2.' || (100 + c)), 'city_federation', 'LDLD-C' || c, 'Liên đoàn Lao động thành phố số ' || c, 2
      from generate_series(1, $1::int) c;
  `.replace('$1::int', String(shape.cities)));
  // Grassroots ids from 10 000; sector mix close to a real province: ~55% non-state, 10% FDI, 15% state, rest public.
  await client.query(`
    insert into org_unit (id, parent_id, path, kind, grassroots_kind, sector, code, name, province_id, founded_on, dissolved_on)
      select 10000 + g, 100 + 1 + (g % $1), text2ltree('1.2.' || (100 + 1 + (g % $1)) || '.' || (10000 + g)), 'grassroots',
        case when s < 0.8 then 'enterprise' else 'public_service' end,
        case when s < 0.55 then 'non_state' when s < 0.65 then 'fdi' when s < 0.8 then 'state' else 'public_service' end,
        'CDCS-' || g, 'Công đoàn cơ sở số ' || g, 2,
        date '1995-01-01' + ((hashint(g) % 11300)::int),
        case when g % 97 = 0 then date '2024-06-30' end
      from (select g, (hashint(g * 7) % 1000) / 1000.0 as s from generate_series(1, $2) g) x`, [shape.cities, shape.grassroots]);
  await client.query(`
    insert into org_unit (id, parent_id, path, kind, code, name, province_id)
      select 1000000 + g * 2 + k, 10000 + g, text2ltree(p.path::text || '.' || (1000000 + g * 2 + k)), 'union_group', 'T-' || g || '-' || k, 'Tổ công đoàn ' || k, 2
      from generate_series(1, $1) g cross join generate_series(0, 1) k join org_unit p on p.id = 10000 + g`, [shape.grassroots]);
  await client.query(`select setval(pg_get_serial_sequence('org_unit', 'id'), 2000000)`);
  return { provinceId: 2, provincePath: '1.2', cityId: 101, cityPath: '1.2.101' };
}

/** A deterministic integer hash, so the generated province is the same on every run. */
export const HASH_FUNCTION = `
  create or replace function hashint(x bigint) returns bigint language sql immutable as
  $$ select abs(hashtextextended(x::text, 2021)) $$`;

/** Reports of the year for every grassroots union (feeds grassroots_report_accepted). */
const reports: GeneratorStep = {
  name: 'reports',
  async run(client, shape) {
    const res = await client.query(`
      insert into report (unit_id, kind, year, status, narrative)
        select id, 'year', $1, (array['draft', 'submitted', 'accepted', 'accepted', 'accepted', 'exempted'])[1 + hashint(id) % 6], '[]'
        from org_unit where kind = 'grassroots' and hashint(id * 3) % 10 < 8`, [shape.year]);
    return `${res.rowCount} báo cáo`;
  },
};

/**
 * Steps of the other modules: members (1 000 000 members, admissions, party recommendations) and
 * enterprises (200 000) add theirs here when their tables exist, e.g.
 *   import { membersBench } from '../../server/src/modules/members/bench.ts';
 */
/** Members, their events, 2025 ratings and Party recommendations (bench/search/generate-members.ts). */
const members: GeneratorStep = {
  name: 'members',
  run: (client, shape) => generateMembers(client, { members: shape.members, grassroots: shape.grassroots, year: shape.year }),
};

export const GENERATORS: GeneratorStep[] = [reports, members];
