import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { INDICATORS } from '../modules/programme/indicators.ts';
import type { Db } from './connection.ts';

/**
 * docs/scaling.md: the big tables (those carrying province_id) are to be distributed by province.
 * Citus cannot be installed here, so this runs every indicator's SQL, unchanged, against
 * hash-partitioned copies of those tables and expects the same figures as on the plain tables.
 */
let t: TestApp;
let bigTables: string[];
beforeAll(async () => {
  t = await startTestApp();
  const { rows } = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c join information_schema.tables tb using (table_schema, table_name)
    where c.table_schema = 'public' and c.column_name = 'province_id' and tb.table_type = 'BASE TABLE' and c.table_name <> 'org_unit'
    order by 1`.execute(t.database.db);
  bigTables = rows.map((r) => r.table_name);
  await sql`create schema part`.execute(t.database.db);
  for (const table of bigTables) {
    const { rows: cols } = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER' order by ordinal_position`.execute(t.database.db);
    const list = sql.join(cols.map((c) => sql.ref(c.column_name)));
    await sql`create table part.${sql.raw(table)} (like public.${sql.raw(table)} including defaults including generated) partition by hash (province_id)`.execute(t.database.db);
    for (let r = 0; r < 4; r++) {
      await sql`create table part.${sql.raw(`${table}_p${r}`)} partition of part.${sql.raw(table)} for values with (modulus 4, remainder ${sql.lit(r)})`.execute(t.database.db);
    }
    await sql`insert into part.${sql.raw(table)} (${list}) select ${list} from public.${sql.raw(table)}`.execute(t.database.db);
  }
});
afterAll(async () => { await t?.close(); });

/** Runs on one connection whose search_path puts the partitioned copies first. */
async function onPartitions<T>(db: Db, run: (conn: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`set search_path = part, public`.execute(conn);
    try {
      return await run(conn);
    } finally {
      await sql`set search_path = public`.execute(conn);
    }
  });
}

describe('distribution by province, rehearsed on partitioned tables', () => {
  it('finds the big tables that carry the province key', () => {
    expect(bigTables).toEqual(expect.arrayContaining(['member', 'member_event', 'enterprise']));
  });

  it('every indicator gives the same figures on hash-partitioned tables as on plain ones', async () => {
    const cityPath = (await t.database.db.selectFrom('org_unit').select(sql<string>`path::text`.as('path')).where('id', '=', t.ids.city).executeTakeFirstOrThrow()).path;
    const q = { unitPath: cityPath, from: '2025-01-01', to: '2026-12-31', byChild: true };
    const sort = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    for (const def of INDICATORS) {
      const plain = await def.compute(t.database.db, q);
      const partitioned = await onPartitions(t.database.db, (conn) => def.compute(conn, q));
      expect(sort(partitioned), def.key).toEqual(sort(plain));
    }
    const { rows: [check] } = await onPartitions(t.database.db, (conn) => sql<{ routed: boolean; n: number }>`
      select to_regclass('member')::oid = 'part.member'::regclass::oid as routed, (select count(*)::int from member) as n`.execute(conn));
    expect(check).toEqual({ routed: true, n: expect.any(Number) });
    expect(check.n).toBeGreaterThan(0);
  });
});
