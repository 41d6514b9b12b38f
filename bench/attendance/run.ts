import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { openDatabase } from '../../server/src/db/connection.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import type { Database } from '../../server/src/db/schema.ts';
import { indicatorByKey } from '../../server/src/modules/programme/indicators.ts';
import { HASH_FUNCTION, generateTree } from '../targets/generate.ts';
import { generateAttendance, type AttendanceShape } from './generate.ts';

/**
 * npm run bench:attendance [-- --keep] — T1, T6 and T8 (distinct members) for a province and a
 * city over a year, on 1 000 000 members, 20 000 activities and 5 000 000 attendance rows
 * generated set-based on the PostgreSQL server. Target: ≤ 300 ms each for the province.
 */
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'cds_bench_attendance';
const URL = ADMIN_URL.replace(/\/[^/]*$/, `/${NAME}`);
const KEEP = process.argv.includes('--keep');
const shape: AttendanceShape = {
  cities: 20, grassroots: Number(process.env.BENCH_GRASSROOTS ?? 2_000), members: Number(process.env.BENCH_MEMBERS ?? 1_000_000),
  activities: Number(process.env.BENCH_ACTIVITIES ?? 20_000), attendance: Number(process.env.BENCH_ATTENDANCE ?? 5_000_000), year: 2025,
};
const RUNS = 21;
const KEYS = ['study_participation', 'culture_sports_participation', 'skills_training_participation'];

const ms = (t: number) => `${t.toFixed(1)} ms`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main() {
  const started = performance.now();
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
    await generateTree(client, { cities: shape.cities, grassroots: shape.grassroots, members: shape.members, enterprises: 0, year: shape.year });
    console.log(`cây đơn vị: ${shape.grassroots} CĐCS trong ${shape.cities} thành phố, ${ms(performance.now() - t0)}`);
    for await (const line of generateAttendance(client, shape)) console.log(line);
    t0 = performance.now();
    await client.query('vacuum analyze');
    console.log(`vacuum analyze: ${ms(performance.now() - t0)}`);
    const { rows: [c] } = await client.query(`select (select count(*) from member)::int as members, (select count(*) from activity)::int as activities,
      (select count(*) from attendance)::bigint as attendance, (select count(*) from member_participation)::int as participation,
      pg_size_pretty(pg_total_relation_size('attendance')) as attendance_size, pg_size_pretty(pg_total_relation_size('member_participation')) as participation_size`);
    console.log(`dữ liệu: ${c.members} đoàn viên, ${c.activities} hoạt động, ${c.attendance} lượt điểm danh (${c.attendance_size}), ${c.participation} dòng tham gia theo năm (${c.participation_size})`);

    const db = handle.db;
    const period = { from: `${shape.year}-01-01`, to: `${shape.year}-12-31` };
    const results: { label: string; key: string; times: number[]; value: string }[] = [];
    for (const [label, unitPath] of [['cả tỉnh', '1.2'], ['một thành phố', '1.2.101']] as const) {
      for (const key of KEYS) {
        const def = indicatorByKey(key)!;
        const times: number[] = [];
        let value = '';
        for (let i = 0; i < RUNS; i++) {
          const s = performance.now();
          const rows = await def.compute(db, { unitPath, ...period, byChild: i % 2 === 1 });
          times.push(performance.now() - s);
          const num = rows.reduce((a, r) => a + r.numerator, 0);
          const den = rows.reduce((a, r) => a + (r.denominator ?? 0), 0);
          value = `${num}/${den} = ${(100 * num / den).toFixed(1)}%`;
        }
        results.push({ label, key, times, value });
        console.log(`${key} (${label}, năm ${shape.year}): ${value}; p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}, p99 ${ms(pct(times, 99))} (${RUNS} lần, nửa số lần nhóm theo đơn vị trực thuộc)`);
      }
    }
    // The first half (also read from the per-year table) and an arbitrary period (read from attendance rows).
    for (const [label, p] of [['6 tháng đầu năm', { from: `${shape.year}-01-01`, to: `${shape.year}-06-30` }], ['01/06–31/12 (đọc bảng điểm danh)', { from: `${shape.year}-06-01`, to: `${shape.year}-12-31` }]] as const) {
      const s = performance.now();
      await indicatorByKey('study_participation')!.compute(db, { unitPath: '1.2', ...p, byChild: false });
      console.log(`study_participation (cả tỉnh, ${label}): ${ms(performance.now() - s)}`);
    }

    const slowest = results.filter((r) => r.label === 'cả tỉnh').sort((a, b) => pct(b.times, 50) - pct(a.times, 50))[0];
    const captured: { sql: string; parameters: readonly unknown[] }[] = [];
    const logging = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: URL, max: 1 }) }),
      log: (e) => { if (e.level === 'query') captured.push({ sql: e.query.sql, parameters: e.query.parameters }); },
    });
    await indicatorByKey(slowest.key)!.compute(logging, { unitPath: '1.2', ...period, byChild: false });
    await logging.destroy();
    console.log(`\nChỉ số chậm nhất trên cả tỉnh: ${slowest.key} (p50 ${ms(pct(slowest.times, 50))}); kế hoạch thực thi:`);
    for (const q of captured) {
      const plan = await client.query(`explain (analyze, buffers, costs off) ${q.sql}`, q.parameters as unknown[]);
      console.log(plan.rows.map((r) => '  ' + r['QUERY PLAN']).join('\n'));
    }
    const worst = Math.max(...results.filter((r) => r.label === 'cả tỉnh').map((r) => pct(r.times, 50)));
    console.log(`\nKết quả: T1, T6, T8 cho cả tỉnh, trung vị lớn nhất ${ms(worst)} (mục tiêu ≤ 300 ms) ${worst <= 300 ? 'ĐẠT' : 'CHƯA ĐẠT'}`);
    console.log(`Tổng thời gian ${ms(performance.now() - started)}; bộ nhớ đỉnh của tiến trình đo (RSS) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    await client.end();
    await handle.close();
  } finally {
    if (!KEEP) await admin.query(`drop database if exists ${NAME} with (force)`);
    else console.log(`Giữ lại cơ sở dữ liệu ${NAME} (--keep).`);
    await admin.end();
  }
}

await main();
