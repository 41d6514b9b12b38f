/**
 * npm run bench:import [-- --rows 100000 --keep]: a messy member list of 100,000 rows imported
 * into PostgreSQL, beside the floor measured in the same run (a bare ExcelJS streaming read of
 * the same file + COPY of its rows). Goal: ≤ 3× the floor, ≤ 15 s, ≤ 500 MB peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../../server/src/db/connection.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { buildFixture } from '../../server/test/fixture.ts';
import { writeMessyMemberFile } from '../../server/test/messy-members.ts';
import { REPO_ROOT } from '../../server/src/config.ts';

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'cds_bench_import';
const URL = ADMIN_URL.replace(/\/[^/]*$/, `/${NAME}`);
const args = process.argv.slice(2);
const ROWS = Number(args[args.indexOf('--rows') + 1]) || 100_000;
const KEEP = args.includes('--keep');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function phase(what: 'floor' | 'import', file: string) {
  const r = spawnSync(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', `${REPO_ROOT}bench/import/phase.ts`, what, file, URL], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${what} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

async function main() {
  mkdirSync(`${REPO_ROOT}.tmp`, { recursive: true });
  const file = `${REPO_ROOT}.tmp/bench-import-${ROWS}.xlsx`;
  let t0 = performance.now();
  const { expected, dataRows } = await writeMessyMemberFile({ rows: ROWS, seed: 424242, idBase: 1, path: file, groups: ['Tổ công đoàn Phân xưởng may 1', 'Phân xưởng may 1'] });
  const want = { created: 0, duplicate: 0, invalid: 0 } as Record<string, number>;
  for (const e of expected) if (e.status in want) want[e.status] += 1;
  console.log(`tệp: ${dataRows.toLocaleString('vi-VN')} dòng dữ liệu, ${(statSync(file).size / 1e6).toFixed(1)} MB, tạo trong ${s(performance.now() - t0)}`);
  console.log(`  theo bộ sinh: ${want.created} mới, ${want.duplicate} trùng, ${want.invalid} lỗi`);

  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${NAME} with (force)`);
  await admin.query(`create database ${NAME}`);
  try {
    const handle = await openDatabase({ url: URL, poolSize: 2 });
    await migrateToLatest(handle.db);
    await buildFixture(handle.db);
    await handle.close();

    const floor = phase('floor', file);
    console.log(`\nsàn (đọc ExcelJS streaming + COPY thô): ${s(floor.ms)} (đọc ${s(floor.readMs)}), RSS đỉnh ${floor.maxRssMb} MB, ${floor.rows} dòng`);
    const first = phase('import', file);
    console.log(`nhập lần 1: ${s(first.ms)}, RSS đỉnh ${first.maxRssMb} MB — ${JSON.stringify(first.summary)}`);
    for (const [name, ms] of Object.entries(first.phases as Record<string, number>)) console.log(`    ${name}: ${s(ms)}`);
    const again = phase('import', file);
    console.log(`nhập lại cùng tệp: ${s(again.ms)}, RSS đỉnh ${again.maxRssMb} MB — ${JSON.stringify(again.summary)}`);
    const ratio = first.ms / floor.ms;
    const ok = first.summary.created === want.created && first.summary.invalid === want.invalid && again.summary.created === 0 && again.summary.updated === 0;
    console.log(`\ntỉ lệ so với sàn: ${ratio.toFixed(2)}× (mục tiêu ≤ 3×) · thời gian ${s(first.ms)} (≤ 15 s) · RSS ${first.maxRssMb} MB (≤ 500 MB)`);
    console.log(`kết quả khớp bộ sinh và nhập lại không đổi gì: ${ok ? 'có' : 'KHÔNG'}`);

    const client = new pg.Client({ connectionString: URL });
    await client.connect();
    const { rows } = await client.query(`explain analyze select m.id from member m where m.unit_id = (select id from org_unit where code = 'CDCS-A') and m.name_sort = (select name_sort from member limit 1)`);
    console.log('\nEXPLAIN ANALYZE (so khớp họ tên trong đơn vị):\n' + rows.map((r) => '  ' + r['QUERY PLAN']).join('\n'));
    await client.end();
  } finally {
    if (!KEEP) await admin.query(`drop database if exists ${NAME} with (force)`);
    await admin.end();
  }
}

await main();
