import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { OUTSIDE_MARKER } from '../../test/fixture.ts';
import { authzSamples, guessOutside } from '../../test/authz-samples.ts';

/**
 * Every registered route, called by each role scoped to one grassroots union (or its city) with
 * ids of records in another city: nothing outside the subtree may come back, nothing may change.
 * New routes are covered without touching this file.
 */
let t: TestApp;
let outside: Record<string, number>;
beforeAll(async () => {
  t = await startTestApp();
  const grant = await t.database.db.selectFrom('role_grant').select('id').where('user_id', '=', t.ids.users.groz).executeTakeFirstOrThrow();
  outside = { grant: grant.id };
});
afterAll(async () => { await t?.close(); });

async function outsideFingerprint(): Promise<string> {
  const { rows } = await sql<{ f: string }>`
    select md5(coalesce(string_agg(u.id || ':' || u.version || ':' || coalesce(u.dissolved_on::text, '') || ':' || u.path::text, ',' order by u.id), '')) ||
      (select count(*)::text from audit_log a where a.unit_path <@ (select path from org_unit where id = ${t.ids.otherCity})) ||
      (select count(*)::text from role_grant g where g.user_id = ${t.ids.users.groz} and g.revoked_at is null) ||
      (select md5(coalesce(string_agg(password_hash || active::text, ','), '')) from app_user where id = ${t.ids.users.groz}) as f
    from org_unit u where u.path <@ (select path from org_unit where id = ${t.ids.otherCity})`.execute(t.database.db);
  return rows[0].f;
}

function buildUrl(url: string, params: Record<string, number | string>, query?: Record<string, string | number>) {
  let path = url.replace(/:(\w+)/g, (_, name) => String(params[name] ?? guessOutside(name, t.ids, outside)));
  const q = { unitId: t.ids.z, under: t.ids.z, ...(query ?? {}) };
  path += (path.includes('?') ? '&' : '?') + new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();
  return path;
}

describe.each(['gro', 'insp', 'obs', 'mem', 'fed'])('role %s', (username) => {
  it('reaches nothing outside its subtree on any route', async () => {
    const client: Client = await t.as(username);
    const samples = authzSamples(t.ids, outside);
    const routes = t.app.routeList.filter((r) => r.url.startsWith('/api/') && !r.public && !r.url.startsWith('/api/docs')
      && r.method !== 'HEAD' && r.method !== 'OPTIONS' && !r.url.startsWith('/api/auth/'));
    expect(routes.length).toBeGreaterThan(10);
    const before = await outsideFingerprint();
    const leaks: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const sample = samples[key] ?? {};
      const res = await client.request(route.method, buildUrl(route.url, sample.params ?? {}, sample.query), route.method === 'GET' ? undefined : (sample.body ?? {}));
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      if (res.status < 400 && route.method !== 'GET') leaks.push(`${key} → ${res.status} (ghi thành công ngoài phạm vi)`);
      if (res.raw.includes(OUTSIDE_MARKER) || text.includes(OUTSIDE_MARKER)) leaks.push(`${key} → lộ dữ liệu ngoài phạm vi`);
      if (samples[key]?.body && res.status === 400) leaks.push(`${key} → 400 (${res.body?.message}); sửa mẫu để kiểm tra phạm vi thật`);
    }
    expect(leaks).toEqual([]);
    expect(await outsideFingerprint()).toBe(before);
  });
});
