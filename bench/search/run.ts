import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { fold } from '@cds/shared';
import { openDatabase } from '../../server/src/db/connection.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import type { Database } from '../../server/src/db/schema.ts';
import { loadActor, type Actor } from '../../server/src/auth/actor.ts';
import { listMembers } from '../../server/src/modules/members/service.ts';
import { HASH_FUNCTION, generateTree } from '../targets/generate.ts';
import { benchNames, generateMembers, givenNamesFolded } from './generate-members.ts';

/**
 * npm run bench:search [-- --keep] — 1 000 000 members of a generated province on the PostgreSQL
 * server, then 1 000 mixed searches (a name fragment typed without diacritics, a full name, a
 * CCCD or phone fragment) through the same service the API calls, as a province officer and as a
 * city officer. Prints p50/p95/p99 per scope and per kind, and the plan of the slowest kind.
 * Goal: p95 ≤ 30 ms.
 */
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'cds_bench_search';
const URL = ADMIN_URL.replace(/\/[^/]*$/, `/${NAME}`);
const KEEP = process.argv.includes('--keep');
const REUSE = process.argv.includes('--reuse');
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 1_000);
const GOAL_P95 = 30;

const ms = (t: number) => `${t.toFixed(1)} ms`;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** A deterministic sequence, so every run types the same searches. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

type Kind = 'fragment' | 'fullName' | 'idFragment';
interface Search { kind: Kind; q: string }

async function searches(client: pg.Client): Promise<Search[]> {
  const r = rng(7);
  const given = givenNamesFolded();
  const names = benchNames();
  const { rows: sample } = await client.query<{ full_name: string; citizen_id: string; phone: string }>(
    `select full_name, citizen_id, phone from member where id % 997 = 0 order by id limit 1000`);
  const out: Search[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const kind: Kind = (['fragment', 'fullName', 'idFragment'] as const)[i % 3];
    const m = sample[Math.floor(r() * sample.length)];
    if (kind === 'fragment') {
      // "hang", "thi hang", "nguyen" — what people type when they know part of a name.
      const n = fold(names[Math.floor(r() * names.length)].fullName).split(' ');
      const pick = r();
      out.push({ kind, q: pick < 0.5 ? given[Math.floor(r() * given.length)] : pick < 0.8 ? n.slice(-2).join(' ') : `${n[0]} ${n[n.length - 1]}` });
    } else if (kind === 'fullName') {
      out.push({ kind, q: r() < 0.5 ? m.full_name : fold(m.full_name) });
    } else {
      const source = r() < 0.7 ? m.citizen_id : m.phone;
      const len = 6 + Math.floor(r() * 4);
      const start = Math.floor(r() * (source.length - len + 1));
      out.push({ kind, q: source.slice(start, start + len) });
    }
  }
  return out;
}

async function main() {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query(`select 1 from pg_database where datname = $1`, [NAME])).rowCount;
  const fresh = !(REUSE && exists);
  if (fresh) {
    await admin.query(`drop database if exists ${NAME} with (force)`);
    await admin.query(`create database ${NAME}`);
  }
  const handle = await openDatabase({ url: URL, poolSize: 2 });
  try {
    await migrateToLatest(handle.db);
    const client = new pg.Client({ connectionString: URL });
    client.on('error', () => {});
    await client.connect();
    if (fresh) {
      await client.query(HASH_FUNCTION);
      let t0 = performance.now();
      const province = await generateTree(client, { cities: 20, grassroots: 10_000, members: MEMBERS, enterprises: 0, year: 2025 });
      console.log(`cây đơn vị: 10 000 CĐCS trong 20 thành phố, ${ms(performance.now() - t0)}`);
      t0 = performance.now();
      console.log(`sinh dữ liệu: ${await generateMembers(client, { members: MEMBERS, grassroots: 10_000, year: 2025 })}; ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      await client.query(`insert into app_user (username, full_name, password_hash) values ('tinh', 'Cán bộ LĐLĐ tỉnh', 'x'), ('thanhpho', 'Cán bộ LĐLĐ thành phố', 'x')`);
      await client.query(`insert into role_grant (user_id, role, unit_id) select id, 'federation_officer', case username when 'tinh' then ${province.provinceId} else ${province.cityId} end from app_user`);
    }
    const { rows: [size] } = await client.query(`select (select count(*) from member)::int as members,
      (select count(*) from member where unit_path <@ '1.2.101')::int as city, pg_size_pretty(pg_total_relation_size('member')) as bytes`);
    console.log(`đoàn viên: ${size.members.toLocaleString('vi-VN')} (thành phố đo: ${size.city.toLocaleString('vi-VN')}); bảng member ${size.bytes}`);

    const users = (await client.query<{ id: number; username: string }>(`select id, username from app_user where username in ('tinh', 'thanhpho')`)).rows;
    const actors: [string, Actor, number][] = [];
    for (const u of users.sort((a, b) => (a.username === 'tinh' ? -1 : 1))) {
      const actor = (await loadActor(handle.db, u.id))!;
      actors.push([u.username === 'tinh' ? 'Cán bộ tỉnh (cả tỉnh)' : 'Cán bộ thành phố', actor, actor.grants[0].unitId]);
    }
    const list = await searches(client);
    const run = (actor: Actor, unitId: number, s: Search) => listMembers(handle.db, actor, { unitId, filters: { q: s.q }, pageSize: 50 });

    // Warm up the caches the way a server that has been running would have them.
    for (const s of list.slice(0, 60)) for (const [, actor, unitId] of actors) await run(actor, unitId, s);

    let slowest = { time: -1, search: list[0], actor: actors[0][1], unitId: actors[0][2], scope: '' };
    const allTimes: number[] = [];
    let hits = 0;
    for (const [scope, actor, unitId] of actors) {
      const byKind: Record<Kind, number[]> = { fragment: [], fullName: [], idFragment: [] };
      for (const s of list) {
        const t0 = performance.now();
        const res = await run(actor, unitId, s);
        const took = performance.now() - t0;
        if (res.rows.length) hits++;
        byKind[s.kind].push(took);
        allTimes.push(took);
        if (took > slowest.time) slowest = { time: took, search: s, actor, unitId, scope };
      }
      const all = Object.values(byKind).flat();
      console.log(`\n${scope}: ${all.length} lượt tìm — p50 ${ms(pct(all, 50))}, p95 ${ms(pct(all, 95))}, p99 ${ms(pct(all, 99))}, lớn nhất ${ms(Math.max(...all))}`);
      for (const [kind, xs] of Object.entries(byKind)) {
        console.log(`  ${kind.padEnd(11)} p50 ${ms(pct(xs, 50))}, p95 ${ms(pct(xs, 95))}, p99 ${ms(pct(xs, 99))}`);
      }
    }
    console.log(`\nCó kết quả: ${hits} / ${allTimes.length} lượt`);

    // The slowest search, replayed with the statements it sent, under EXPLAIN ANALYZE.
    const captured: { sql: string; parameters: readonly unknown[] }[] = [];
    const logging = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: URL, max: 1 }) }),
      log: (e) => { if (e.level === 'query') captured.push({ sql: e.query.sql, parameters: e.query.parameters }); },
    });
    await listMembers(logging, slowest.actor, { unitId: slowest.unitId, filters: { q: slowest.search.q }, pageSize: 50 });
    await logging.destroy();
    console.log(`\nLượt chậm nhất: "${slowest.search.q}" (${slowest.search.kind}, ${slowest.scope}) ${ms(slowest.time)}; kế hoạch thực thi:`);
    await client.query('begin');
    for (const q of captured) {
      if (/^\s*(begin|commit|rollback)/i.test(q.sql)) continue;
      if (!q.sql.includes('from member m')) {
        await client.query(q.sql, q.parameters as unknown[]);
        continue;
      }
      const plan = await client.query(`explain (analyze, buffers, costs off) ${q.sql}`, q.parameters as unknown[]);
      console.log(plan.rows.map((r) => '  ' + r['QUERY PLAN']).join('\n') + '\n');
    }
    await client.query('rollback');
    const p95 = pct(allTimes, 95);
    console.log(`Kết quả: p50 ${ms(pct(allTimes, 50))}, p95 ${ms(p95)}, p99 ${ms(pct(allTimes, 99))} (mục tiêu p95 ≤ ${GOAL_P95} ms) ${p95 <= GOAL_P95 ? 'ĐẠT' : 'CHƯA ĐẠT'}`);
    console.log(`Bộ nhớ đỉnh của tiến trình đo: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    await client.end();
  } catch (err) {
    console.error(err);
    process.exitCode = 1;
  } finally {
    await handle.close();
    if (!KEEP) await admin.query(`drop database if exists ${NAME} with (force)`);
    else console.log(`Giữ lại cơ sở dữ liệu ${NAME} (--keep); chạy lại với --reuse để đo mà không sinh lại dữ liệu.`);
    await admin.end();
  }
}

await main();
