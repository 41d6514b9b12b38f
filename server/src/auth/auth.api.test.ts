import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { TEST_PASSWORD } from '../../test/fixture.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp({ loginRateLimit: 8 }); });
afterAll(async () => { await t?.close(); });

const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie'] ?? '');

describe('signing in', () => {
  it('a correct password opens an http-only session and /me tells roles and permissions', async () => {
    const res = await t.anonymous.post('/api/auth/login', { username: 'FED', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(cookieOf(res)).toMatch(/cds_session=.+HttpOnly/i);
    const token = /cds_session=([^;]+)/.exec(cookieOf(res))![1];
    const me = await t.anonymous.request('GET', '/api/auth/me', undefined, { cookie: `cds_session=${token}` });
    expect(me.body).toMatchObject({ username: 'fed', grants: [{ role: 'federation_officer', unitId: t.ids.city }] });
    expect(me.body.grants[0].permissions).toContain('unit.write');
    const out = await t.anonymous.request('POST', '/api/auth/logout', {}, { cookie: `cds_session=${token}` });
    expect(out.status).toBe(200);
    const after = await t.anonymous.request('GET', '/api/auth/me', undefined, { cookie: `cds_session=${token}` });
    expect(after.status).toBe(401);
  });

  it('a wrong password is refused in Vietnamese, and the fifth failure locks the account', async () => {
    for (let i = 1; i <= 4; i++) {
      const res = await t.anonymous.post('/api/auth/login', { username: 'obs', password: 'sai-mat-khau' });
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    const fifth = await t.anonymous.post('/api/auth/login', { username: 'obs', password: 'sai-mat-khau' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.message).toMatch(/tạm khóa 15 phút/);
    const evenRight = await t.anonymous.post('/api/auth/login', { username: 'obs', password: TEST_PASSWORD });
    expect(evenRight.status).toBe(423);
    expect(evenRight.body.code).toBe('account_locked');
  });

  it('every non-public route needs a session', async () => {
    const res = await t.anonymous.get(`/api/units/${t.ids.city}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('changing the password checks the current one and the rules, then works', async () => {
    const gro = await t.as('gro');
    expect((await gro.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'MoiMoi2026' })).body.code).toBe('wrong_password');
    expect((await gro.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'chiconchu' })).body.code).toBe('weak_password');
    expect((await gro.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'MatKhauMoi2026' })).status).toBe(200);
    const login = await t.anonymous.post('/api/auth/login', { username: 'gro', password: 'MatKhauMoi2026' });
    expect(login.status).toBe(200);
  });

  it('the health endpoint reports the engine and the migration', async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.body).toMatchObject({ ok: true, engine: expect.stringMatching(/pglite|postgres/), migration: expect.stringMatching(/^\d{4}_/) });
  });

  it('the OpenAPI document lists the routes', async () => {
    const res = await t.anonymous.get('/api/docs/json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toContain('/api/units/{id}/move');
  });
  // last: it uses up the address's login budget
  it('too many attempts from one address are rate-limited with a Vietnamese message', async () => {
    let last = 0;
    let body: any;
    for (let i = 0; i < 12 && last !== 429; i++) {
      const res = await t.anonymous.post('/api/auth/login', { username: 'nobody', password: 'x' });
      last = res.status;
      body = res.body;
    }
    expect(last).toBe(429);
    expect(body.message).toMatch(/quá nhanh/);
  });

});
