import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { openDatabase } from '../../server/src/db/connection.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import type { Database } from '../../server/src/db/schema.ts';
import { INDICATORS } from '../../server/src/modules/programme/indicators.ts';
import { evaluateByChild, evaluateTargets, periodRange } from '../../server/src/modules/programme/engine.ts';
import { targetsAt } from '../../server/src/modules/programme/service.ts';
import { GENERATORS, HASH_FUNCTION, generateTree, type ProvinceShape } from './generate.ts';

/**
 * npm run bench:targets — every target of the year for a city subtree and for the whole province,
 * computed live on a generated province on the PostgreSQL server, with the plan of the slowest indicator.
 */
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'cds_bench_targets';
const URL = ADMIN_URL.replace(/\/[^/]*$/, `/${NAME}`);
const shape: ProvinceShape = {
  cities: Number(process.env.BENCH_CITIES ?? 20), grassroots: Number(process.env.BENCH_GRASSROOTS ?? 10_000),
  members: 1_000_000, enterprises: 200_000, year: 2025,
};
const RUNS = 7;

const ms = (t: number) => `${t.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${NAME} with (force)`);
  await admin.query(`create database ${NAME}`);
  try {
    const handle = await openDatabase({ url: URL, poolSize: 4 });
    await migrateToLatest(handle.db);
    const client = new pg.Client({ connectionString: URL });
    await client.connect();
    await client.query(HASH_FUNCTION);
    let t0 = performance.now();
    const province = await generateTree(client, shape);
    console.log(`cây đơn vị: ${shape.grassroots} CĐCS trong ${shape.cities} thành phố, ${ms(performance.now() - t0)}`);
    for (const step of GENERATORS) {
      t0 = performance.now();
      const what = await step.run(client, shape, province);
      console.log(`${step.name}: ${what}, ${ms(performance.now() - t0)}`);
    }
    await client.query('vacuum analyze');

    // The benchmark programme: one target per registered indicator, run by the province.
    const { rows: [p] } = await client.query(`insert into programme (unit_id, issuer, title, year_from, year_to)
      values (2, 'Tỉnh ủy', 'Chương trình đo hiệu năng', ${shape.year}, ${shape.year}) returning id`);
    for (const [i, def] of INDICATORS.entries()) {
      await client.query(`insert into target (programme_id, code, title, indicator_key, comparison, thresholds, position)
        values ($1, $2, $3, $4, 'gte', $5, $6)`, [p.id, `T${i + 1}`, def.label, def.key, JSON.stringify([{ sectors: null, value: def.kind === 'ratio' ? 50 : 100 }]), i]);
    }
    const { rows: [counts] } = await client.query(`select (select count(*) from org_unit)::int as units,
      (select count(*) from org_unit where path <@ '${province.cityPath}')::int as city_units`);
    console.log(`đơn vị: ${counts.units} (thành phố đo: ${counts.city_units}); chỉ số đã đăng ký: ${INDICATORS.length} (${INDICATORS.map((d) => d.key).join(', ')})`);

    const db = handle.db;
    const period = { year: shape.year };
    const measure = async (label: string, unit: { id: number; path: string }) => {
      const targets = await targetsAt(db, unit.path, shape.year);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        await evaluateTargets(db, unit, period, targets);
        times.push(performance.now() - s);
      }
      console.log(`${label}: ${targets.length} chỉ tiêu, trung vị ${ms(median(times))}, lớn nhất ${ms(Math.max(...times))} (${RUNS} lần)`);
      return median(times);
    };
    const city = await measure('Tất cả chỉ tiêu, một thành phố', { id: province.cityId, path: province.cityPath });
    const prov = await measure('Tất cả chỉ tiêu, cả tỉnh', { id: province.provinceId, path: province.provincePath });
    const targets = await targetsAt(db, province.provincePath, shape.year);
    const s = performance.now();
    for (const t of targets) await evaluateByChild(db, { id: province.provinceId, path: province.provincePath }, period, t);
    console.log(`Xếp hạng các thành phố theo từng chỉ tiêu (${targets.length} chỉ tiêu): ${ms(performance.now() - s)}`);

    // The slowest indicator over the province, and its plan.
    const { from, to } = periodRange(period);
    let slowest = { key: '', time: -1 };
    for (const def of INDICATORS) {
      const st = performance.now();
      await def.compute(db, { unitPath: province.provincePath, from, to, byChild: false });
      const took = performance.now() - st;
      if (took > slowest.time) slowest = { key: def.key, time: took };
    }
    const captured: { sql: string; parameters: readonly unknown[] }[] = [];
    const logging = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: URL, max: 1 }) }),
      log: (e) => { if (e.level === 'query') captured.push({ sql: e.query.sql, parameters: e.query.parameters }); },
    });
    await INDICATORS.find((d) => d.key === slowest.key)!.compute(logging, { unitPath: province.provincePath, from, to, byChild: false });
    await logging.destroy();
    console.log(`\nChỉ số chậm nhất: ${slowest.key} (${ms(slowest.time)}); kế hoạch thực thi trên cả tỉnh:`);
    for (const q of captured) {
      const plan = await client.query(`explain (analyze, buffers, costs off) ${q.sql}`, q.parameters as unknown[]);
      console.log(plan.rows.map((r) => '  ' + r['QUERY PLAN']).join('\n'));
    }
    console.log(`\nKết quả: thành phố ${ms(city)} (mục tiêu ≤ 300 ms) ${city <= 300 ? 'ĐẠT' : 'CHƯA ĐẠT'}; cả tỉnh ${ms(prov)} (mục tiêu ≤ 1000 ms) ${prov <= 1000 ? 'ĐẠT' : 'CHƯA ĐẠT'}`);
    await client.end();
    await handle.close();
  } finally {
    await admin.query(`drop database if exists ${NAME} with (force)`);
    await admin.end();
  }
}

await main();
